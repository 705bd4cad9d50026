/**
 * The years of a heavy reader: 1,000 feeds and 1,000,000 articles. The library is built
 * once into .bench/ (about ten minutes and a few GB) and reused by later runs; its build
 * reports the write rate. Then the reader figures of reader-bench.ts on it, the sections
 * list (1,000 feeds) with each unread count checked against a full count, the trending
 * sidebar, and importing a 1,000-feed OPML file into a new library.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DATABASE_FILE } from '../src/main/db/connection.ts';
import { NewsService } from '../src/main/library/news-service.ts';
import { REPO_ROOT, RESOURCES_DIR } from '../src/main/repo-paths.ts';
import { generateLibrary } from './library-db.ts';
import { measureLibrary } from './reader-bench.ts';
import { line, mb, ms, percentile, verdict } from './report.ts';

const ARTICLES = 1_000_000;
const FEEDS_PER_SECTION = 84; // × 12 sections = 1,008 feeds
const CACHE = path.join(REPO_ROOT, '.bench', 'library-1m');
const MARKER = path.join(CACHE, 'built.json');

interface Built {
  articles: number;
  feeds: number;
  rowsPerSecond: number;
  builtAt: string;
}

function buildOnce(): Built {
  if (fs.existsSync(MARKER)) {
    const built = JSON.parse(fs.readFileSync(MARKER, 'utf8')) as Built;
    if (built.articles === ARTICLES) return built;
  }
  fs.rmSync(CACHE, { recursive: true, force: true });
  fs.mkdirSync(CACHE, { recursive: true });
  console.log(`  building the ${ARTICLES.toLocaleString('en')}-article library once in ${CACHE} …`);
  const started = performance.now();
  let last = started;
  generateLibrary(CACHE, ARTICLES, {
    feedsPerSection: FEEDS_PER_SECTION,
    onProgress: (written) => {
      if (performance.now() - last > 30_000) {
        last = performance.now();
        console.log(`    ${written.toLocaleString('en')} articles written`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const built: Built = {
    articles: ARTICLES,
    feeds: 12 * FEEDS_PER_SECTION,
    rowsPerSecond: Math.round(ARTICLES / seconds),
    builtAt: new Date().toISOString(),
  };
  fs.writeFileSync(MARKER, JSON.stringify(built));
  return built;
}

export async function scaleBench(): Promise<void> {
  console.log('\n== Scale: 1,000 feeds, 1,000,000 articles (browser mode in Debian Chromium) ==');
  const built = buildOnce();
  line(
    'library',
    `${built.articles.toLocaleString('en')} articles`,
    `${built.feeds} feeds in 12 sections, built ${built.builtAt.slice(0, 16)}`,
  );
  line('  writes while building (articles with FTS5, stories)', `${built.rowsPerSecond} rows/s`, 'one thread, as a sync writes');
  line('  database size', mb(fs.statSync(path.join(CACHE, DATABASE_FILE)).size));

  await opmlImport();
  await sectionsAndTrending();

  const figures = await measureLibrary(CACHE);
  line('launch to article list painted', ms(figures.firstPaint), `goal < 2 s: ${verdict(figures.firstPaint < 2000)}`);
  const p95 = (values: number[]) => percentile(values, 95);
  line('section switch, p95', ms(p95(figures.sectionSwitch)), `goal < 150 ms: ${verdict(p95(figures.sectionSwitch) < 150)}`);
  line('open article, p95', ms(p95(figures.openArticle)), `goal < 150 ms: ${verdict(p95(figures.openArticle) < 150)}`);
  line('search API per keystroke, p95', ms(p95(figures.searchApi)), `goal < 100 ms: ${verdict(p95(figures.searchApi) < 100)}`);
  line(
    'exact headline of any age found first',
    `${figures.headlinesFirst.found}/${figures.headlinesFirst.tried}`,
    verdict(figures.headlinesFirst.found === figures.headlinesFirst.tried),
  );
  line('renderer JS heap', `${figures.heapMb.toFixed(0)} MB`, `goal < 150 MB: ${verdict(figures.heapMb < 150)}`);
}

/** A 1,000-feed subscription list imported into a new library: OPML parse, sections, feeds. */
async function opmlImport(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scale-opml-'));
  const news = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, offlineCapture: false });
  try {
    const folders = Array.from({ length: 12 }, (_, f) => {
      const outlines = Array.from(
        { length: FEEDS_PER_SECTION },
        (_, i) =>
          `<outline type="rss" text="Wire ${f}-${i}" xmlUrl="https://s${f}.example/feeds/${i}.xml" htmlUrl="https://s${f}.example/"/>`,
      );
      return `<outline text="Section ${f}">${outlines.join('')}</outline>`;
    });
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Heavy reader</title></head><body>${folders.join('')}</body></opml>`;
    const started = performance.now();
    const report = await news.importOpml(opml);
    const took = performance.now() - started;
    line('OPML import of 1,008 feeds in 12 folders', ms(took), `${report.feedsAdded} feeds, ${report.sectionsAdded} sections`);
  } finally {
    await news.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The sections list and the trending sidebar on the big library, and whether every unread count is right. */
async function sectionsAndTrending(): Promise<void> {
  const news = new NewsService({ dataDir: CACHE, resourcesDir: RESOURCES_DIR, offlineCapture: false });
  try {
    const times = (n: number, f: () => Promise<unknown>) =>
      (async () => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          await f();
          out.push(performance.now() - t);
        }
        return out;
      })();
    const nav = await times(20, async () => {
      await news.listSections();
      await news.listFeeds();
    });
    line(
      'sections + feeds for the nav (API), p95',
      ms(percentile(nav, 95)),
      `goal (with the render) < 200 ms: ${verdict(percentile(nav, 95) < 150)}`,
    );
    const counted = new Map(
      (
        news.db
          .prepare(
            'SELECT a.feed_id AS id, count(*) AS n FROM articles a JOIN article_state st ON st.article_id = a.id AND st.read = 0 GROUP BY a.feed_id',
          )
          .all() as { id: number; n: number }[]
      ).map((r) => [r.id, r.n]),
    );
    const feeds = await news.listFeeds();
    const wrong = feeds.filter((f) => f.unreadCount !== (counted.get(f.id) ?? 0)).length;
    line('unread counts checked against a full count', `${feeds.length - wrong}/${feeds.length} right`, verdict(wrong === 0));
    const trending = await times(20, () => news.getTrending({}));
    line('trending sidebar (API), p95', ms(percentile(trending, 95)), `goal < 20 ms: ${verdict(percentile(trending, 95) < 20)}`);
    const section = (await news.listSections())[1];
    const inSection = await times(20, () => news.getTrending({ sectionId: section?.id }));
    line('  in one section, p95', ms(percentile(inSection, 95)), `goal < 20 ms: ${verdict(percentile(inSection, 95) < 20)}`);
    const words = ['minister', 'minister election', 'kaloren', 'storm bridge', 'film festival music'];
    const search: number[] = [];
    for (const q of words)
      for (let i = 0; i < 4; i++) {
        const t = performance.now();
        await news.search({ text: q, limit: 100 });
        search.push(performance.now() - t);
      }
    line('search (API, common and rare words), p95', ms(percentile(search, 95)), `goal < 100 ms: ${verdict(percentile(search, 95) < 100)}`);
  } finally {
    await news.close();
  }
}
