import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { electronStandIn } from '../../test-support/electron-stand-in.ts';

// Its own file: the shell runs once per module registry, and here it must start as the second instance.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-second-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const electron = electronStandIn({ userData: dataDir, singleInstance: false });
vi.mock('electron', () => electron.module);

it('the second instance of the app quits at once: no window, and it never opens the library the first one holds', async () => {
  process.env.BROADSHEET_DATA_DIR = dataDir;
  await import('../index.ts');
  electron.becomeReady();
  await electron.app.whenReady();
  expect(electron.app.quitCalls).toBe(1);
  expect(electron.windows).toHaveLength(0);
  expect(fs.readdirSync(dataDir)).toEqual([]);
});
