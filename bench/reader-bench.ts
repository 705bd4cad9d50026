/**
 * Reader benchmark: the real renderer in Debian's Chromium, over browser mode, on a
 * generated library of 1,000 and of 100,000 articles — launch to first list paint,
 * section switch, opening an article, search as you type, JS heap and DOM rows.
 * Cost should follow what is on screen, not the size of the library.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/browser.ts';
import { NewsService } from '../src/main/library/news-service.ts';
import { RENDERER_DIST_DIR, RESOURCES_DIR } from '../src/main/repo-paths.ts';
import { startWebShell } from '../src/main/web/server.ts';
import { generateLibrary } from './library-db.ts';
import { line, ms, percentile, verdict } from './report.ts';

export interface ReaderFigures {
  firstPaint: number;
  sectionSwitch: number[];
  openArticle: number[];
  searchApi: number[];
  searchUi: number[];
  /** Exact headlines of articles of every age typed as queries: how many came back as the first result. */
  headlinesFirst: { found: number; tried: number };
  heapMb: number;
  domRows: number;
}

async function measure(articles: number): Promise<ReaderFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reader-'));
  generateLibrary(dataDir, articles);
  try {
    return await measureLibrary(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The reader figures on a library already in `dataDir` (left as it was found). */
export async function measureLibrary(dataDir: string): Promise<ReaderFigures> {
  const service = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR });
  const shell = await startWebShell({ service, rendererDir: RENDERER_DIST_DIR });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    const started = performance.now();
    await page.goto(shell.url);
    await page.getByRole('grid').getByRole('row').first().waitFor();
    const firstPaint = performance.now() - started;

    // Timed inside the page, from the click to the new content in the DOM, so that the
    // figures are the app's and not the automation's round trips.
    const sectionNames = ['Politics', 'Tech', 'World', 'Business', 'Science', 'Health', 'Sport', 'Culture', 'Climate', 'Canada'];
    const sectionSwitch: number[] = [];
    for (const name of sectionNames) {
      sectionSwitch.push(
        await page.evaluate(async (section) => {
          const doc = globalThis.document;
          const button = [...doc.querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent?.startsWith(section));
          const t = performance.now();
          button?.click();
          while (!doc.querySelector(`[role=grid][aria-label="${section} articles"] [role=row]`)) await new Promise(requestAnimationFrame);
          return performance.now() - t;
        }, name),
      );
    }

    const openArticle: number[] = [];
    for (let i = 0; i < 10; i++) {
      openArticle.push(
        await page.evaluate(async (n) => {
          const doc = globalThis.document;
          const option = doc.querySelectorAll<HTMLElement>('[role=grid] [role=row]')[n];
          const title = option?.querySelector('.row-title')?.textContent ?? '';
          const t = performance.now();
          option?.click();
          while (doc.querySelector('#reader-headline')?.textContent !== title) await new Promise(requestAnimationFrame);
          return performance.now() - t;
        }, i),
      );
    }

    // Search: the API as the page calls it, then keystroke to results on screen (includes the 120 ms debounce).
    const queries = [
      'minister',
      'rocket launch',
      'climate',
      'bank trade',
      'film festival',
      'storm',
      'privacy cloud',
      'election vote',
      'rail port',
      'museum',
    ];
    const searchApi: number[] = await page.evaluate(async (qs) => {
      const times: number[] = [];
      for (const q of qs) {
        for (let n = 1; n <= q.length; n++) {
          const t = performance.now();
          await fetch('/api/call', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ method: 'search', args: [{ text: q.slice(0, n), limit: 100 }] }),
          }).then((r) => r.json());
          times.push(performance.now() - t);
        }
      }
      return times;
    }, queries);
    // Exact headlines, from the oldest article to the newest: each must come back first.
    const headlines = service.db
      .prepare('SELECT id, title FROM articles WHERE id % (SELECT max(id) / 10 FROM articles) = 1 ORDER BY published_at')
      .all() as { id: number; title: string }[];
    const headlineHits: boolean[] = await page.evaluate(async (wanted) => {
      const hits: boolean[] = [];
      for (const { id, title } of wanted) {
        const reply = await fetch('/api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ method: 'search', args: [{ text: title, limit: 20 }] }),
        }).then((r) => r.json());
        hits.push(reply.value?.[0]?.id === id);
      }
      return hits;
    }, headlines);
    const headlinesFirst = { found: headlineHits.filter(Boolean).length, tried: headlineHits.length };
    const searchUi: number[] = [];
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    for (const q of queries) {
      await box.fill('');
      const t = performance.now();
      await box.fill(q);
      // "Search: q", or "Search in <section>: q" when a section is open.
      await page.getByRole('heading', { name: new RegExp(`^Search( in .+)?: ${q}$`) }).waitFor();
      searchUi.push(performance.now() - t);
    }
    await box.fill('');

    // Scroll the whole first pages; the DOM must hold a screenful, not the rows loaded.
    const list = page.locator('section.article-list');
    for (let i = 0; i < 20; i++) await list.evaluate((el) => el.scrollBy(0, 2000));
    await page.waitForTimeout(300);
    const domRows = await page.locator('[role=row]').count();
    const heapMb = await page.evaluate(
      () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576,
    );
    return { firstPaint, sectionSwitch, openArticle, searchApi, searchUi, headlinesFirst, heapMb, domRows };
  } finally {
    await browser.close();
    await shell.close();
    await service.close();
  }
}

