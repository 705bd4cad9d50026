import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

/**
 * Opens the browser-mode address in a Chromium `--app` window (no tabs or address
 * bar), with its own profile inside the data directory. Returns what happened, in words.
 */
export function openAppWindow(url: string, dataDir: string): string {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display is available, so no window was opened: open the address above in a browser.';
  }
  const browser = process.env.BROADSHEET_BROWSER ?? BROWSERS.find((name) => spawnSync('which', [name]).status === 0);
  if (!browser) return 'No Chromium-based browser was found: open the address above in any browser.';
  const child = spawn(browser, [`--app=${url}`, `--user-data-dir=${path.join(dataDir, 'browser-profile')}`, '--no-first-run'], {
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', () => undefined);
  child.unref();
  return `Opened a ${browser} app window.`;
}
