/**
 * Offline capture benchmark: a summary-only feed of 200 articles on loopback; the app's
 * capture pass (sync thread, reader threads) reads every article's page, extracts the
 * text and keeps its two pictures. Reports the pass's time, throughput and memory, and
 * Readability's cost per page on its own.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NewsService } from '../src/main/library/news-service.ts';
import { extractArticle } from '../src/main/offline/extract-article.ts';
import { RESOURCES_DIR } from '../src/main/repo-paths.ts';
import { summaryOnlyNewsSite } from '../src/test-support/news-site.ts';
import { bundledWorkerUrls } from './bundled-workers.ts';
import { line, mb, ms, percentile, s, verdict } from './report.ts';

const STORIES = 200;
/** Our own goal: a pass over a busy morning's new articles should finish while the reader opens the first. */
const GOAL_MS = 10_000;

export async function captureBench(): Promise<void> {
  console.log(`\n== Offline capture (${STORIES} summary-only articles over loopback) ==`);
  const server = spawn(process.execPath, [path.join(import.meta.dirname, 'serve-site.ts'), String(STORIES)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const match = /port (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    server.on('exit', (code) => reject(new Error(`site server exited with ${code}`)));
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-capture-'));
  const workerUrls = bundledWorkerUrls();
  const service = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, workerUrls, offlineCapture: false });
  try {
    await service.importOpml(
      `<opml version="2.0"><body><outline text="Loopback" xmlUrl="http://127.0.0.1:${port}/feed.xml"/></body></opml>`,
    );
    await service.runSync(true);

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    const pass = await service.capture();
    const passMs = performance.now() - started;
    clearInterval(sampler);
    const warmStarted = performance.now();
    await service.capture();
    const warmMs = performance.now() - warmStarted;

    line('articles: full text kept / failed', `${pass.extracted} / ${pass.failed}`, `of ${STORIES}`);
    line('pictures kept', `${pass.images}`, mb(pass.imageBytes));
    line(
      'capture pass (pages + extraction + pictures)',
      s(passMs),
      `goal < ${s(GOAL_MS)}: ${verdict(passMs < GOAL_MS && pass.extracted === STORIES)}`,
    );
    line(
      'throughput',
      `${((STORIES / passMs) * 1000).toFixed(0)} articles/s`,
      `${((pass.imageBytes / 1024 / 1024 / passMs) * 1000).toFixed(0)} MB/s of pictures`,
    );
    line('second pass (nothing left to do)', ms(warmMs));
    line('peak RSS during the pass', mb(peakRss), 'whole app process: UI, sync and reader threads');

    // Readability alone, on this thread: what each page costs a reader thread.
    const { routes, stories } = summaryOnlyNewsSite({ stories: 40 });
    const times = stories.map((story) => {
      const t = performance.now();
      extractArticle(routes[story.path]?.body as string, `http://127.0.0.1/${story.path}`);
      return performance.now() - t;
    });
    line('extraction per page (Readability + linkedom)', `${ms(percentile(times, 50))} p50`, `${ms(percentile(times, 95))} p95`);
  } finally {
    await service.close();
    server.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
