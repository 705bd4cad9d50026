import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sourceBundle } from '../source-bundle.mjs';
import type { WorkerUrls } from './sync-runner.ts';

/**
 * The sync and reader threads as JavaScript when Broadsheet runs from its sources (the
 * CLI, browser mode, the tests); the packaged app ships them bundled already.
 *
 * A thread started on the TypeScript sources strips their types with Node's own
 * stripper, a WebAssembly build of swc, and V8 13.6 (Node 24) frees WebAssembly code
 * shared between threads unsafely: with several threads started and ended, the process
 * crashed now and then — SIGSEGV in `NativeModule::FreeCode` under
 * `Runtime_TierUpWasmToJSWrapper`, SIGTRAP in `WasmImportWrapperCache::Free` (core
 * dumps; 3 in 52 runs of the test suite on a busy machine). So no thread but the main
 * one ever runs WebAssembly: the two worker entry points are bundled once per version of
 * the sources (see source-bundle.mjs). It also saves each thread the stripper's ~17 MB.
 */
export async function sourceWorkerUrls(): Promise<WorkerUrls> {
  const dir = await sourceBundle();
  return { sync: pathToFileURL(path.join(dir, 'sync-worker.js')), reader: pathToFileURL(path.join(dir, 'reader-worker.js')) };
}
