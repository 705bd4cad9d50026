// Plain JavaScript, so that the command line's launcher (cli/launch.mjs) can use it
// without Node's TypeScript stripper: see source-workers.ts for why the threads must
// not run it, and launch.mjs for why the command line does not either.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The checkout: the first folder up from here with the project's package.json (this file is also bundled, deeper down). */
function findRepo(from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'src', 'main'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`broadsheet: no checkout above ${from}`);
  }
}

export const REPO = findRepo(import.meta.dirname);
const SOURCES = path.join(REPO, 'src');
const CACHE = path.join(REPO, 'node_modules', '.cache', 'broadsheet-workers');
const ENTRIES = { cli: 'main/cli.ts', 'sync-worker': 'main/sync/sync-worker.ts', 'reader-worker': 'main/sync/reader-worker.ts' };

let built = null;

/**
 * The folder holding the command line and the two thread entry points bundled from this
 * version of the sources (cli.js, sync-worker.js, reader-worker.js), built on first use
 * (rolldown, native code) into node_modules/.cache/broadsheet-workers/<version>/, where
 * their packages still resolve from the checkout's node_modules.
 * @returns {Promise<string>}
 */
export function sourceBundle() {
  built ??= build();
  return built;
}

async function build() {
  const dir = path.join(CACHE, sourcesStamp());
  if (fs.existsSync(path.join(dir, 'reader-worker.js'))) return dir;
  // Built beside the final place, then renamed into it: processes starting together
  // (tests in parallel) never see half a bundle.
  const partial = `${dir}.${process.pid}.${crypto.randomUUID()}.partial`;
  const { build: bundle } = await import('rolldown');
  await bundle({
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
  return dir;
}

/** Names the version of the sources: every main-process and shared file, its size and time. */
function sourcesStamp() {
  const hash = crypto.createHash('sha256');
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if ((entry.name.endsWith('.ts') || entry.name.endsWith('.mjs')) && !entry.name.endsWith('.test.ts')) {
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
function forgetOldBundles(keep) {
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
