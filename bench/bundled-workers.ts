import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../src/main/repo-paths.ts';
import type { WorkerUrls } from '../src/main/sync/sync-runner.ts';

/**
 * The sync and reader threads as the desktop app ships them: bundled JavaScript in
 * out/main (running the TypeScript sources costs each thread ~17 MB for Node's type
 * stripper). Undefined when the app is not built: the service then runs the sources.
 */
export function bundledWorkerUrls(): WorkerUrls | undefined {
  const built = path.join(REPO_ROOT, 'out', 'main');
  if (!fs.existsSync(path.join(built, 'reader-worker.js'))) return undefined;
  return { sync: pathToFileURL(path.join(built, 'sync-worker.js')), reader: pathToFileURL(path.join(built, 'reader-worker.js')) };
}
