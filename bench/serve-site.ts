/**
 * `node bench/serve-site.ts <stories>`: a summary-only publisher (feed, article pages,
 * photograph-sized pictures) on 127.0.0.1, in its own process so that serving costs the
 * measured process nothing. Prints "port <n>" once it listens.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { summaryOnlyNewsSite } from '../src/test-support/news-site.ts';

const { routes } = summaryOnlyNewsSite({ stories: Number(process.argv[2] ?? 200), heavyImages: true });
const server = http.createServer((req, res) => {
  const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
  if (!route) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': route.type }).end(route.body);
});
server.listen(0, '127.0.0.1', () => console.log(`port ${(server.address() as AddressInfo).port}`));
