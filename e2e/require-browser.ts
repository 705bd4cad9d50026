/**
 * Run before the end-to-end step: without the browser every spec would fail on its own
 * ("executable doesn't exist"), so stop at once with one line that says what to do.
 */
import { missingBrowser } from './browser.ts';

const missing = missingBrowser();
if (missing) {
  console.error(`broadsheet e2e: ${missing}`);
  process.exit(1);
}
