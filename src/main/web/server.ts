import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { NEWS_EVENT_NAMES } from '../../shared/api.ts';
import { handleCall } from '../../shared/api-schema.ts';
import { IMAGE_CACHE_PATH } from '../../shared/image-sources.ts';
import type { NewsService } from '../library/news-service.ts';
import { rendererFile, rendererMime } from '../renderer-files.ts';
import { CONTENT_SECURITY_POLICY, cachedImageHeaders, fromOwnOrigin, newToken, requestToken, sameToken, TOKEN_COOKIE } from './security.ts';

export interface WebShellOptions {
  service: NewsService;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 25 * 1024 * 1024;

/**
 * Browser mode: the built renderer and the same API, served on 127.0.0.1 only, behind
 * a random per-run token. Opening `/?token=…` once sets a same-site cookie; every other
 * request needs that cookie (or the token header) and our own Host and Origin.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const token = options.token ?? newToken();
  const rendererDir = path.resolve(options.rendererDir);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (no ${path.join(rendererDir, 'index.html')}). Run \`npm run build\` first.`);
  }
  const sockets = new Set<import('node:net').Socket>();
  const eventStreams = new Set<ServerResponse>();
  let port = 0;

  const server = http.createServer((req, res) => {
    try {
      route(req, res);
    } catch (error) {
      // One bad request must never take the server (and the app's window) down.
      console.error('broadsheet: a browser-mode request failed:', (error as Error).message);
      if (!res.headersSent) refuse(res, 500, 'Something went wrong with that request.');
      else res.destroy();
    }
  });
  const route = (req: IncomingMessage, res: ServerResponse) => {
    setCommonHeaders(res);
    if (!fromOwnOrigin(req, port)) return refuse(res, 403, 'Forbidden: foreign host or origin.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && req.method === 'GET' && url.pathname === '/') {
      if (!sameToken(queryToken, token)) return refuse(res, 403, 'Forbidden: wrong token.');
      res.setHeader('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { location: '/' }).end();
      return;
    }
    if (!sameToken(requestToken(req), token)) {
      return refuse(res, 401, 'Unauthorized: open the address Broadsheet printed, with its token.');
    }
    if (url.pathname === '/api/call' && req.method === 'POST') return void handleApi(req, res, options.service);
    if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res, options.service, eventStreams);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    if (url.pathname.startsWith(IMAGE_CACHE_PATH))
      return serveCachedImage(options.service, url.pathname.slice(IMAGE_CACHE_PATH.length), res);
    serveStatic(rendererDir, url.pathname, res);
  };
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of eventStreams) stream.end();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(message);
}

async function handleApi(req: IncomingMessage, res: ServerResponse, service: NewsService): Promise<void> {
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/json')) return refuse(res, 415, 'Send JSON.');
  let body: { method?: unknown; args?: unknown };
  try {
    body = JSON.parse(await readBody(req)) as typeof body;
  } catch (error) {
    return refuse(res, 400, `Bad request: ${(error as Error).message}`);
  }
  const result = await handleCall(service, body?.method, body?.args);
  res.writeHead(result.ok ? 200 : 400, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(result));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Push events as Server-Sent Events: one named event per NewsEvents entry. */
function openEventStream(res: ServerResponse, service: NewsService, streams: Set<ServerResponse>): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': connected\n\n');
  streams.add(res);
  const unsubscribe = NEWS_EVENT_NAMES.map((name) =>
    service.on(name, (payload) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
  );
  res.on('close', () => {
    streams.delete(res);
    for (const off of unsubscribe) off();
  });
}

/** A picture from the offline cache; the original host is never asked. */
function serveCachedImage(service: NewsService, key: string, res: ServerResponse): void {
  const image = service.cachedImage(key);
  if (!image) {
    refuse(res, 404, 'Not in the image cache.');
    return;
  }
  fs.readFile(image.file, (error, data) => {
    if (error) return refuse(res, 404, 'Not in the image cache.');
    res.writeHead(200, cachedImageHeaders(image.contentType));
    res.end(data);
  });
}

function serveStatic(rendererDir: string, pathname: string, res: ServerResponse): void {
  const file = rendererFile(rendererDir, pathname);
  if (!file) {
    refuse(res, 403, 'Forbidden.');
    return;
  }
  fs.readFile(file, (error, data) => {
    if (error) return refuse(res, 404, 'Not found.');
    const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'content-type': rendererMime(file), 'cache-control': cache });
    res.end(data);
  });
}
