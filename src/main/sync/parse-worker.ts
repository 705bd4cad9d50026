/**
 * A parse thread: feed bytes in, articles ready to write out. Parsing and preparing
 * (text extraction, fingerprints) are the CPU-heavy half of a sync; running them here
 * lets the sync thread write one feed while the next is being parsed.
 */
import { parentPort } from 'node:worker_threads';
import { FeedParseError } from '../feeds/parse/index.ts';
import { type FeedBody, readyFeed } from './feed-parser.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread');

port.on('message', ({ id, body }: { id: number; body: FeedBody }) => {
  try {
    port.postMessage({ id, ok: true, feed: readyFeed(body) });
  } catch (error) {
    const parseError = error instanceof FeedParseError;
    port.postMessage({ id, ok: false, parseError, message: error instanceof Error ? error.message : String(error) });
  }
});
