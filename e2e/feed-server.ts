import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface FeedServer {
  url: string;
  port: number;
  /** Requests seen, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 serving fixed bodies by path, for feeds and pages. */
export async function serveFeeds(routes: Record<string, { type: string; body: string | Buffer }>, port = 0): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (!route) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': route.type }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An OPML file subscribing to the server's feeds (path → the feed's name), in one folder "News". */
export function opmlFor(server: FeedServer, feeds: Record<string, string>): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'opml-')), 'news.opml');
  const outlines = Object.entries(feeds)
    .map(([route, name]) => `<outline text="${name}" xmlUrl="${server.url}${route}"/>`)
    .join('');
  fs.writeFileSync(file, `<opml version="2.0"><body><outline text="News">${outlines}</outline></body></opml>`);
  return file;
}
