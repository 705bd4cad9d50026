/**
 * A reader thread: fetches feeds, parses them and prepares their articles (text
 * extraction, fingerprints) — the CPU-heavy part of a sync — so the sync thread only
 * writes.
 */
import { parentPort } from 'node:worker_threads';
import { packRead } from './packed-text.ts';
import { type FeedJob, readFeed } from './read-feed.ts';

const port = parentPort;
if (!port) throw new Error('reader-worker.ts runs as a worker thread');

port.on('message', async ({ id, job }: { id: number; job: FeedJob }) => {
  const result = await readFeed(job);
  if (result.kind !== 'read') return port.postMessage({ id, result });
  const packed = packRead(result);
  port.postMessage({ id, packed }, [packed.buffer]);
});
