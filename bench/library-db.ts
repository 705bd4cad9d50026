import { openDatabase } from '../src/main/db/connection.ts';
import { writePreparedArticles } from '../src/main/library/article-writer.ts';
import { prepareArticle } from '../src/main/library/prepared-article.ts';
import { addFeed, ensureSection } from '../src/main/library/sections.ts';

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
 * for the reader benchmarks. Deterministic.
 */
export function generateLibrary(dataDir: string, articles: number): void {
  const db = openDatabase(dataDir, { checkpoint: 'manual' });
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  // Zipf-like: common words often, rare ones seldom.
  const word = () => (rand() < 0.3 ? COMMON[Math.floor(rand() * COMMON.length)] : WORDS[Math.floor(rand() ** 2 * WORDS.length)]);
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const feeds = SECTIONS.flatMap((name) => {
    const sectionId = ensureSection(db, name);
    return Array.from(
      { length: 10 },
      (_, i) =>
        addFeed(db, { url: `https://${name.toLowerCase()}${i}.example/feed`, title: `${name} Wire ${i + 1}`, siteUrl: null, sectionId }).id,
    );
  });
  const now = Date.now();
  const perFeed = Math.ceil(articles / feeds.length);
  let made = 0;
  for (const feedId of feeds) {
    const batch = [];
    for (let i = 0; i < perFeed && made < articles; i++, made++) {
      batch.push(
        prepareArticle({
          id: `a-${feedId}-${i}`,
          title: words(8),
          link: `https://example.com/${feedId}/${i}`,
          published: new Date(now - rand() * 90 * 86_400_000).toISOString(),
          updated: null,
          author: null,
          summary: null,
          contentHtml: `<p>${words(60)}</p><p>${words(80)}</p><p>${words(70)}</p>`,
          categories: [],
          enclosures: [],
          thumbnail: null,
        }),
      );
    }
    writePreparedArticles(db, feedId, batch, now);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
