/**
 * `npm run bench [-- --feeds N] [--only sync|reader]`: Broadsheet's benchmarks, printing figures and ratios
 * against their goals. Benchmarks measure; they never fail the test suite.
 */
import { flagValue } from '../src/main/data-dir.ts';
import { readerBench } from './reader-bench.ts';
import { syncBench } from './sync-bench.ts';

const feeds = Number(flagValue(process.argv.slice(2), '--feeds') ?? 300);
console.log(
  `Broadsheet benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
);
const only = flagValue(process.argv.slice(2), '--only');
if (!only || only === 'sync') await syncBench(feeds);
if (!only || only === 'reader') await readerBench();
