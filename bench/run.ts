/**
 * `npm run bench [-- --feeds N] [--only sync|capture|trending|reader|scale]`: Broadsheet's benchmarks, printing figures and ratios
 * (`sync`: the person's path on ../shared/bench against newsboat, then the feed engine alone)
 * against their goals. Benchmarks measure; they never fail the test suite.
 */
import { flagValue } from '../src/main/data-dir.ts';

const feeds = Number(flagValue(process.argv.slice(2), '--feeds') ?? 300);
console.log(
  `Broadsheet benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
);
const only = flagValue(process.argv.slice(2), '--only');
// Each benchmark's modules load only when it runs: Playwright alone would add ~90 MB to
// the process whose memory the sync benchmark measures.
if (!only || only === 'sync') {
  await (await import('./reference-sync-bench.ts')).referenceSyncBench();
  await (await import('./sync-bench.ts')).syncBench(feeds);
}
if (!only || only === 'capture') await (await import('./capture-bench.ts')).captureBench();
if (!only || only === 'trending') {
  await (await import('./trending-real-bench.ts')).trendingRealBench();
  await (await import('./trending-bench.ts')).trendingBench();
}
if (!only || only === 'reader') await (await import('./reader-bench.ts')).readerBench();
// Not part of a plain `npm run bench`: its library takes minutes to build the first time.
if (only === 'scale') await (await import('./scale-bench.ts')).scaleBench();