export async function readerBench(): Promise<void> {
  console.log('\n== Reader (browser mode in Debian Chromium) ==');
  const small = await measure(1_000);
  const large = await measure(100_000);
  const row = (label: string, f: (r: ReaderFigures) => number, format: (n: number) => string, goal?: string) =>
    line(label, `${format(f(small))} / ${format(f(large))}`, goal);
  console.log('  figures: 1,000 articles / 100,000 articles');
  row('launch to article list painted', (r) => r.firstPaint, ms, `goal < 1.5 s: ${verdict(large.firstPaint < 1500)}`);
  row(
    'section switch, p95',
    (r) => percentile(r.sectionSwitch, 95),
    ms,
    `goal < 100 ms: ${verdict(percentile(large.sectionSwitch, 95) < 100)}`,
  );
  row('open article, p95', (r) => percentile(r.openArticle, 95), ms, `goal < 100 ms: ${verdict(percentile(large.openArticle, 95) < 100)}`);
  row(
    'search API per keystroke, p95',
    (r) => percentile(r.searchApi, 95),
    ms,
    `goal < 50 ms: ${verdict(percentile(large.searchApi, 95) < 50)}`,
  );
  row('search: typing to results shown, p95', (r) => percentile(r.searchUi, 95), ms, 'includes the 120 ms debounce');
  line(
    'exact headline of any age found first',
    `${small.headlinesFirst.found}/${small.headlinesFirst.tried} / ${large.headlinesFirst.found}/${large.headlinesFirst.tried}`,
    `goal: all: ${verdict(large.headlinesFirst.found === large.headlinesFirst.tried && small.headlinesFirst.found === small.headlinesFirst.tried)}`,
  );
  row(
    'renderer JS heap',
    (r) => r.heapMb,
    (n) => `${n.toFixed(0)} MB`,
    `goal < 150 MB: ${verdict(large.heapMb < 150)}`,
  );
  row(
    'DOM rows after scrolling 40,000 px',
    (r) => r.domRows,
    (n) => String(n),
    'bounded by the viewport',
  );
  line(
    'cost ratio 100k / 1k (launch, switch, open)',
    `${(large.firstPaint / small.firstPaint).toFixed(2)} / ${(percentile(large.sectionSwitch, 50) / percentile(small.sectionSwitch, 50)).toFixed(2)} / ${(percentile(large.openArticle, 50) / percentile(small.openArticle, 50)).toFixed(2)}`,
  );
}
