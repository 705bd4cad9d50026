import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface NewsboatTimes {
  coldMs: number;
  warmMs: number;
  version: string;
}

/**
 * Times newsboat (Debian's package) reloading the same loopback feeds, cold then warm,
 * with its default settings. Returns null, with the reason, when it is not installed.
 */
export function timeNewsboat(urls: string[]): NewsboatTimes | { missing: string } {
  const which = spawnSync('which', ['newsboat']);
  if (which.status !== 0) return { missing: 'newsboat is not installed (apt-get install newsboat)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-newsboat-'));
  const urlFile = path.join(dir, 'urls');
  fs.writeFileSync(urlFile, `${urls.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'config'), '');
  const run = () => {
    const started = performance.now();
    const result = spawnSync(
      'newsboat',
      ['-x', 'reload', '-u', urlFile, '-c', path.join(dir, 'cache.db'), '-C', path.join(dir, 'config')],
      {
        env: { ...process.env, HOME: dir },
        stdio: 'ignore',
        timeout: 600_000,
      },
    );
    if (result.status !== 0) throw new Error(`newsboat failed (${result.status ?? result.signal})`);
    return performance.now() - started;
  };
  try {
    const coldMs = run();
    const warmMs = run();
    const version = spawnSync('newsboat', ['-v'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? 'newsboat';
    return { coldMs, warmMs, version };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
