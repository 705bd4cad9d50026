import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';

export interface RunningApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Stops the server (SIGTERM) and resolves with its exit code. */
  stop(): Promise<number | null>;
}

const ROOT = path.resolve(import.meta.dirname, '..');

/** Starts `npm run web`'s entry point on a data dir and waits for its "running at" line. */
export async function startApp(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-e2e-'))): Promise<RunningApp> {
  const child = spawn(process.execPath, [path.join(ROOT, 'src/main/web/run.ts'), '--no-open', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Broadsheet is running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

/** A test with a fresh app on an empty data dir, stopped afterwards. */
export const test = base.extend<{ app: RunningApp }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
  app: async ({}, use) => {
    const app = await startApp();
    await use(app);
    await app.stop();
    fs.rmSync(app.dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Subscribes the way a person does: "Add feed", the address (and a section), "Subscribe". */
export async function subscribeInApp(page: Page, address: string, section?: string): Promise<void> {
  await page.getByRole('button', { name: 'Add feed' }).first().click();
  const addFeed = page.getByRole('dialog', { name: 'Add a feed' });
  await addFeed.getByLabel('Feed or site address').fill(address);
  if (section) await addFeed.getByLabel('Section').fill(section);
  await addFeed.getByRole('button', { name: 'Subscribe' }).click();
}
