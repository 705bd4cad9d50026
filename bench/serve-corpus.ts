/**
 * Serves the benchmark corpus on 127.0.0.1 with ETag/Last-Modified validators, in its
 * own process so the corpus's memory never counts against the app being measured.
 * Prints `port N feeds F items I bytes B` once listening; stops on SIGTERM.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateCorpus } from './corpus.ts';

const feeds = Number(process.argv[2] ?? 300);
const corpus = generateCorpus(feeds);
const byPath = new Map(corpus.map((f) => [f.path, f]));
const server = http.createServer((req, res) => {
  const feed = byPath.get(req.url ?? '');
  if (!feed) return void res.writeHead(404).end();
  if (req.headers['if-none-match'] === feed.etag || req.headers['if-modified-since'] === feed.lastModified) {
    return void res.writeHead(304, { etag: feed.etag }).end();
  }
  res.writeHead(200, {
    'content-type': feed.contentType,
    etag: feed.etag,
    'last-modified': feed.lastModified,
    'content-length': feed.body.length,
  });
  res.end(feed.body);
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const items = corpus.reduce((n, f) => n + f.items, 0);
  const bytes = corpus.reduce((n, f) => n + f.body.length, 0);
  console.log(`port ${(server.address() as AddressInfo).port} feeds ${feeds} items ${items} bytes ${bytes}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
