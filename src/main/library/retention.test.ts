import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import type { ParsedItem } from '../feeds/parse/index.ts';
import { writeFeedItems } from './article-writer.ts';
import { applyRetention } from './retention.ts';
import { addFeed } from './sections.ts';

const DAY = 24 * 3600_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');

const item = (id: string, daysAgo: number): ParsedItem => ({
  id,
  title: id,
  link: null,
  published: new Date(NOW - daysAgo * DAY).toISOString(),
  updated: null,
  author: null,
  summary: null,
  contentHtml: `<p>${id}</p>`,
  categories: [],
  enclosures: [],
  thumbnail: null,
});

describe('applyRetention', () => {
  it('removes old articles but keeps bookmarks and each feed’s newest, and they stay removed after a sync', () => {
    const db = openDatabase(tempDir());
    const feed = addFeed(db, { url: 'https://e.com/f', title: 'F', siteUrl: null, sectionId: null }).id;
    const items = [item('new', 1), item('old-1', 100), item('old-2', 120), item('old-bookmarked', 400), item('old-3', 130)];
    writeFeedItems(db, feed, items, NOW);
    db.prepare(
      "UPDATE article_state SET bookmarked = 1 WHERE article_id = (SELECT id FROM articles WHERE identity = 'id:old-bookmarked')",
    ).run();

    const removed = applyRetention(db, { retentionDays: 90, keepPerFeed: 2 }, NOW);
    const left = () =>
      (db.prepare('SELECT title FROM articles ORDER BY published_at DESC').all() as { title: string }[]).map((r) => r.title);
    expect(removed).toBe(2);
    expect(left()).toEqual(['new', 'old-1', 'old-bookmarked']);

    // The feed still lists them: the tombstones keep them from coming back.
    expect(writeFeedItems(db, feed, items, NOW).added).toBe(0);
    expect(left()).toEqual(['new', 'old-1', 'old-bookmarked']);
  });
});
