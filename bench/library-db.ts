import { openDatabase } from '../src/main/db/connection.ts';
import { writePreparedArticles } from '../src/main/library/article-writer.ts';
import { prepareArticle } from '../src/main/library/prepared-article.ts';
import { addFeed, ensureSection } from '../src/main/library/sections.ts';
import { updateStories } from '../src/main/trending/update-stories.ts';

const SECTIONS = [
  'Africa',
  'Politics',
  'Tech',
  'World',
  'Business',
  'Science',
  'Health',
  'Sport',
  'Culture',
  'Climate',
  'Canada',
  'Lifestyle',
];
// A news-sized vocabulary: a few dozen common words, then thousands of rarer ones made
// from syllables — search cost depends on how many articles a word appears in.
const COMMON =
  'minister election market council police court health energy climate school water border trade bank storm vote launch phone chip cloud security privacy rocket museum film music festival river bridge rail port flight union budget growth inflation'.split(
    ' ',
  );
const SYLLABLES = 'ka lo mi ren sa tu vel dor an bri cos ter ul pha gen mor sti ya zen qui'.split(' ');
const RARE = Array.from(
  { length: 4000 },
  (_, i) => `${SYLLABLES[i % 20]}${SYLLABLES[Math.floor(i / 20) % 20]}${SYLLABLES[Math.floor(i / 400) % 20]}`,
);
const WORDS = [...COMMON, ...RARE];

/**
 * Fills a data directory with `articles` generated articles in 12 sections (10 feeds
 * each), dated over the last 90 days, indexed for search — a library of a given size
 * for the reader and trending benchmarks, its articles put into stories. Deterministic.
 */
export function generateLibrary(
  dataDir: string,
  articles: number,
  options: { clusterStories?: boolean; feedsPerSection?: number; onProgress?: (written: number) => void } = {},
): void {
  const db = openDatabase(dataDir, { checkpoint: 'manual' });
  // mulberry32: an exact 32-bit generator (a float LCG loses precision and cycles within a few hundred draws).
  let seed = 7;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Zipf-like: common words often, rare ones seldom.
  const word = () => (rand() < 0.3 ? COMMON[Math.floor(rand() * COMMON.length)] : WORDS[Math.floor(rand() ** 2 * WORDS.length)]);
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const feeds = SECTIONS.flatMap((name) => {
    const sectionId = ensureSection(db, name);
    return Array.from(
      { length: options.feedsPerSection ?? 10 },
      (_, i) =>
        addFeed(db, { url: `https://${name.toLowerCase()}${i}.example/feed`, title: `${name} Wire ${i + 1}`, siteUrl: null, sectionId }).id,
    );
  });
  const now = Date.now();
  const perFeed = Math.ceil(articles / feeds.length);
  // News-like stories: each event has two names of its own and a topic, and is covered by
  // about three feeds within a few hours; the rest of the text is filler.
  const events = Math.max(1, Math.floor(articles / 3));
  const eventTime = (e: number) => now - (((e * 2654435761) % 1_000_003) / 1_000_003) * 90 * 86_400_000;
  const name = (e: number, k: number) => {
    const w = RARE[(e * 7919 + k * 104_729) % RARE.length] as string;
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  let made = 0;
  for (const feedId of feeds) {
    const batch = [];
    for (let i = 0; i < perFeed && made < articles; i++, made++) {
      const e = Math.floor(rand() * events);
      const topic = COMMON[e % COMMON.length];
      batch.push(
        prepareArticle({
          id: `a-${feedId}-${i}`,
          title: `${name(e, 0)} and ${name(e, 1)} ${topic} ${words(4)}`,
          link: `https://example.com/${feedId}/${i}`,
          published: new Date(eventTime(e) - rand() * 6 * 3_600_000).toISOString(),
          updated: null,
          author: null,
          summary: null,
          contentHtml: `<p>The ${topic} news from ${name(e, 0)} reached ${name(e, 1)} today. ${words(40)}</p><p>${words(80)}</p><p>${words(70)}</p>`,
          categories: [],
          enclosures: [],
          thumbnail: null,
        }),
      );
    }
    writePreparedArticles(db, feedId, batch, { now: now });
    options.onProgress?.(made);
  }
  // As a synced library would be: every article in its story.
  if (options.clusterStories !== false) updateStories(db, now);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
