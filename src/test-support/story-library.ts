import type { Database } from 'better-sqlite3';
import type { ParsedItem } from '../main/feeds/parse/types.ts';
import { writeFeedItems } from '../main/library/article-writer.ts';
import { addFeed, ensureSection } from '../main/library/sections.ts';
import type { CorpusArticle } from './story-corpus.ts';

/**
 * Stores a story corpus as a library: one feed per source (its own publisher site), in
 * the given section, each article with its lead as the body. Returns article id → event.
 */
export function storeCorpus(db: Database, corpus: readonly CorpusArticle[], now: number, section = 'News'): Map<number, string> {
  const sectionId = ensureSection(db, section);
  const feeds = new Map<string, number>();
  const slug = (source: string) => source.toLowerCase().replace(/[^a-z]+/g, '-');
  for (const source of new Set(corpus.map((a) => a.source))) {
    const feed = addFeed(db, {
      url: `https://${slug(source)}.example/${slug(section)}.xml`,
      title: source,
      siteUrl: `https://${slug(source)}.example/`,
      sectionId,
    });
    feeds.set(source, feed.id);
  }
  const events = new Map<number, string>();
  corpus.forEach((article, i) => {
    const item: ParsedItem = {
      id: `story-${i}`,
      title: article.title,
      link: `https://${slug(article.source)}.example/${i}`,
      published: new Date(now - article.hoursAgo * 3600_000).toISOString(),
      updated: null,
      author: null,
      summary: null,
      contentHtml: `<p>${article.lead}</p>`,
      categories: [],
      enclosures: [],
      thumbnail: null,
    };
    const feedId = feeds.get(article.source) as number;
    writeFeedItems(db, feedId, [item], now);
    const id = db.prepare('SELECT id FROM articles WHERE feed_id = ? AND identity = ?').pluck().get(feedId, `id:story-${i}`) as
      | number
      | undefined;
    if (id !== undefined) events.set(id, article.event);
  });
  return events;
}
