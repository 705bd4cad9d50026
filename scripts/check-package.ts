/**
 * `npm run check:package`: packages the built app with electron-builder (`--dir`, the
 * unpacked layout every installer is made from) around a stand-in Electron folder — the
 * real binary cannot be downloaded here — and checks what would ship: the main, preload,
 * renderer and thread scripts inside app.asar, better-sqlite3's native prebuild unpacked
 * beside it (a .node cannot load from an asar), the sample library as a resource, and no
 * development dependency. It checks the layout, not that the packaged app starts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import asar from '@electron/asar';

const ROOT = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-package-'));
const standIn = path.join(work, 'electron-dist');
fs.mkdirSync(path.join(standIn, 'resources'), { recursive: true });
fs.writeFileSync(path.join(standIn, process.platform === 'win32' ? 'electron.exe' : 'electron'), '#!/bin/sh\necho stand-in\n', {
  mode: 0o755,
});
fs.writeFileSync(path.join(standIn, 'version'), pkg.devDependencies.electron ?? '');
fs.writeFileSync(path.join(standIn, 'LICENSE'), '');

const output = path.join(work, 'release');
const built = spawnSync(
  path.join(ROOT, 'node_modules/.bin/electron-builder'),
  ['--dir', `-c.electronDist=${standIn}`, `-c.electronVersion=${pkg.devDependencies.electron}`, `-c.directories.output=${output}`],
  { cwd: ROOT, encoding: 'utf8' },
);
if (built.status !== 0) {
  console.error(`check:package: electron-builder failed:\n${built.stdout}${built.stderr}`);
  process.exit(1);
}
const unpacked =
  fs
    .readdirSync(output)
    .map((name) => path.join(output, name))
    .find((dir) => fs.existsSync(path.join(dir, 'resources', 'app.asar'))) ??
  fs
    .readdirSync(output)
    .map((name) => path.join(output, name, 'Contents'))
    .find((dir) => fs.existsSync(path.join(dir, 'Resources', 'app.asar')));
if (!unpacked) {
  console.error(`check:package: no app.asar under ${output}`);
  process.exit(1);
}
const resources = fs.existsSync(path.join(unpacked, 'resources')) ? path.join(unpacked, 'resources') : path.join(unpacked, 'Resources');
const inside = new Set(asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/')));
const nativeTarget = `${process.platform === 'linux' ? 'linux' : process.platform}-${process.arch}.node`;

const failures: string[] = [];
const check = (what: string, ok: boolean) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}`);
  if (!ok) failures.push(what);
};
for (const file of [
  '/out/main/index.js',
  '/out/main/sync-worker.js',
  '/out/main/reader-worker.js',
  '/out/preload/index.cjs',
  '/out/renderer/index.html',
  '/package.json',
])
  check(`app.asar holds ${file}`, inside.has(file));
for (const dependency of Object.keys(pkg.dependencies))
  check(`app.asar holds the runtime dependency ${dependency}`, inside.has(`/node_modules/${dependency}/package.json`));
check(
  `better-sqlite3's prebuild for this platform (${nativeTarget}) is unpacked beside the asar`,
  fs.existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', nativeTarget)),
);
check(
  'no .node file is left inside the asar unpacked-less',
  [...inside].filter((f) => f.endsWith('.node')).every((f) => fs.existsSync(path.join(resources, 'app.asar.unpacked', f))),
);
check('the sample library ships as a resource', fs.existsSync(path.join(resources, 'resources', 'sample')));
check('no source maps', ![...inside].some((f) => f.endsWith('.map')));
// Development dependencies that are nobody's runtime dependency must not ship.
const shipped = [...inside]
  .filter((f) => /^\/node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(f))
  .map((f) => f.slice('/node_modules/'.length, -'/package.json'.length));
const devOnly = Object.keys(pkg.devDependencies).filter((name) => !(name in pkg.dependencies));
const leaked = devOnly.filter((name) => shipped.includes(name));
check(
  `no development dependency ships (${devOnly.length} checked${leaked.length ? `; found ${leaked.join(', ')}` : ''})`,
  leaked.length === 0,
);
fs.rmSync(work, { recursive: true, force: true });
if (failures.length > 0) {
  console.error(`check:package: ${failures.length} check(s) failed.`);
  process.exit(1);
}
console.log(`check:package: the packaged layout holds what the app needs and nothing it does not (${inside.size} files in app.asar).`);
