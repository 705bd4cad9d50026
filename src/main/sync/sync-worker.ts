/**
 * The sync thread's entry point. It starts the reader threads before it loads anything
 * else, so that they boot while this thread loads its own code and opens the library
 * (each takes ~0.1 s; a warm sync of 300 feeds is over in ~0.3 s). Messages sent to the
 * thread meanwhile wait: its port starts when sync-thread.ts listens.
 */
import { workerData } from 'node:worker_threads';
import { ReaderPool } from './reader-pool.ts';

const pool = new ReaderPool(new URL((workerData as { readerWorkerUrl: string }).readerWorkerUrl));
const { serveSync } = await import('./sync-thread.ts');
serveSync(pool);
