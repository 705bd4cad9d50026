import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY, runCli, runCliAsync } from '../test-support/cli-process.ts';
import { type Handler, httpFixture, rssWith } from '../test-support/http-fixture.ts';
import { summaryOnlyNewsSite } from '../test-support/news-site.ts';
import { storyCorpus } from '../test-support/story-corpus.ts';
import { storeCorpus } from '../test-support/story-library.ts';
import { tempDir } from '../test-support/temp-dir.ts';
import { openDatabase } from './db/connection.ts';
import { LATEST_SCHEMA_VERSION } from './db/migrate.ts';
import { REPO_ROOT } from './repo-paths.ts';

const cli = runCli;

describe('cli', () => {
  it('prints help', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('status [--json]');
  });

  it('reports the library status as JSON, after loading the sample', () => {
    const dir = tempDir();
    expect(cli('status', '--json', '--data-dir', dir).stdout).toContain('"articles": 0');
    expect(cli('load-sample', '--data-dir', dir).code).toBe(0);
    const status = JSON.parse(cli('status', '--json', '--data-dir', dir).stdout);
    expect(status).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, sections: 6, feeds: 6, bookmarks: 0 });
    expect(status.articles).toBeGreaterThan(10);
  });

  it('uses BROADSHEET_DATA_DIR when no --data-dir is given', () => {
    const dir = tempDir();
    const result = spawnSync(process.execPath, [CLI_ENTRY, 'status', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, BROADSHEET_DATA_DIR: dir },
    });
    expect(JSON.parse(result.stdout).dataDir).toBe(dir);
  });

  it('refuses a library from a newer version with a clear message and a non-zero exit', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'broadsheet.db'));
    db.pragma('user_version = 99');
    db.close();
    const { code, stderr } = cli('status', '--data-dir', dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/newer version of Broadsheet \(schema 99\)/);
  });

  it('parses several files to JSON Lines, one object per file, errors included', () => {
    const dir = tempDir();
    const good = path.join(dir, 'good.xml');
    const bad = path.join(dir, 'bad.txt');
    fs.writeFileSync(good, '<rss version="2.0"><channel><title>Good</title><item><title>x</title></item></channel></rss>');
    fs.writeFileSync(bad, 'not a feed');
    const { code, stdout } = cli('parse', good, bad);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'rss2', title: 'Good' });
    expect(lines[1]).toMatchObject({ file: bad, error: expect.stringMatching(/neither XML nor JSON/) });
  });

  it('finishes quietly when whoever reads its output goes away (a pipe to head)', async () => {
    const dataDir = tempDir();
    expect(cli('load-sample', '--data-dir', dataDir).code).toBe(0);
    const child = spawn(process.execPath, [CLI_ENTRY, 'articles', '--json', '--limit', '500', '--data-dir', dataDir], { cwd: REPO_ROOT });
    // The reading end closes before the command has written anything.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('explains an unknown command', () => {
    const { code, stderr } = cli('frobnicate', '--data-dir', tempDir());
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command');
  });
});

const cliAsync = runCliAsync;

