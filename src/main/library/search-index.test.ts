import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import type { ParsedItem } from '../feeds/parse/index.ts';
import { writePreparedArticles } from './article-writer.ts';
import { prepareArticle } from './prepared-article.ts';
import { searchArticles } from './search.ts';
import { attachQueue, indexMissing, indexQueue, queuedForIndex, reindexArticle } from './search-index.ts';
import { addFeed } from './sections.ts';

const item = (id: string, title: string, contentHtml: string, summary: string | null = null): ParsedItem => ({
  id,
  title,
  link: null,
  published: '2026-01-09T12:00:00Z',
  updated: null,
  author: null,
  summary,
  contentHtml,
  categories: [],
  enclosures: [],
  thumbnail: null,
});

function syncConnection(dataDir: string) {
  const db = openDatabase(dataDir);
  attachQueue(db, dataDir);
  const feed = addFeed(db, { url: 'https://e.example/feed', title: 'E', siteUrl: null, sectionId: null }).id;
  const write = (items: ParsedItem[]) => writePreparedArticles(db, feed, items.map(prepareArticle), { deferIndex: true });
  return { db, write };
}

describe('the search queue: a sync lists first and indexes after', () => {
  it('queued articles are listed but their bodies not searched until the queue is drained; then found, summaries too', async () => {
    const dataDir = tempDir();
    const { db, write } = syncConnection(dataDir);
    write([
      item('a', 'Harbour strike ends', '<p>Dockers return after the <b>quartermaster</b> deal.</p>'),
      item('b', 'Untitled summary', '', 'Only a summary mentions the zeppelin.'),
    ]);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2);
    expect(queuedForIndex(db)).toBe(2);
    expect(searchArticles(db, 'quartermaster')).toEqual([]);
    // Headlines are searchable at once (their own index is written with the article).
    expect(searchArticles(db, 'harbour strike').map((r) => r.title)).toEqual(['Harbour strike ends']);

    expect(await indexQueue(db)).toBe(2);
    expect(queuedForIndex(db)).toBe(0);
    expect(searchArticles(db, 'quartermaster').map((r) => r.title)).toEqual(['Harbour strike ends']);
    expect(searchArticles(db, 'zeppelin').map((r) => r.title)).toEqual(['Untitled summary']);
    // The drained queue's file is replaced by an empty one.
    expect(fs.statSync(path.join(dataDir, 'search-queue.db')).size).toBeLessThan(64 * 1024);

    // An update is indexed at once: the old words no longer find it, the new ones do, with nothing queued.
    write([item('a', 'Harbour strike ends', '<p>Dockers return; the ledger is signed.</p>')]);
    expect(queuedForIndex(db)).toBe(0);
    expect(searchArticles(db, 'ledger').map((r) => r.title)).toEqual(['Harbour strike ends']);
    expect(searchArticles(db, 'quartermaster')).toEqual([]);
    db.close();
  });

  it('a sync killed before it drained its queue: the next one finds what the index lacks and indexes it', async () => {
    const dataDir = tempDir();
    const first = syncConnection(dataDir);
    await indexQueue(first.db);
    first.write([
      item('a', 'Harbour strike ends', '<p>The <i>quartermaster</i> signs.</p>'),
      item('b', 'Brief', '', 'The zeppelin lands.'),
    ]);
    // Killed here: the connection goes without draining (and the queue file is not trusted).
    first.db.close();

    const next = syncConnection(dataDir);
    expect(queuedForIndex(next.db)).toBe(0);
    expect(searchArticles(next.db, 'quartermaster')).toEqual([]);
    expect(indexMissing(next.db)).toBe(2);
    expect(searchArticles(next.db, 'quartermaster').map((r) => r.title)).toEqual(['Harbour strike ends']);
    expect(searchArticles(next.db, 'zeppelin').map((r) => r.title)).toEqual(['Brief']);
    // Nothing is indexed twice: a second look finds nothing missing.
    expect(indexMissing(next.db)).toBe(0);
    expect(next.db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'quartermaster'").pluck().get()).toBe(1);
    next.db.close();
  });

  it('a full-text read while the article waits in the queue is what gets indexed, once', async () => {
    const { db, write } = syncConnection(tempDir());
    write([item('a', 'Teaser', '<p>Read more…</p>')]);
    const id = db.prepare('SELECT id FROM articles').pluck().get() as number;
    reindexArticle(db, id, 'Teaser', 'The whole page speaks of the archipelago.');
    await indexQueue(db);
    expect(searchArticles(db, 'archipelago').map((r) => r.id)).toEqual([id]);
    expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'teaser'").pluck().get()).toBe(1);
    // An article deleted while queued is not indexed (nothing to find it by).
    write([item('z', 'Another', '<p>walrus</p>')]);
    db.prepare("DELETE FROM articles WHERE title = 'Another'").run();
    await indexQueue(db);
    expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'walrus'").pluck().get()).toBe(0);
    db.close();
  });
});
