import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import type { ParsedItem } from '../feeds/parse/index.ts';
import { writeFeedItems } from './article-writer.ts';
import { addFeed } from './sections.ts';

const NOW = Date.parse('2026-01-10T12:00:00Z');

function item(over: Partial<ParsedItem>): ParsedItem {
  return {
    id: null,
    title: 'A story',
    link: null,
    published: '2026-01-09T12:00:00Z',
    updated: null,
    author: null,
    summary: null,
    contentHtml: '<p>Body</p>',
    categories: [],
    enclosures: [],
    thumbnail: null,
    ...over,
  };
}

function setup() {
  const db = openDatabase(tempDir());
  const feed = addFeed(db, { url: 'https://example.com/feed', title: 'Ex', siteUrl: null, sectionId: null }, NOW);
  const articles = () =>
    db
      .prepare(
        'SELECT a.id, a.title, a.published_at AS publishedAt, st.read, st.bookmarked FROM articles a JOIN article_state st ON st.article_id = a.id ORDER BY a.id',
      )
      .all() as { id: number; title: string; publishedAt: number; read: number; bookmarked: number }[];
  return { db, feedId: feed.id, articles };
}

describe('writeFeedItems', () => {
  it('adds new articles as unread and skips unchanged ones on the next sync', () => {
    const { db, feedId, articles } = setup();
    const items = [item({ id: 'a' }), item({ id: 'b', title: 'Other' })];
    expect(writeFeedItems(db, feedId, items, NOW)).toEqual({ added: 2, updated: 0 });
    expect(writeFeedItems(db, feedId, items, NOW)).toEqual({ added: 0, updated: 0 });
    expect(articles().map((a) => [a.title, a.read])).toEqual([
      ['A story', 0],
      ['Other', 0],
    ]);
  });

  it('updates an edited article’s content but never its read or bookmark state', () => {
    const { db, feedId, articles } = setup();
    writeFeedItems(db, feedId, [item({ id: 'a' })], NOW);
    const [first] = articles();
    db.prepare('UPDATE article_state SET read = 1, bookmarked = 1 WHERE article_id = ?').run(first?.id);

    expect(writeFeedItems(db, feedId, [item({ id: 'a', title: 'A story (updated)' })], NOW)).toEqual({ added: 0, updated: 1 });
    expect(articles()).toEqual([expect.objectContaining({ id: first?.id, title: 'A story (updated)', read: 1, bookmarked: 1 })]);
  });

  it('identifies articles by guid, else link, else title and date', () => {
    const { db, feedId } = setup();
    const result = writeFeedItems(
      db,
      feedId,
      [
        item({ id: 'x', link: 'https://example.com/1' }),
        item({ id: 'y', link: 'https://example.com/1' }),
        item({ link: 'https://example.com/2' }),
        item({ link: 'https://example.com/2', title: 'same link, same article' }),
        item({ title: 'no id, no link' }),
        item({ title: 'no id, no link' }),
      ],
      NOW,
    );
    expect(result.added).toBe(4);
  });

  it('does not bring back an article the user deleted', () => {
    const { db, feedId, articles } = setup();
    db.prepare("INSERT INTO article_tombstones (feed_id, identity, deleted_at) VALUES (?, 'id:gone', 0)").run(feedId);
    writeFeedItems(db, feedId, [item({ id: 'gone' }), item({ id: 'kept' })], NOW);
    expect(articles()).toHaveLength(1);
  });

  it('dates articles from more than a day in the future on arrival, and undated ones too', () => {
    const { db, feedId, articles } = setup();
    writeFeedItems(
      db,
      feedId,
      [
        item({ id: 'future', published: '2030-01-01T00:00:00Z' }),
        item({ id: 'soon', published: '2026-01-10T20:00:00Z' }),
        item({ id: 'undated', published: null }),
      ],
      NOW,
    );
    expect(articles().map((a) => a.publishedAt)).toEqual([NOW, Date.parse('2026-01-10T20:00:00Z'), NOW]);
  });
});
