import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real app: browser mode served by the same services, in
 * the system's Chromium (never a browser Playwright downloads). BROADSHEET_CHROMIUM
 * points at another Chromium build when /usr/bin/chromium is not the one to use.
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

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1366, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
});
