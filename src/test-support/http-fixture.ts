import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Fixture {
  url(path: string): string;
  /** Requests seen per path, with the headers they carried. */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

const open: Fixture[] = [];

/** A real HTTP server on 127.0.0.1 with a handler per path; closed after each test. */
export async function httpFixture(routes: Record<string, Handler>): Promise<Fixture> {
  const requests: Fixture['requests'] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    const handler = routes[path];
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fixture: Fixture = {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(fixture);
  return fixture;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

/** A small RSS document with the given item titles (guids derived from them). */
export function rssWith(titles: string[], channel = 'Fixture feed'): string {
  const items = titles
    .map(
      (t, i) =>
        `<item><title>${t}</title><guid>${encodeURIComponent(t)}</guid><link>https://example.com/${i}</link><pubDate>${new Date(Date.now() - i * 3600_000).toUTCString()}</pubDate><description>Body of ${t}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${channel}</title><link>https://example.com/</link>${items}</channel></rss>`;
}
