/**
 * The sync thread (see sync-worker.ts, its entry point): it hands feeds and article pages to the reader threads (fetch,
 * parse, extract) and writes what they return, so the thread that answers the UI never
 * waits on either. It has its own connection to the library (WAL lets the UI read while
 * this one writes).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { autoBackup } from '../db/backup.ts';
import { openDatabase } from '../db/connection.ts';
import { describeStorageError } from '../db/storage-errors.ts';
import { attachQueue } from '../library/search-index.ts';
import { readSettings } from '../library/settings.ts';
import { cancelPendingLookups } from '../net/system-lookup.ts';
import { captureArticles, captureBacklog } from '../offline/capture.ts';
import { updateStories } from '../trending/update-stories.ts';
import type { ReaderPool } from './reader-pool.ts';
import { runSync } from './run-sync.ts';
import type { SyncRequest, SyncWorkerMessage } from './sync-messages.ts';

/** The sync thread's work, given the reader threads its entry point (sync-worker.ts) started. */
export function serveSync(pool: ReaderPool): void {
  const port = parentPort;
  if (!port) throw new Error('sync-thread.ts runs as a worker thread');
  const { dataDir } = workerData as { dataDir: string };
  // This thread owns checkpoints: none while a sync writes (folding the log back into the
  // database mid-sync roughly doubles its cost), one as soon as the sync is done.
  const db = openDatabase(dataDir, { checkpoint: 'manual' });
  // This thread's writes queue their text for the index (see library/search-index.ts).
  attachQueue(db, dataDir);
  const post = (message: SyncWorkerMessage) => port.postMessage(message);
  const failed = (id: number) => (error: unknown) => {
    const words = describeStorageError(error);
    const storage = words !== (error instanceof Error ? error.message : String(error));
    post({ type: 'failed', id, message: storage ? `${words}: the sync stopped, and nothing already stored was lost` : words });
  };
  /** Aborted when the app closes: a capture stops where it is, recording nothing it did not finish. */
  const stopping = new AbortController();
  /**
   * Background jobs (capture passes, the daily backup) run one after another: two
   * captures at once would fetch the same pages twice, and closing waits for the chain.
   */
  let background: Promise<unknown> = Promise.resolve();
  const inBackground = (job: () => Promise<unknown>) => {
    // Each job reports its own failure; one that throws anyway must not stop the chain.
    background = background.then(job).catch((error: Error) => console.error('broadsheet: background work failed:', error.message));
  };

  port.on('message', (request: SyncRequest) => {
    if (request.type === 'checkpoint') {
      db.pragma('wal_checkpoint(PASSIVE)');
      post({ type: 'checkpointed', id: request.id });
      return;
    }
    if (request.type === 'close') {
      // Stop by finishing, never by being terminated mid-statement: cut the capture short
      // (its fetches are aborted and the reader threads answer "stopped"), wait for it to
      // settle, close the database, then let this thread end on its own.
      stopping.abort();
      cancelPendingLookups();
      void pool
        .close()
        .then(() => background)
        .finally(() => {
          db.close();
          port.close();
        });
      return;
    }
    if (request.type === 'stories') {
      inBackground(async () => {
        try {
          updateStories(db);
        } finally {
          post({ type: 'stories-updated', id: request.id });
        }
      });
      return;
    }
    if (request.type === 'capture') {
      inBackground(() =>
        (request.articleIds ? captureArticles : captureBacklog)(db, {
          dataDir,
          readPage: pool.readPage,
          keepPicture: pool.keepPicture,
          articleIds: request.articleIds,
          signal: stopping.signal,
        }).then((summary) => post({ type: 'captured', id: request.id, summary }), failed(request.id)),
      );
      return;
    }
    // The daily copy is taken before the sync changes anything: it holds the library as the
    // person left it, and a new library's first copy is a few kilobytes, not its first sync.
    const backedUp =
      readSettings(db).autoBackup && !stopping.signal.aborted
        ? autoBackup(db, dataDir).catch((error: Error) => console.error('broadsheet: the daily backup failed:', error.message))
        : Promise.resolve();
    backedUp
      .then(() =>
        runSync(db, (progress) => post({ type: 'progress', progress }), {
          force: request.force,
          reader: pool.read,
          signal: stopping.signal,
          onListed: (progress) => post({ type: 'listed', id: request.id, progress }),
        }),
      )
      .then((summary) => {
        post({ type: 'done', id: request.id, summary });
        // Folding the log back into the database waits for the capture the listing started:
        // a checkpoint blocks this thread, and the capture's downloads with it.
        inBackground(async () => db.pragma('wal_checkpoint(PASSIVE)'));
      }, failed(request.id));
  });
}
