/**
 * The sync thread: fetching, parsing and writing run here, so the thread that answers
 * the UI never waits on them. It has its own connection to the library (WAL lets the UI
 * read while this one writes).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.ts';
import { ParsePool } from './parse-pool.ts';
import { syncAll } from './sync-all.ts';
import type { SyncRequest, SyncWorkerMessage } from './sync-messages.ts';

const port = parentPort;
if (!port) throw new Error('sync-worker.ts runs as a worker thread');
const { dataDir, parseWorkerUrl } = workerData as { dataDir: string; parseWorkerUrl: string };
const db = openDatabase(dataDir);
// Checkpoint in large steps during a sync rather than after every feed's commit; the
// rest of the log is folded back once the sync is done.
db.pragma('wal_autocheckpoint = 20000');
const pool = new ParsePool(new URL(parseWorkerUrl));
const post = (message: SyncWorkerMessage) => port.postMessage(message);

port.on('message', (request: SyncRequest) => {
  if (request.type === 'close') {
    void pool.close().then(() => {
      db.close();
      port.close();
    });
    return;
  }
  syncAll(db, (progress) => post({ type: 'progress', progress }), { force: request.force, parser: pool.parse }).then(
    (summary) => {
      post({ type: 'done', id: request.id, summary });
      db.pragma('wal_checkpoint(PASSIVE)');
    },
    (error: unknown) => post({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
