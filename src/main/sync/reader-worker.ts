/**
 * A reader thread: fetches feeds, parses them and prepares their articles (text
 * extraction, fingerprints), reads article pages (Readability) and keeps pictures (the
 * download and its file) — the CPU-heavy and byte-heavy parts of a sync — so the sync
 * thread only writes.
 */
import { parentPort } from 'node:worker_threads';
import { keepPicture } from '../offline/keep-picture.ts';
import type { PageReader } from '../offline/read-page.ts';
import { packRead } from './packed-text.ts';
import { readFeed } from './read-feed.ts';
import type { ReaderReply, ReaderRequest } from './reader-pool.ts';

const port = parentPort;
if (!port) throw new Error('reader-worker.ts runs as a worker thread');

// Article pages need a DOM and Readability; a sync that reads only feeds never loads them.
let readPage: Promise<PageReader> | null = null;

port.on('message', async (request: ReaderRequest) => {
  if ('picture' in request) return port.postMessage({ id: request.id, picture: await keepPicture(request.picture) } satisfies ReaderReply);
  if ('page' in request) {
    readPage ??= import('../offline/read-page.ts').then((module) => module.readPage);
    return port.postMessage({ id: request.id, page: await (await readPage)(request.page) } satisfies ReaderReply);
  }
  const result = await readFeed(request.job);
  if (result.kind !== 'read') return port.postMessage({ id: request.id, result } satisfies ReaderReply);
  const packed = packRead(result);
  port.postMessage({ id: request.id, packed } satisfies ReaderReply, [packed.buffer]);
});
