/**
 * Feed engine benchmark: cold and warm sync of the generated corpus over loopback, in
 * the app's own way (NewsService, sync thread), with the UI thread's API latency and
 * the process's memory sampled while it runs; parse speed against feedsmith; write
 * speed into SQLite; and newsboat on the same feeds, side by side.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/main/db/connection.ts';
import { parseFeed } from '../src/main/feeds/parse/index.ts';
import { writePreparedArticles } from '../src/main/library/article-writer.ts';
import { NewsService } from '../src/main/library/news-service.ts';
import { prepareArticle } from '../src/main/library/prepared-article.ts';
import { addFeed } from '../src/main/library/sections.ts';
import { RESOURCES_DIR } from '../src/main/repo-paths.ts';
import { bundledWorkerUrls } from './bundled-workers.ts';
import { generateCorpus } from './corpus.ts';
import { serveCorpus } from './loopback-corpus.ts';
import { timeNewsboat } from './newsboat.ts';
import { line, mb, ms, percentile, s, verdict } from './report.ts';

export async function syncBench(feedCount: number): Promise<void> {
  console.log(`\n== Feed engine (${feedCount} feeds over loopback) ==`);
  const served = await serveCorpus(feedCount);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sync-'));
  const workerUrls = bundledWorkerUrls();
  const service = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, workerUrls, offlineCapture: false });
  try {
    line('corpus', `${served.items} items`, `${mb(served.bytes)} in ${served.feeds} feeds`);
    line(
      'sync threads',
      workerUrls ? 'bundled' : 'sources',
      workerUrls ? 'out/main, as shipped' : 'run `npm run build` to measure the bundled threads',
    );
    const opml = `<opml version="2.0"><body>${served.urls.map((u, i) => `<outline text="News ${i}" xmlUrl="${u}"/>`).join('')}</body></opml>`;
    await service.importOpml(opml);

    // While the sync runs on its thread, this thread keeps answering API calls and sampling memory.
    let peakRss = process.memoryUsage().rss;
    const latencies: number[] = [];
    let syncing = true;
    const probe = (async () => {
      while (syncing) {
        const t = performance.now();
        await service.listArticles({ view: 'all', limit: 50 });
        await service.listSections();
        latencies.push(performance.now() - t);
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();

    const coldStart = performance.now();
    const cold = await service.runSync(true);
    const coldMs = performance.now() - coldStart;
    syncing = false;
    await probe;
    const status = await service.getStatus();
    const searchable = (service.db.prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'the'").get() as { n: number })
      .n;

    // Warm syncs come minutes later in real use: let the cold sync's checkpoint finish first.
    await service.checkpoint();
    const warmStart = performance.now();
    const warm = await service.runSync(true);
    const warmMs = performance.now() - warmStart;

    line('cold sync (stored and searchable)', s(coldMs), `${cold.newArticles} new, ${cold.failures} failed`);
    line('  of which: putting new articles into stories', s(cold.storiesMs ?? 0), 'on the sync thread, after the feeds');
    line('  articles stored / found by full-text search', `${status.articles} / ${searchable}`);
    line('warm sync (every feed 304)', ms(warmMs), `${warm.results.filter((r) => r.status === 'not-modified').length} not modified`);
    line('peak process RSS during sync', mb(peakRss), `goal < 300 MB: ${verdict(peakRss < 300 * 1024 * 1024)}`);
    const p99 = percentile(latencies, 99);
    line(
      'UI API calls during sync: p50 / p99',
      `${ms(percentile(latencies, 50))} / ${ms(p99)}`,
      `${latencies.length} calls, goal p99 < 50 ms: ${verdict(p99 < 50)}`,
    );

    const { parseFeed: feedsmithParse } = await import('feedsmith');
    const bodies = generateCorpus(feedCount).map((f) => f.body);
    const totalBytes = bodies.reduce((n, b) => n + b.length, 0);
    const time = (fn: () => void) => {
      const t = performance.now();
      fn();
      return performance.now() - t;
    };
    const decoder = new TextDecoder();
    const oursMs = time(() => {
      for (const b of bodies) parseFeed(b);
    });
    const theirsMs = time(() => {
      for (const b of bodies) feedsmithParse(decoder.decode(b));
    });
    const rate = (t: number) => totalBytes / 1024 / 1024 / (t / 1000);
    line('parse: Broadsheet', `${rate(oursMs).toFixed(1)} MB/s`);
    line(
      'parse: feedsmith 3.0.1 (same bytes)',
      `${rate(theirsMs).toFixed(1)} MB/s`,
      `ratio ${(theirsMs / oursMs).toFixed(2)}x: ${verdict(oursMs <= theirsMs)}`,
    );

    // The sync thread's own work, alone: prepared articles into SQLite with the FTS5 index.
    const prepared = bodies.map((b) => parseFeed(b).items.map(prepareArticle));
    const writeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-write-'));
    const writeDb = openDatabase(writeDir, { checkpoint: 'manual' });
    const rows = prepared.reduce((n, items) => n + items.length, 0);
    const writeMs = time(() => {
      prepared.forEach((items, i) => {
        const feed = addFeed(writeDb, { url: `https://bench.example/${i}`, title: '', siteUrl: null, sectionId: null }).id;
        writePreparedArticles(writeDb, feed, items);
      });
    });
    writeDb.close();
    fs.rmSync(writeDir, { recursive: true, force: true });
    line(
      'rows into SQLite (with FTS5 index)',
      `${Math.round(rows / (writeMs / 1000))} rows/s`,
      `${rows} rows in ${s(writeMs)}, alone on one thread`,
    );

    const newsboat = timeNewsboat(served.urls);
    if ('missing' in newsboat) {
      line('newsboat', 'not measured', newsboat.missing);
    } else {
      line(`${newsboat.version.split(' - ')[0]}: cold / warm`, `${s(newsboat.coldMs)} / ${s(newsboat.warmMs)}`);
      const coldRatio = newsboat.coldMs / coldMs;
      const warmRatio = newsboat.warmMs / warmMs;
      line('cold sync vs newsboat', `${coldRatio.toFixed(2)}x faster`, `goal ≥ 2x: ${verdict(coldRatio >= 2)}`);
      line('warm sync vs newsboat', `${warmRatio.toFixed(1)}x faster`, `goal ≥ 10x: ${verdict(warmRatio >= 10)}`);
    }
  } finally {
    await service.close();
    served.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
