/**
 * The HTTP client against real servers on 127.0.0.1: what fetch did for us before
 * (decoding, refusing bad ports, aborting) it must still do, and a kept-alive
 * connection the server closed must not fail the next request.
 */
import net from 'node:net';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { httpFixture } from '../../test-support/http-fixture.ts';
import { FetchError, fetchFeed } from '../feeds/fetch-feed.ts';
import { httpFetch } from './http-client.ts';

const BODY = '<rss version="2.0"><channel><title>Encoded</title></channel></rss>'.repeat(40);

describe('the HTTP client', () => {
  it('decodes gzip, brotli and deflate bodies, zlib-wrapped or raw, and passes others through', async () => {
    const encodings: Record<string, [string, Buffer]> = {
      '/gzip': ['gzip', zlib.gzipSync(BODY)],
      '/br': ['br', zlib.brotliCompressSync(BODY)],
      '/deflate': ['deflate', zlib.deflateSync(BODY)],
      '/raw-deflate': ['deflate', zlib.deflateRawSync(BODY)],
      '/plain': ['identity', Buffer.from(BODY)],
    };
    const server = await httpFixture(
      Object.fromEntries(
        Object.entries(encodings).map(([path, [encoding, body]]) => [
          path,
          (_req, res) => res.writeHead(200, { 'content-encoding': encoding, 'content-type': 'application/rss+xml' }).end(body),
        ]),
      ),
    );
    for (const path of Object.keys(encodings)) {
      const outcome = await fetchFeed({ url: server.url(path) });
      expect(outcome.kind === 'ok' && Buffer.from(outcome.bytes).toString()).toBe(BODY);
    }
  });

  it('refuses the ports browsers refuse, without connecting', async () => {
    await expect(fetchFeed({ url: 'http://127.0.0.1:25/feed.xml' })).rejects.toThrow(/one browsers refuse to fetch from/);
  });

  it('a kept-alive connection the server has just closed: the next request goes through on a fresh one', async () => {
    // A server that closes every connection right after answering, without saying so.
    const sockets: net.Socket[] = [];
    const server = await httpFixture({
      '/feed.xml': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml', connection: 'keep-alive' }).end(BODY);
        sockets.push(req.socket);
      },
    });
    for (let i = 0; i < 5; i++) {
      const outcome = await fetchFeed({ url: server.url('/feed.xml') });
      expect(outcome.kind).toBe('ok');
      for (const socket of sockets.splice(0)) socket.destroy();
    }
  });

  it('an abort ends a body that is still arriving, with the abort’s reason', async () => {
    const server = await httpFixture({
      '/slow': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first part, then nothing');
      },
    });
    const controller = new AbortController();
    const response = await httpFetch(server.url('/slow'), { headers: {}, redirect: 'manual', signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(Buffer.from((await reader.read()).value ?? []).toString()).toBe('first part, then nothing');
    controller.abort(new DOMException('stopped', 'AbortError'));
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a hostile status line gives a response, a hostile header a failed fetch — never an uncaught error', async () => {
    const answers = [
      'HTTP/1.1 200 \u00ffOK\x7f\r\ncontent-type: application/rss+xml\r\ncontent-length: 5\r\n\r\n<rss>',
      'HTTP/1.1 200 OK\r\nx-odd: a\x7fb\r\ncontent-length: 5\r\n\r\n<rss>',
    ];
    const server = net.createServer((socket) => socket.once('data', () => socket.end(answers.shift() ?? '')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/`;
    const get = () => httpFetch(url, { headers: {}, redirect: 'manual', signal: AbortSignal.timeout(5000) });
    try {
      const response = await get();
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('<rss>');
      await expect(get()).rejects.toThrow('fetch failed');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a server that hangs up mid-body is a failed fetch, in words', async () => {
    const server = await httpFixture({
      '/cut': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '100000' });
        res.write('<rss>');
        setImmediate(() => res.socket?.destroy());
      },
    });
    const error = await fetchFeed({ url: server.url('/cut') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toMatch(/cut off|could not fetch/);
  });
});
