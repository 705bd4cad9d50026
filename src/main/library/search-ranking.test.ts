import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import type { ParsedItem } from '../feeds/parse/index.ts';
import { writeFeedItems } from './article-writer.ts';
import { searchArticles } from './search.ts';
import { addFeed } from './sections.ts';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-30T12:00:00Z');

function item(id: string, title: string, body: string, hoursAgo: number): ParsedItem {
  return {
    id,
    title,
    link: `https://news.example/${id}`,
    published: new Date(NOW - hoursAgo * HOUR).toISOString(),
    updated: null,
    author: null,
    summary: null,
    contentHtml: `<p>${body}</p>`,
    categories: [],
    enclosures: [],
    thumbnail: null,
  };
}

describe('search finds what was asked, however old and however common its words', () => {
  it('an exact headline, or a phrase from it, finds the article first though 5,000 newer ones hold all its words', () => {
    const db = openDatabase(tempDir());
    const feed = addFeed(db, { url: 'https://news.example/feed', title: 'News', siteUrl: null, sectionId: null }).id;
    const wanted = 'Council votes on the harbour bridge budget';
    // The wanted story is the oldest; every newer one uses the same words, in other orders, in headline and body.
    const newer = Array.from({ length: 5000 }, (_, i) =>
      item(
        `n${i}`,
        `Bridge budget: the harbour council votes again (${i})`,
        'The council votes on the budget; the harbour bridge waits. Council, harbour, bridge, budget, votes.',
        i + 1,
      ),
    );
    writeFeedItems(db, feed, [item('wanted', wanted, 'A long night at the town hall.', 6000), ...newer], NOW);
    const first = (query: string) => searchArticles(db, query, { limit: 10 }).map((r) => r.title);

    expect(first(wanted)[0]).toBe(wanted);
    expect(first('harbour bridge budget')[0]).toBe(wanted);
    expect(first('council votes on the')[0]).toBe(wanted);
    // Typing it, the last word half-written: still first.
    expect(first('votes on the harbour bri')[0]).toBe(wanted);
    // A headline word alone: headlines first, all 5,001 considered, the shortest (most specific) ranked highest.
    expect(first('harbour')).toContain(wanted);
    // Words that are only in its body are found too, as long as the article is among the newest matches.
    expect(first('town hall')).toEqual([wanted]);
    db.close();
  });

  it('headlines come before bodies on every page: a page the headlines fill shows no body match, a larger one shows both, in order; filters apply to both', () => {
    const db = openDatabase(tempDir());
    const feed = addFeed(db, { url: 'https://news.example/feed', title: 'News', siteUrl: null, sectionId: null }).id;
    const headlines = Array.from({ length: 4 }, (_, i) =>
      item(`h${i}`, `Lighthouse keeper ${i} retires`, 'A quiet life by the sea.', 100 + i),
    );
    // Newer articles with the word in their body only.
    const bodies = Array.from({ length: 3 }, (_, i) => item(`b${i}`, `Coastal news ${i}`, 'The old lighthouse was repainted.', i + 1));
    writeFeedItems(db, feed, [...headlines, ...bodies], NOW);
    const titles = (limit: number, options: { bookmarked?: boolean } = {}) =>
      searchArticles(db, 'lighthouse', { limit, ...options }).map((r) => r.title);

    expect(titles(3)).toHaveLength(3);
    expect(titles(3).every((t) => t.startsWith('Lighthouse keeper'))).toBe(true);
    const all = titles(10);
    expect(all).toHaveLength(7);
    expect(all.slice(0, 4).every((t) => t.startsWith('Lighthouse keeper'))).toBe(true);
    // Body matches follow.
    expect([...all.slice(4)].sort()).toEqual(['Coastal news 0', 'Coastal news 1', 'Coastal news 2']);
    expect(titles(4)).toEqual(all.slice(0, 4));
    expect(titles(5)).toEqual(all.slice(0, 5));

    // Only bookmarked ones, from either tier.
    const id = (title: string) => (db.prepare('SELECT id FROM articles WHERE title = ?').get(title) as { id: number }).id;
    db.prepare('UPDATE article_state SET bookmarked = 1 WHERE article_id IN (?, ?)').run(
      id('Lighthouse keeper 2 retires'),
      id('Coastal news 1'),
    );
    expect(titles(1, { bookmarked: true })).toEqual(['Lighthouse keeper 2 retires']);
    expect(titles(10, { bookmarked: true })).toEqual(['Lighthouse keeper 2 retires', 'Coastal news 1']);
    db.close();
  });
});
