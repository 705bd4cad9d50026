import zlib from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { httpFixture, rssWith } from '../../test-support/http-fixture.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import { addFeed } from '../library/sections.ts';
import { runSync } from './run-sync.ts';
import { syncAll } from './sync-all.ts';

function library() {
  const db = openDatabase(tempDir());
  const subscribe = (url: string) => addFeed(db, { url, title: '', siteUrl: null, sectionId: null }).id;
  return { db, subscribe };
}

const titlesOf = (db: Database, feedId: number) =>
  (db.prepare('SELECT title FROM articles WHERE feed_id = ? ORDER BY title').all(feedId) as { title: string }[]).map((r) => r.title);
const feedRow = (db: Database, id: number) =>
  db
    .prepare(
      'SELECT url, etag, last_error AS lastError, consecutive_failures AS failures, next_fetch_at AS nextFetchAt, gone FROM feeds WHERE id = ?',
    )
    .get(id) as {
    url: string;
    etag: string | null;
    lastError: string | null;
    failures: number;
    nextFetchAt: number | null;
    gone: number;
  };

describe('syncAll against real servers on 127.0.0.1', () => {
  it('uses conditional GET: validators stored exactly and sent back, 304 costs nothing', async () => {
    const etag = 'W/"v1-\u00e9"'.replace('\u00e9', 'e');
    const server = await httpFixture({
      '/feed.xml': (req, res) => {
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
        res
          .writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': 'Tue, 10 Jun 2025 04:00:00 GMT' })
          .end(rssWith(['One', 'Two']));
      },
    });
    const { db, subscribe } = library();
    const id = subscribe(server.url('/feed.xml'));

    const first = await syncAll(db, () => undefined, { force: true });
    expect(first.newArticles).toBe(2);
    expect(feedRow(db, id).etag).toBe(etag);

    const second = await syncAll(db, () => undefined, { force: true });
    expect(second.results).toEqual([{ feedId: id, status: 'not-modified' }]);
    const last = server.requests.at(-1);
    expect(last?.headers['if-none-match']).toBe(etag);
    expect(last?.headers['if-modified-since']).toBe('Tue, 10 Jun 2025 04:00:00 GMT');
    expect(last?.headers['user-agent']).toMatch(/^Broadsheet\//);
  });

  it('treats an identical body as unchanged even without validators, and reads gzip', async () => {
    const body = zlib.gzipSync(rssWith(['Zipped']));
    const server = await httpFixture({
      '/z.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' }).end(body),
    });
    const { db, subscribe } = library();
    const id = subscribe(server.url('/z.xml'));
    expect((await syncAll(db, () => undefined, { force: true })).newArticles).toBe(1);
    expect((await syncAll(db, () => undefined, { force: true })).results).toEqual([{ feedId: id, status: 'not-modified' }]);
    expect(titlesOf(db, id)).toEqual(['Zipped']);
  });

  it('stores every healthy feed while broken ones report clear reasons, and loses nothing already stored', async () => {
    let healthy = true;
    const server = await httpFixture({
      '/good.xml': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(rssWith(['Good news'])),
      '/flaky.xml': (_req, res) =>
        healthy ? res.writeHead(200).end(rssWith(['Kept story'])) : res.writeHead(500, { 'retry-after': '7200' }).end('oops'),
      '/missing.xml': (_req, res) => res.writeHead(404).end('nope'),
      '/gone.xml': (_req, res) => res.writeHead(410).end('gone'),
      '/slow.xml': () => undefined, // never answers
      '/drip.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<rss version="2.0"><channel><title>Drip</title>');
        const timer = setInterval(() => res.write(' '), 200);
        res.on('close', () => clearInterval(timer));
      },
      '/truncated.xml': (_req, res) => res.writeHead(200).end(rssWith(['Whole item', 'Cut']).slice(0, -60)),
      '/bomb.xml': (_req, res) =>
        res
          .writeHead(200)
          .end(
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&c;&x;</title><item><title>Bomb &c;</title><guid>b</guid></item></channel></rss>',
          ),
      '/html.xml': (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<!doctype html><html><body>Login required</body></html>'),
      '/huge.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const push = () => {
          while (sent < 50 && res.write(chunk)) sent++;
          if (sent < 50) res.once('drain', push);
          else res.end();
        };
        push();
      },
      '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
      '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
    });
    const { db, subscribe } = library();
    const ids = Object.fromEntries(
      ['good', 'flaky', 'missing', 'gone', 'slow', 'drip', 'truncated', 'bomb', 'html', 'huge'].map((n) => [
        n,
        subscribe(server.url(`/${n}.xml`)),
      ]),
    );
    ids.loop = subscribe(server.url('/loop-a'));

    await syncAll(db, () => undefined, { force: true, timeoutMs: 1500 });
    healthy = false;
    const rssBefore = process.memoryUsage().rss;
    const summary = await syncAll(db, () => undefined, { force: true, timeoutMs: 1500 });
    const rssGrowth = process.memoryUsage().rss - rssBefore;

    expect(titlesOf(db, ids.good as number)).toEqual(['Good news']);
    expect(titlesOf(db, ids.flaky as number)).toEqual(['Kept story']);
    expect(titlesOf(db, ids.truncated as number)).toContain('Whole item');
    expect(titlesOf(db, ids.bomb as number)[0]?.length ?? 0).toBeLessThan(200);

    const errors = Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, feedRow(db, id).lastError]));
    expect(errors).toMatchObject({
      good: null,
      flaky: expect.stringMatching(/server had an error \(HTTP 500\)/),
      missing: expect.stringMatching(/not found \(HTTP 404\)/),
      gone: expect.stringMatching(/gone \(HTTP 410\)/),
      slow: expect.stringMatching(/did not answer in time/),
      drip: expect.stringMatching(/did not answer in time/),
      html: expect.stringMatching(/HTML page/),
      huge: expect.stringMatching(/too large/),
      loop: expect.stringMatching(/too many redirects/),
    });
    // Nine broken feeds; the gone one was marked gone by the first sync and not fetched again.
    expect(summary.failures).toBe(8 - 1);
    expect(rssGrowth).toBeLessThan(150 * 1024 * 1024);

    // Back-off: the 500 asked for two hours; a gone feed is never fetched again.
    const flaky = feedRow(db, ids.flaky as number);
    expect(flaky.nextFetchAt ?? 0).toBeGreaterThanOrEqual(Date.now() + 7000_000);
    expect(feedRow(db, ids.gone as number).gone).toBe(1);
    const due = await syncAll(db, () => undefined, { timeoutMs: 1500 });
    expect(due.results.map((r) => r.feedId)).not.toContain(ids.flaky);
    const forced = await syncAll(db, () => undefined, { force: true, timeoutMs: 1500 });
    expect(forced.results.map((r) => r.feedId)).not.toContain(ids.gone);
  });

  it('follows a permanent redirect and remembers the new address; a temporary one is not remembered', async () => {
    const server = await httpFixture({
      '/old.xml': (_req, res) => res.writeHead(301, { location: '/new.xml' }).end(),
      '/temp.xml': (_req, res) => res.writeHead(302, { location: '/new.xml' }).end(),
      '/new.xml': (_req, res) => res.writeHead(200).end(rssWith(['Moved'])),
    });
    const { db, subscribe } = library();
    const moved = subscribe(server.url('/old.xml'));
    const temporary = subscribe(server.url('/temp.xml'));
    await syncAll(db, () => undefined, { force: true });
    expect(feedRow(db, moved).url).toBe(server.url('/new.xml'));
    expect(feedRow(db, temporary).url).toBe(server.url('/temp.xml'));
    expect(titlesOf(db, temporary)).toEqual(['Moved']);
  });

  it('reports progress per feed and calls a network-only failure offline', async () => {
    const closed = await httpFixture({});
    const deadUrl = closed.url('/a.xml');
    await closed.close();
    const { db, subscribe } = library();
    subscribe(deadUrl);
    subscribe(deadUrl.replace('a.xml', 'b.xml'));
    const progress: { feedsDone: number; running: boolean; phase?: string }[] = [];
    const summary = await runSync(db, (p) => progress.push({ feedsDone: p.feedsDone, running: p.running, phase: p.phase }), {
      force: true,
    });
    expect(progress).toEqual([
      { feedsDone: 0, running: true, phase: 'feeds' },
      { feedsDone: 1, running: true, phase: 'feeds' },
      { feedsDone: 2, running: true, phase: 'feeds' },
      { feedsDone: 2, running: true, phase: 'indexing' },
      { feedsDone: 2, running: false, phase: undefined },
    ]);
    expect(summary.offline).toBe(true);

    // Then a background pass with nothing due: it says nothing, so "offline" stays on screen.
    const quiet: unknown[] = [];
    await runSync(db, (p) => quiet.push(p), { force: false });
    expect(quiet).toEqual([]);
  });
});
