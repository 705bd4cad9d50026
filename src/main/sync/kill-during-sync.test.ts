import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY } from '../../test-support/cli-process.ts';
import { freePort, generateReferenceCorpus, referenceBenchAvailable, startReferenceServer } from '../../test-support/reference-corpus.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { DATABASE_FILE } from '../db/connection.ts';

/**
 * SIGKILL in the middle of a sync, again and again, on the reference corpus's generator
 * and server (../shared/bench: 300 feeds with article pages and pictures, here with
 * small feeds so that each run is short). Kills land at moments chosen by a seeded
 * generator, each after the library has visibly moved on since the last one.
 */
const KILLS = 20;
const CLI = CLI_ENTRY;

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How far the library has got: articles stored, captured, pictures kept. */
function progress(dataDir: string): number {
  try {
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 2000');
      const row = db
        .prepare(
          'SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM articles WHERE captured_at IS NOT NULL) + (SELECT count(*) FROM images) AS n',
        )
        .get() as { n: number };
      return row.n;
    } finally {
      db.close();
    }
  } catch {
    return -1;
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!referenceBenchAvailable())('SIGKILL in the middle of a sync, repeatedly', () => {
  it(`${KILLS} kills over a 300-feed sync with offline capture: integrity ok, nothing the person set is lost, the next sync completes`, async () => {
    const port = await freePort();
    const corpus = tempDir('broadsheet-kill-corpus-');
    const { items } = generateReferenceCorpus(corpus, port, [
      ...['--feeds', '300', '--min-items', '3', '--max-items', '6', '--min-kb', '1', '--max-kb', '3'],
    ]);
    const server = await startReferenceServer(corpus, port, ['--max-seconds', '600']);
    try {
      const dataDir = tempDir();
      const imported = spawnSync(process.execPath, [CLI, 'import-opml', path.join(corpus, 'feeds.opml'), '--data-dir', dataDir], {
        encoding: 'utf8',
      });
      expect(imported.status, imported.stderr).toBe(0);

      const random = mulberry32(42);
      /** What the person set between runs: article identity → [read, bookmarked]. */
      const expected = new Map<string, [number, number]>();
      let killed = 0;
      let last = progress(dataDir);
      /**
       * How long a run that was not killed spent talking to the server: once everything
       * is stored a run only checks (every feed 304) and ends quickly, so the kill is drawn
       * inside that span, counted from the run's first request — never by machine speed.
       */
      let runMs: number | null = null;
      for (let run = 0; killed < KILLS && run < KILLS * 10; run++) {
        const requestsBefore = (await server.stats()).requests;
        const child = spawn(process.execPath, [CLI, 'sync', '--json', '--data-dir', dataDir], { stdio: 'ignore' });
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        let done = false;
        void exited.then(() => {
          done = true;
        });
        // Wait until the library has moved on since the last kill (so the kill lands in
        // the middle of writing), or — once everything is stored and a run only checks —
        // a moment drawn from the seeded generator; then a little more.
        while (!done && (await server.stats()).requests <= requestsBefore) await delay(5);
        const started = Date.now();
        const patience = runMs === null ? 300 + Math.floor(random() * 1200) : Math.floor(random() * runMs * 0.8);
        while (!done && progress(dataDir) <= last && Date.now() - started < patience) await delay(5);
        if (!done && runMs === null) await delay(Math.floor(random() * 250));
        const killedThisRun = !done;
        if (killedThisRun) {
          child.kill('SIGKILL');
          killed++;
        }
        await exited;
        if (!killedThisRun) runMs = Date.now() - started;
        last = progress(dataDir);

        // Between runs the person reads and bookmarks what is there.
        const db = new Database(path.join(dataDir, DATABASE_FILE));
        const rows = db.prepare('SELECT a.id, a.identity FROM articles a ORDER BY random() LIMIT 6').all() as {
          id: number;
          identity: string;
        }[];
        const set = db.prepare(
          'INSERT INTO article_state (article_id, read, bookmarked, bookmarked_at) VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET read = excluded.read, bookmarked = excluded.bookmarked, bookmarked_at = excluded.bookmarked_at',
        );
        for (const [i, row] of rows.entries()) {
          const state: [number, number] = [i % 2, i % 3 === 0 ? 1 : 0];
          set.run(row.id, state[0], state[1], state[1] ? Date.now() : null);
          expected.set(row.identity, state);
        }
        db.close();
      }
      expect(killed).toBe(KILLS);

      const db = new Database(path.join(dataDir, DATABASE_FILE));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();

      // Later: stray files of the killed runs are past the age a store in progress could have.
      const images = path.join(dataDir, 'images');
      const hourAgo = new Date(Date.now() - 3_600_000);
      if (fs.existsSync(images))
        for (const file of fs.readdirSync(images, { recursive: true, withFileTypes: true }))
          if (file.isFile()) fs.utimesSync(path.join(file.parentPath, file.name), hourAgo, hourAgo);

      const final = spawnSync(process.execPath, [CLI, 'sync', '--json', '--data-dir', dataDir], { encoding: 'utf8' });
      expect(final.status, final.stderr).toBe(0);
      const report = JSON.parse(final.stdout);
      expect(report.failed).toEqual([]);

      const after = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
      expect(after.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(items);
      expect(after.prepare('SELECT count(*) FROM feeds WHERE last_success_at IS NULL').pluck().get()).toBe(0);
      const state = after.prepare(
        'SELECT st.read, st.bookmarked FROM articles a JOIN article_state st ON st.article_id = a.id WHERE a.identity = ?',
      );
      for (const [identity, [read, bookmarked]] of expected) expect(state.get(identity), identity).toEqual({ read, bookmarked });
      // Every picture file has its row, every stored row its file; nothing half-written remains.
      const files = fs.existsSync(images)
        ? fs
            .readdirSync(images, { recursive: true, withFileTypes: true })
            .filter((f) => f.isFile())
            .map((f) => f.name)
        : [];
      expect(files.filter((name) => name.endsWith('.partial'))).toEqual([]);
      // Whatever a killed run left out of the search index was found and indexed: every article is in it once.
      expect(after.prepare('SELECT count(*) FROM articles_fts_docsize').pluck().get()).toBe(items);
      expect(after.prepare('SELECT indexed_through FROM search_index_state').pluck().get()).toBe(
        after.prepare('SELECT max(id) FROM articles').pluck().get(),
      );
      const keys = new Set(after.prepare('SELECT key FROM images WHERE stored_at IS NOT NULL').pluck().all() as string[]);
      expect(new Set(files)).toEqual(keys);
      after.close();
    } finally {
      server.stop();
    }
  }, 240_000);
});
