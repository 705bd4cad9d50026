import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
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
 * the sources (rolldown, native code) into `node_modules/.cache/broadsheet-workers/`,
 * where their packages still resolve from the checkout's node_modules. It also saves
 * each thread the stripper's ~17 MB.
 */
const SOURCES = path.resolve(import.meta.dirname, '..', '..');
const REPO = path.resolve(SOURCES, '..');
const CACHE = path.join(REPO, 'node_modules', '.cache', 'broadsheet-workers');
const ENTRIES = { 'sync-worker': 'main/sync/sync-worker.ts', 'reader-worker': 'main/sync/reader-worker.ts' } as const;

let built: Promise<WorkerUrls> | null = null;

export function sourceWorkerUrls(): Promise<WorkerUrls> {
  built ??= bundle();
  return built;
}

async function bundle(): Promise<WorkerUrls> {
  const dir = path.join(CACHE, sourcesStamp());
  const urls = {
    sync: pathToFileURL(path.join(dir, 'sync-worker.js')),
    reader: pathToFileURL(path.join(dir, 'reader-worker.js')),
  };
  if (fs.existsSync(path.join(dir, 'reader-worker.js'))) return urls;
  // Built beside the final place, then renamed into it: processes starting together
  // (tests in parallel) never see half a bundle.
  const partial = `${dir}.${process.pid}.${crypto.randomUUID()}.partial`;
  const { build } = await import('rolldown');
  await build({
    input: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(SOURCES, file)])),
    platform: 'node',
    // Packages and Node's own modules stay imports, resolved from the checkout.
    external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
    logLevel: 'silent',
    output: { dir: partial, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  });
  try {
    fs.renameSync(partial, dir);
  } catch {
    // Another process put the same bundle in place first.
    fs.rmSync(partial, { recursive: true, force: true });
  }
  forgetOldBundles(dir);
  return urls;
}

/** Names the version of the sources: every main-process and shared file, its size and time. */
function sourcesStamp(): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        const stat = fs.statSync(file);
        hash.update(`${path.relative(SOURCES, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(path.join(SOURCES, 'main'));
  walk(path.join(SOURCES, 'shared'));
  return hash.digest('hex').slice(0, 16);
}

/** Bundles of earlier versions of the sources, once a day old: a running process may still use a recent one. */
function forgetOldBundles(keep: string): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of fs.readdirSync(CACHE)) {
    const dir = path.join(CACHE, name);
    if (dir === keep) continue;
    try {
      if (fs.statSync(dir).mtimeMs < dayAgo) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}
