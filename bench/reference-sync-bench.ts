/**
 * The person's path on the reference scenario (../shared/bench, see its README): the
 * whole `import-opml` + `sync --json` as processes, offline capture on (the default),
 * against newsboat reloading the same server in the same run, interleaved (newsboat,
 * Broadsheet, newsboat, …), median of three; then warm syncs (every feed answers 304),
 * and the UI thread's API latency while a sync with capture runs in the app's own way.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NewsService } from '../src/main/library/news-service.ts';
import { REPO_ROOT, RESOURCES_DIR } from '../src/main/repo-paths.ts';
import { CLI_ENTRY } from '../src/test-support/cli-process.ts';
import {
  freePort,
  generateReferenceCorpus,
  REFERENCE_BENCH,
  referenceBenchAvailable,
  startReferenceServer,
} from '../src/test-support/reference-corpus.ts';
import { bundledWorkerUrls } from './bundled-workers.ts';
import { median, type ProcessRun, timeProcess } from './child-process-timing.ts';
import { line, mb, ms, percentile, s, verdict } from './report.ts';

const RUNS = 3;
const CLI = CLI_ENTRY;

interface Phases {
  listedMs: number;
  indexedMs: number;
  storiesMs: number;
  capturedMs: number | null;
}

interface BroadsheetCold {
  /** import-opml + sync, spawn to exit. */
  wholeMs: number;
  importMs: number;
  /** From the start of import-opml: the sync's phases plus the import before it. */
  listedMs: number;
  indexedMs: number;
  storiesMs: number;
  capturedMs: number | null;
  peakRssBytes: number | null;
  newArticles: number;
  failed: number;
  pictures: number;
  dataDir: string;
}

async function broadsheetCold(opml: string): Promise<BroadsheetCold> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ref-bs-'));
  const imported = await cli(['import-opml', opml, '--data-dir', dataDir]);
  const synced = await cli(['sync', '--json', '--data-dir', dataDir]);
  const report = JSON.parse(synced.stdout) as {
    newArticles: number;
    failed: unknown[];
    phases: Phases;
    capture: { images: number } | null;
  };
  const at = (phase: number | null) => (phase === null ? null : imported.ms + phase);
  return {
    wholeMs: imported.ms + synced.ms,
    importMs: imported.ms,
    listedMs: imported.ms + report.phases.listedMs,
    indexedMs: imported.ms + report.phases.indexedMs,
    storiesMs: imported.ms + report.phases.storiesMs,
    capturedMs: at(report.phases.capturedMs),
    peakRssBytes: Math.max(imported.peakRssBytes ?? 0, synced.peakRssBytes ?? 0) || null,
    newArticles: report.newArticles,
    failed: report.failed.length,
    pictures: report.capture?.images ?? 0,
    dataDir,
  };
}

async function cli(args: string[]): Promise<ProcessRun> {
  const run = await timeProcess(process.execPath, [CLI, ...args], { cwd: REPO_ROOT });
  // A feed that failed exits 1 with a report; anything else is the benchmark's failure.
  if (run.code !== 0 && !(run.code === 1 && args[0] === 'sync' && run.stdout.trim().startsWith('{')))
    throw new Error(`broadsheet ${args[0]} failed (${run.code}): ${run.stderr}`);
  return run;
}

function newsboatInstalled(): boolean {
  return spawnSync('which', ['newsboat']).status === 0;
}

/** One newsboat reload with the reference configuration, on the given cache. */
async function newsboatReload(urls: string, cacheDir: string): Promise<ProcessRun> {
  const run = await timeProcess(
    'newsboat',
    ['-C', path.join(REFERENCE_BENCH, 'newsboat.config'), '-u', urls, '-c', path.join(cacheDir, 'cache.db'), '-x', 'reload'],
    { env: { ...process.env, HOME: cacheDir } },
  );
  if (run.code !== 0) throw new Error(`newsboat failed (${run.code}): ${run.stderr}`);
  return run;
}

