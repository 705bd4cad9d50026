import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { type Handler, httpFixture } from '../../test-support/http-fixture.ts';
import { summaryOnlyNewsSite } from '../../test-support/news-site.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import { addFeed } from '../library/sections.ts';
import { runSync } from './run-sync.ts';
import { SyncRunner } from './sync-runner.ts';

/** A summary-only site whose article pages are held unanswered until `release()`. */
async function siteWithHeldPages(stories: number) {
  const site = summaryOnlyNewsSite({ stories });
  const held: http.ServerResponse[] = [];
  let pageAsked: () => void = () => undefined;
  const firstPageAsked = new Promise<void>((resolve) => {
    pageAsked = resolve;
  });
  let holding = true;
  const routes: Record<string, Handler> = {};
  for (const [path, route] of Object.entries(site.routes)) {
    routes[path] = (_req, res) => {
      if (holding && path.startsWith('/story/')) {
        held.push(res);
        return pageAsked();
      }
      res.writeHead(200, { 'content-type': route.type }).end(route.body);
    };
  }
  const server = await httpFixture(routes);
  const dataDir = tempDir();
  const db = openDatabase(dataDir);
  addFeed(db, { url: server.url('/feed.xml'), title: '', siteUrl: null, sectionId: null });
  await runSync(db, () => undefined, { force: true });
  db.close();
  return {
    dataDir,
    firstPageAsked,
    release: () => {
      holding = false;
      for (const res of held.splice(0)) res.destroy();
    },
  };
}

describe('closing the sync thread', () => {
  it('stops a capture waiting on a slow page at once, by itself, recording nothing it did not finish', async () => {
    const site = await siteWithHeldPages(3);
    const runner = new SyncRunner({ dataDir: site.dataDir, onProgress: () => undefined });
    const capture = runner.capture().catch((error: Error) => error);
    await site.firstPageAsked;
    // The thread ends on its own (exit code 0), never terminated mid-statement (1).
    expect(await runner.close()).toEqual({ exitCode: 0 });
    await capture;
    const db = openDatabase(site.dataDir);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Unfinished articles are still due, with no failure recorded against the publisher.
    expect(db.prepare('SELECT count(*) FROM articles WHERE captured_at IS NULL AND full_text_error IS NULL').pluck().get()).toBe(3);
    db.close();

    site.release();
    const again = new SyncRunner({ dataDir: site.dataDir, onProgress: () => undefined });
    expect(await again.capture()).toMatchObject({ articles: 3, extracted: 3, failed: 0 });
    expect(await again.close()).toEqual({ exitCode: 0 });
  });

  it('stops by itself however early it is asked: while the thread still opens its database', async () => {
    const site = await siteWithHeldPages(1);
    site.release();
    for (let i = 0; i < 5; i++) {
      const runner = new SyncRunner({ dataDir: site.dataDir, onProgress: () => undefined });
      const capture = runner.capture().catch((error: Error) => error);
      expect(await runner.close()).toEqual({ exitCode: 0 });
      await capture;
    }
    await expect(new SyncRunner({ dataDir: site.dataDir, onProgress: () => undefined }).close()).resolves.toEqual({ exitCode: 0 });
  });

  it('starts no thread once closed', async () => {
    const dataDir = tempDir();
    const runner = new SyncRunner({ dataDir, onProgress: () => undefined });
    await runner.close();
    await expect(runner.capture()).rejects.toThrow(/closing/);
  });
});
