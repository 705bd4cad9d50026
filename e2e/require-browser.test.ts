import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the e2e step on a machine without the browser', () => {
  it('stops at once, non-zero, with one line that says what to install', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'e2e/require-browser.ts')], {
      env: { ...process.env, BROADSHEET_CHROMIUM: path.join(ROOT, 'no-such-chromium') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/No Chromium at .*no-such-chromium.*apt-get install chromium.*BROADSHEET_CHROMIUM/);
  });

  it('lets the step go on where the browser is there', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'e2e/require-browser.ts')], {
      env: { ...process.env, BROADSHEET_CHROMIUM: process.execPath },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
