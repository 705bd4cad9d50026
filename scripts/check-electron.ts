/**
 * `npm run check:electron`: Doyensec's electronegativity over the built app (`out/`:
 * main, preload, renderer), the static check of the Electron security checklist. Every
 * finding must be one that docs/security.md justifies (listed below with the reason);
 * anything else fails the run. The check that downloads Electron's release list is left
 * out (no network here); the Electron version is the one the project pins.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const JUSTIFIED: Record<string, string> = {
  // See docs/security.md, "Static check": each of these was read and is intended.
  'CSP_GLOBAL_CHECK renderer/index.html':
    "img-src/media-src * (article pictures and podcasts come from anywhere) and style-src 'unsafe-inline' (React style props); no remote script, eval, object or frame",
  'OPEN_EXTERNAL_JS_CHECK main/index.js': 'only http(s) URLs reach openExternal, after parsing',
  'PRELOAD_JS_CHECK main/index.js': 'the preload exposes exactly the typed contract through contextBridge, never ipcRenderer',
};

const electron = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies.electron as string;
if (!fs.existsSync(path.join(ROOT, 'out/main/index.js'))) {
  console.error('check:electron: build first (npm run build): out/main/index.js is missing');
  process.exit(1);
}
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-')), 'report.sarif');
const run = spawnSync(
  process.execPath,
  [
    '--require',
    path.join(ROOT, 'scripts/electronegativity-offline.cjs'),
    path.join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'),
    ...['-i', path.join(ROOT, 'out'), '-e', electron, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-v', 'false', '-o', report],
  ],
  { encoding: 'utf8' },
);
if (run.status !== 0 || !fs.existsSync(report)) {
  console.error(`check:electron: electronegativity did not run:\n${run.stdout}${run.stderr}`);
  process.exit(1);
}
const sarif = JSON.parse(fs.readFileSync(report, 'utf8')) as {
  runs: { results: { ruleId: string; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[] }[];
};
const findings = sarif.runs
  .flatMap((r) => r.results)
  .map((r) => `${r.ruleId} ${r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?'}`);
const unexplained = findings.filter((f) => !(f in JUSTIFIED));
for (const finding of findings)
  console.log(`${finding in JUSTIFIED ? 'justified' : 'NEW      '}  ${finding}${JUSTIFIED[finding] ? ` — ${JUSTIFIED[finding]}` : ''}`);
if (unexplained.length > 0) {
  console.error(
    `check:electron: ${unexplained.length} finding(s) not justified in docs/security.md: fix them, or justify them there and here.`,
  );
  process.exit(1);
}
console.log(`check:electron: ${findings.length} finding(s), all justified (electronegativity, Electron ${electron}).`);
