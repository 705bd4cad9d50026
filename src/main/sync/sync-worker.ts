/**
 * The sync thread: fetching, parsing and writing run here, so the thread that answers
 * the UI never waits on them. It has its own connection to the library (WAL lets the UI
 * read while this one writes).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.ts';
import { syncAll } from './sync-all.ts';
import type { SyncRequest, SyncWorkerMessage } from './sync-messages.ts';

const port = parentPort;
if (!port) throw new Error('sync-worker.ts runs as a worker thread');
const db = openDatabase((workerData as { dataDir: string }).dataDir);
const post = (message: SyncWorkerMessage) => port.postMessage(message);

port.on('message', (request: SyncRequest) => {
  if (request.type === 'close') {
    db.close();
    port.close();
    return;
  }
  syncAll(db, (progress) => post({ type: 'progress', progress }), { force: request.force }).then(
    (summary) => post({ type: 'done', id: request.id, summary }),
    (error: unknown) => post({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
