import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import type { ParsedItem } from '../feeds/parse/index.ts';
import { writePreparedArticles } from './article-writer.ts';
import { prepareArticle } from './prepared-article.ts';
import { searchArticles } from './search.ts';
import { indexQueue, queuedForIndex, reindexArticle } from './search-index.ts';
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

const asFromReader = (items: ParsedItem[]) => items.map(prepareArticle);

describe('the search queue: a sync lists first and indexes after', () => {
  it('queued articles are listed but not found until the queue is drained; then found by their words, summaries too', async () => {
    const dataDir = tempDir();
    const db = openDatabase(dataDir);
    const feed = addFeed(db, { url: 'https://e.example/feed', title: 'E', siteUrl: null, sectionId: null }).id;
    writePreparedArticles(
      db,
      feed,
      asFromReader([
        item('a', 'Harbour strike ends', '<p>Dockers return after the <b>quartermaster</b> deal.</p>'),
        item('b', 'Untitled summary', '', 'Only a summary mentions the zeppelin.'),
      ]),
      { deferIndex: true },
    );
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2);
    expect(queuedForIndex(db)).toBe(2);
    expect(searchArticles(db, 'quartermaster')).toEqual([]);

    // A sync killed here leaves the queue in the file; the next connection drains it.
    db.close();
    const reopened = openDatabase(dataDir);
    expect(queuedForIndex(reopened)).toBe(2);
    expect(await indexQueue(reopened)).toBe(2);
    expect(queuedForIndex(reopened)).toBe(0);
    expect(searchArticles(reopened, 'quartermaster').map((r) => r.title)).toEqual(['Harbour strike ends']);
    expect(searchArticles(reopened, 'zeppelin').map((r) => r.title)).toEqual(['Untitled summary']);

    // An update replaces the indexed words: the old ones no longer find it, the new ones do once drained.
    writePreparedArticles(
      reopened,
      feed,
      asFromReader([item('a', 'Harbour strike ends', '<p>Dockers return; the ledger is signed.</p>')]),
      {
        deferIndex: true,
      },
    );
    expect(searchArticles(reopened, 'quartermaster')).toEqual([]);
    await indexQueue(reopened);
    expect(searchArticles(reopened, 'ledger').map((r) => r.title)).toEqual(['Harbour strike ends']);
    expect(searchArticles(reopened, 'quartermaster')).toEqual([]);
    reopened.close();
  });

  it('a full-text read while the article waits in the queue is what gets indexed, once', async () => {
    const db = openDatabase(tempDir());
    const feed = addFeed(db, { url: 'https://e.example/feed', title: 'E', siteUrl: null, sectionId: null }).id;
    writePreparedArticles(db, feed, asFromReader([item('a', 'Teaser', '<p>Read more…</p>')]), { deferIndex: true });
    const id = db.prepare('SELECT id FROM articles').pluck().get() as number;
    reindexArticle(db, id, 'Teaser', 'The whole page speaks of the archipelago.');
    await indexQueue(db);
    expect(searchArticles(db, 'archipelago').map((r) => r.id)).toEqual([id]);
    expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'teaser'").pluck().get()).toBe(1);
    // Deleting the article takes its queued text too (nothing is left to index an article that is gone).
    writePreparedArticles(db, feed, asFromReader([item('z', 'Another', '<p>x</p>')]), { deferIndex: true });
    db.prepare("DELETE FROM articles WHERE title = 'Another'").run();
    expect(queuedForIndex(db)).toBe(0);
    db.close();
  });
});
