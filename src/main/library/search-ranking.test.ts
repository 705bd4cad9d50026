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
});