export async function referenceSyncBench(): Promise<void> {
  console.log('\n== The person’s path: import-opml + sync with offline capture, reference corpus (../shared/bench) ==');
  if (!referenceBenchAvailable()) {
    line('reference scenario', 'not measured', `${REFERENCE_BENCH} is missing`);
    return;
  }
  const port = await freePort();
  const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ref-corpus-'));
  const corpus = generateReferenceCorpus(corpusDir, port, ['--feeds', '300']);
  const server = await startReferenceServer(corpusDir, port);
  const peer = newsboatInstalled();
  const dirs: string[] = [corpusDir];
  try {
    line('corpus', `${corpus.items} items`, `${mb(corpus.bytes)} in ${corpus.feeds} feeds, pictures and pages on the same server`);
    const opml = path.join(corpusDir, 'feeds.opml');
    const urls = path.join(corpusDir, 'urls.txt');
    const ours: BroadsheetCold[] = [];
    const theirs: ProcessRun[] = [];
    let newsboatCache = '';
    for (let run = 0; run < RUNS; run++) {
      if (peer) {
        newsboatCache = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ref-nb-'));
        dirs.push(newsboatCache);
        theirs.push(await newsboatReload(urls, newsboatCache));
      }
      const cold = await broadsheetCold(opml);
      dirs.push(cold.dataDir);
      ours.push(cold);
    }
    const last = ours.at(-1) as BroadsheetCold;
    const med = (pick: (r: BroadsheetCold) => number | null) => median(ours.map(pick).filter((v): v is number => v !== null));
    line('articles stored / feeds failed', `${last.newArticles} / ${last.failed}`, `${last.pictures} pictures kept offline`);
    line('Broadsheet cold, whole (median of 3)', s(med((r) => r.wholeMs)), `import-opml ${s(med((r) => r.importMs))} + sync`);
    line('  listed (every article in the lists)', s(med((r) => r.listedMs)), 'from the start of import-opml');
    line('  indexed (every article searchable)', s(med((r) => r.indexedMs)));
    line('  stories formed', s(med((r) => r.storiesMs)));
    line('  offline capture done', s(med((r) => r.capturedMs)));
    const peak = Math.max(...ours.map((r) => r.peakRssBytes ?? 0));
    line('  peak RSS of the sync process (worst of 3)', mb(peak), `goal ≤ 200 MB: ${verdict(peak <= 200 * 1024 * 1024)}`);

    // Warm: every feed answers 304; nothing is downloaded again, feeds or pictures.
    await server.stats(true);
    const warmOurs: number[] = [];
    const warmTheirs: number[] = [];
    if (peer) await newsboatReload(urls, newsboatCache); // newsboat keeps validators from its second fetch on
    // The cold sync captured every recent article, so a warm one should download nothing;
    // whatever it does download must be a picture or page it had not kept (counted by its
    // capture), never one it had.
    let served = { feedBodies: 0, others: 0, newlyKept: 0 };
    for (let run = 0; run < RUNS; run++) {
      if (peer) warmTheirs.push((await newsboatReload(urls, newsboatCache)).ms);
      await server.stats(true);
      const warm = await cli(['sync', '--json', '--data-dir', last.dataDir]);
      const stats = await server.stats(true);
      const capture = (JSON.parse(warm.stdout) as { capture: { images: number; extracted: number; failed: number } | null }).capture;
      served = {
        feedBodies: stats.feedBodies,
        others: (stats.byStatus['200'] ?? 0) - stats.feedBodies,
        newlyKept: (capture?.images ?? 0) + (capture?.extracted ?? 0) + (capture?.failed ?? 0),
      };
      warmOurs.push(warm.ms);
    }
    const again = served.feedBodies + Math.max(0, served.others - served.newlyKept);
    line(
      'Broadsheet warm sync, whole process (median)',
      s(median(warmOurs)),
      `feed bodies again: ${served.feedBodies}; pictures/pages fetched: ${served.others}, all new to the library (${served.newlyKept} kept): ${verdict(again === 0)}`,
    );

    if (!peer) {
      line('newsboat', 'not measured', 'newsboat is not installed (apt-get install -y newsboat)');
    } else {
      const version = spawnSync('newsboat', ['-v'], { encoding: 'utf8' }).stdout.split('\n')[0]?.split(' - ')[0] ?? 'newsboat';
      const cold = median(theirs.map((r) => r.ms));
      const warm = median(warmTheirs);
      const nbPeak = Math.max(...theirs.map((r) => r.peakRssBytes ?? 0));
      line(`${version} cold / warm (median of 3)`, `${s(cold)} / ${s(warm)}`, `peak RSS ${mb(nbPeak)}`);
      const ratio = (ourMs: number) => cold / ourMs;
      const listed = ratio(med((r) => r.listedMs));
      const whole = ratio(med((r) => r.capturedMs ?? r.wholeMs));
      const exit = ratio(med((r) => r.wholeMs));
      line('articles listed vs newsboat cold', `${listed.toFixed(2)}x faster`, `goal ≥ 3x: ${verdict(listed >= 3)}`);
      line('whole sync (capture done) vs newsboat', `${whole.toFixed(2)}x faster`, `goal ≥ 1.5x: ${verdict(whole >= 1.5)}`);
      line('  to the processes’ exit vs newsboat', `${exit.toFixed(2)}x faster`, 'the WAL folded back, the library closed');
      const warmRatio = median(warmTheirs) / median(warmOurs);
      line('warm sync vs newsboat warm', `${warmRatio.toFixed(1)}x faster`, `goal ≥ 20x: ${verdict(warmRatio >= 20)}`);
    }
    await uiLatencyDuringSync(opml);
  } finally {
    server.stop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The app's own way (NewsService, its threads, capture on): the UI thread keeps answering while a cold sync runs. */
async function uiLatencyDuringSync(opml: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ref-ui-'));
  const service = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, workerUrls: bundledWorkerUrls() });
  try {
    await service.importOpml(fs.readFileSync(opml, 'utf8'));
    const latencies: number[] = [];
    let running = true;
    const probe = (async () => {
      while (running) {
        const t = performance.now();
        await service.listArticles({ view: 'all', limit: 50 });
        await service.listSections();
        await service.search({ text: 'the minister', limit: 20 });
        latencies.push(performance.now() - t);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await service.syncAndCapture(true);
    running = false;
    await probe;
    const p99 = percentile(latencies, 99);
    line(
      'UI thread API calls during sync + capture: p50 / p99',
      `${ms(percentile(latencies, 50))} / ${ms(p99)}`,
      `${latencies.length} rounds (list, sections, search), goal p99 < 50 ms: ${verdict(p99 < 50)}`,
    );
  } finally {
    await service.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
