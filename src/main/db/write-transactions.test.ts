import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { REPO_ROOT } from '../repo-paths.ts';

/**
 * Two connections write the library (the UI thread's and the sync thread's). A
 * transaction that begins DEFERRED, reads, and then writes after the other connection
 * committed fails at once with SQLITE_BUSY_SNAPSHOT ("database is locked") — the busy
 * timeout cannot help, the snapshot is stale. That was the e2e flake "unsubscribe
 * keeping the bookmark": the bookmark's capture committed on the sync thread between
 * the unsubscribe's read and its delete. Every write transaction therefore begins
 * IMMEDIATE: it takes the write lock first, waiting for the other writer if need be.
 */
describe('write transactions', () => {
  it('a deferred read-then-write fails when the other connection commits in between; an immediate one does not', () => {
    const file = path.join(tempDir(), 'two-writers.db');
    const ui = new Database(file);
    ui.pragma('journal_mode = WAL');
    ui.pragma('busy_timeout = 5000');
    ui.exec('CREATE TABLE t (x)');
    const sync = new Database(file);
    sync.pragma('busy_timeout = 5000');
    const readThenWrite = () => {
      ui.prepare('SELECT count(*) FROM t').get();
      sync.exec('INSERT INTO t VALUES (1)');
      ui.prepare('DELETE FROM t').run();
    };
    expect(() => ui.transaction(readThenWrite)()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY_SNAPSHOT' }));
    // Immediate: the other connection now has to wait for the lock (here: it times out at once, and the transaction goes through).
    sync.pragma('busy_timeout = 0');
    const immediate = () => {
      ui.prepare('SELECT count(*) FROM t').get();
      expect(() => sync.exec('INSERT INTO t VALUES (2)')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      ui.prepare('DELETE FROM t').run();
    };
    expect(() => ui.transaction(immediate).immediate()).not.toThrow();
    ui.close();
    sync.close();
  });

  it('every transaction in the app begins IMMEDIATE', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
          const text = fs.readFileSync(file, 'utf8');
          const opened = text.match(/\.transaction\(/g)?.length ?? 0;
          const immediate = text.match(/\.immediate\(/g)?.length ?? 0;
          if (opened !== immediate) offenders.push(`${path.relative(REPO_ROOT, file)}: ${opened} transactions, ${immediate} immediate`);
        }
      }
    };
    walk(path.join(REPO_ROOT, 'src', 'main'));
    expect(offenders).toEqual([]);
  });
});
