import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { NEWS_METHODS } from '../src/shared/api.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const hasElectronRuntime = fs.existsSync(path.join(ROOT, 'node_modules', 'electron', 'path.txt'));
const SKIP_REASON =
  'no Electron runtime here: node_modules/electron/path.txt is missing (the Electron binary cannot be downloaded on this machine)';
if (!hasElectronRuntime) console.log(`Electron e2e skipped: ${SKIP_REASON}`);

test.describe('Electron app', () => {
  test.skip(!hasElectronRuntime, SKIP_REASON);

  test('opens a hardened window that loads the sample library and reads the seed story', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-electron-'));
    const app = await electron.launch({ args: [ROOT, '--data-dir', dataDir], cwd: ROOT });
    try {
      const window = await app.firstWindow();
      // No Node in the page, and the bridge is exactly the contract plus `on`.
      const page = await window.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        bridge: Object.keys((window as unknown as { news: object }).news).sort(),
      }));
      expect(page.require).toBe('undefined');
      expect(page.process).toBe('undefined');
      expect(page.bridge).toEqual([...NEWS_METHODS, 'on'].sort());

      await window.getByRole('button', { name: 'Load sample library' }).click();
      await window
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('button', { name: /^Africa/ })
        .click();
      await window.getByRole('row', { name: /Rwanda severs diplomatic ties with Belgium/ }).click();
      await expect(window.getByRole('article')).toContainText('persona non grata');
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
