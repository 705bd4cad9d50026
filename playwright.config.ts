import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, missingBrowser } from './e2e/browser.ts';

/**
 * End-to-end tests drive the real app: browser mode served by the same services, in the
 * system's Chromium (see e2e/browser.ts).
 */
// `playwright test` run by hand stops here too, with the same words as `npm run test:e2e`.
const missing = missingBrowser();
if (missing) throw new Error(missing);

export default defineConfig({
  testDir: './e2e',
  // Specs only: e2e/*.test.ts are Vitest tests of the e2e tooling itself.
  testMatch: '*.spec.ts',
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