describe('cli against feeds on 127.0.0.1', () => {
  it('subscribes, syncs with a JSON summary, lists, searches and exports', async () => {
    let broken = false;
    const server = await httpFixture({
      '/': (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<link rel="alternate" type="application/atom+xml" href="/tech.xml">'),
      '/tech.xml': (_req, res) => res.writeHead(200).end(rssWith(['Chip makers race', 'Quantum update'], 'Tech Daily')),
      '/other.xml': (_req, res) => (broken ? res.writeHead(503).end() : res.writeHead(200).end(rssWith(['Harbour news'], 'Other'))),
    });
    const dir = tempDir();
    const sub = await cliAsync('subscribe', server.url('/'), '--section', 'Tech', '--data-dir', dir);
    expect(sub.stdout).toContain('Subscribed to Tech Daily');
    expect((await cliAsync('subscribe', server.url('/other.xml'), '--data-dir', dir)).code).toBe(0);

    broken = true;
    const sync = await cliAsync('sync', '--json', '--data-dir', dir);
    const report = JSON.parse(sync.stdout);
    expect(report).toMatchObject({ feeds: 2, failed: [{ feed: server.url('/other.xml'), error: expect.stringMatching(/HTTP 503/) }] });
    expect(report.ok + report.notModified).toBe(1);
    expect(sync.code).toBe(1);

    const articles = JSON.parse((await cliAsync('articles', '--section', 'Tech', '--json', '--data-dir', dir)).stdout);
    expect(articles.map((a: { title: string }) => a.title).sort()).toEqual(['Chip makers race', 'Quantum update']);
    const found = JSON.parse((await cliAsync('search', 'quant', '--json', '--data-dir', dir)).stdout);
    expect(found.map((a: { title: string }) => a.title)).toEqual(['Quantum update']);

    const opml = path.join(dir, 'subs.opml');
    expect((await cliAsync('export-opml', opml, '--data-dir', dir)).code).toBe(0);
    expect(fs.readFileSync(opml, 'utf8')).toContain(`xmlUrl="${server.url('/tech.xml')}"`);
  });
});

describe('cli offline reading and backups', () => {
  it('sync saves full texts and pictures, storage counts them, backup and restore round-trip', async () => {
    const { routes } = summaryOnlyNewsSite({ stories: 2 });
    const handlers: Record<string, Handler> = {};
    for (const [p, route] of Object.entries(routes))
      handlers[p] = (_req, res) => res.writeHead(200, { 'content-type': route.type }).end(route.body);
    const server = await httpFixture(handlers);
    const dir = tempDir();
    expect((await cliAsync('subscribe', server.url('/feed.xml'), '--data-dir', dir)).code).toBe(0);
    const sync = JSON.parse((await cliAsync('sync', '--json', '--data-dir', dir)).stdout);
    expect(sync.capture).toMatchObject({ extracted: 2, failed: 0, images: 4, offline: false });
    const storage = JSON.parse((await cliAsync('storage', '--json', '--data-dir', dir)).stdout);
    expect(storage).toMatchObject({ articles: 2, images: 4 });

    const backup = path.join(tempDir(), 'library.db');
    expect((await cliAsync('backup', backup, '--data-dir', dir)).stdout).toContain(`Backed up the library to ${backup}`);
    const restoredDir = tempDir();
    const restore = await cliAsync('restore', backup, '--data-dir', restoredDir);
    expect(restore.code).toBe(0);
    expect(JSON.parse((await cliAsync('status', '--json', '--data-dir', restoredDir)).stdout)).toMatchObject({ feeds: 1, articles: 2 });

    const bad = await cliAsync('restore', path.join(dir, 'nope.db'), '--data-dir', dir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('There is no backup at');
  });
});

describe('cli trending', () => {
  it('prints stories as JSON, highest score first, with their articles; narrows by section and window', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    storeCorpus(db, storyCorpus(), Date.now());
    db.close();
    const result = cli('trending', '--json', '--limit', '3', '--data-dir', dir);
    expect(result.code).toBe(0);
    const stories = JSON.parse(result.stdout);
    expect(stories).toHaveLength(3);
    expect(stories[0]).toMatchObject({
      id: expect.any(Number),
      headline: expect.any(String),
      section: 'News',
      sources: expect.any(Number),
    });
    expect(stories[0].articles[0]).toMatchObject({
      id: expect.any(Number),
      feedTitle: expect.any(String),
      title: expect.any(String),
      url: expect.stringMatching(/^https:/),
      published: expect.any(String),
    });
    const scores = stories.map((s: { score: number }) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // A two-hour window leaves only the freshest coverage.
    const recent = JSON.parse(cli('trending', '--json', '--window', '2h', '--data-dir', dir).stdout);
    expect(recent.every((s: { latestPublished: string }) => Date.now() - Date.parse(s.latestPublished) <= 2 * 3600_000)).toBe(true);
    expect(cli('trending', '--section', 'Nowhere', '--data-dir', dir).stderr).toContain('There is no section');
    expect(cli('trending', '--window', 'soon', '--data-dir', dir).code).not.toBe(0);
  });
});

describe('cli bookmarks', () => {
  it('exports bookmarks as JSON and imports them into another library', () => {
    const from = tempDir();
    const to = tempDir();
    expect(cli('load-sample', '--data-dir', from).code).toBe(0);
    const db = new Database(path.join(from, 'broadsheet.db'));
    db.prepare(
      "UPDATE article_state SET bookmarked = 1, bookmarked_at = 1 WHERE article_id = (SELECT id FROM articles WHERE title LIKE 'Rwanda%')",
    ).run();
    db.close();
    const file = path.join(from, 'bookmarks.json');
    expect(cli('bookmarks', 'export', '--format', 'json', file, '--data-dir', from).code).toBe(0);
    expect(cli('bookmarks', 'export', '--format', 'html', '--data-dir', from).stdout).toContain(
      'Rwanda severs diplomatic ties with Belgium</A>',
    );

    const imported = cli('bookmarks', 'import', file, '--data-dir', to);
    expect(imported.stdout).toContain('Imported 1 bookmarks');
    expect(JSON.parse(cli('status', '--json', '--data-dir', to).stdout)).toMatchObject({ bookmarks: 1, feeds: 0 });
    expect(cli('bookmarks', 'export', '--format', 'pdf', '--data-dir', to).stderr).toContain('--format must be html, md or json');
  });
});
