import fs from 'node:fs';

/**
 * The browser the end-to-end tests and the reader bench drive: the system's Chromium,
 * never one Playwright downloads. BROADSHEET_CHROMIUM points at another build when
 * /usr/bin/chromium is not the one to use.
 */
export const CHROMIUM = process.env.BROADSHEET_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless Chromium on a closed network, run as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why the browser cannot be used, in one line, or null when it can. */
export function missingBrowser(): string | null {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
    return null;
  } catch {
    const named = process.env.BROADSHEET_CHROMIUM ? 'BROADSHEET_CHROMIUM points at' : 'the end-to-end tests need';
    return `No Chromium at ${CHROMIUM}: ${named} a browser that is not there. Install it (Debian/Ubuntu: apt-get install chromium) or set BROADSHEET_CHROMIUM=/path/to/chromium.`;
  }
}
