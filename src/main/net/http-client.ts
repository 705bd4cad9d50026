import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';
import { NameResolver } from './name-resolver.ts';

/**
 * The one HTTP client of the main process (feeds, article pages, pictures): Node's own
 * `http`/`https` (native llhttp), answering with a WHATWG `Response`, with name
 * resolution and connecting bounded per host (see name-resolver.ts), so a host that
 * cannot be found or reached costs seconds, not a stalled pass.
 *
 * Not undici (fetch): its HTTP parser is WebAssembly, and V8 13.6 (Node 24) frees wasm
 * code shared between threads unsafely — reader threads parsing responses while another
 * thread ended crashed the process (SIGSEGV in `NativeModule::FreeCode` under
 * `Runtime_TierUpWasmToJSWrapper`, SIGTRAP), 2 in ~40 runs of the test suite on a busy
 * machine. Native parsing has no such code to share, and costs each thread ~17 MB less.
 */
const CONNECT_TIMEOUT_MS = 8_000;
/** A body cut short ends what was decoded so far (as browsers show a truncated page), not an error. */
const FLUSH = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

export const nameResolver = new NameResolver();

export type HttpResponse = Response;

/** Ports browsers refuse to fetch from (the Fetch standard's "bad port" list): never a feed, often a mail or chat server. */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117,
  119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636,
  989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

const agents = {
  'http:': new http.Agent({ keepAlive: true, scheduling: 'lifo' }),
  'https:': new https.Agent({ keepAlive: true, scheduling: 'lifo' }),
};

/** A failure the way fetch reports one: "fetch failed", the cause carrying the code. */
function failed(cause: NodeJS.ErrnoException | { code?: string; message: string }): TypeError {
  return new TypeError('fetch failed', { cause });
}

export async function httpFetch(
  url: string,
  init: { headers: Record<string, string>; redirect: 'manual'; signal: AbortSignal },
): Promise<HttpResponse> {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw failed({ message: `unsupported scheme ${target.protocol}` });
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  if (BAD_PORTS.has(port)) throw failed({ message: 'bad port' });
  try {
    return await request(target, init.headers, init.signal);
  } catch (error) {
    // A kept-alive connection the server had just closed: once more, on a fresh one.
    if ((error as { reusedSocket?: boolean }).reusedSocket && !init.signal.aborted) return request(target, init.headers, init.signal, true);
    throw error;
  }
}

function request(target: URL, headers: Record<string, string>, signal: AbortSignal, fresh = false): Promise<Response> {
  signal.throwIfAborted();
  return new Promise<Response>((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(target, {
      method: 'GET',
      headers,
      agent: fresh ? false : agents[target.protocol as 'http:' | 'https:'],
      lookup: nameResolver.lookup,
    });
    const onAbort = () => req.destroy(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    let connectTimer: NodeJS.Timeout | undefined;
    req.once('socket', (socket: Socket) => {
      if (!socket.connecting) return;
      connectTimer = setTimeout(
        () => req.destroy(failed({ code: 'CONNECT_TIMEOUT', message: `no connection within ${CONNECT_TIMEOUT_MS / 1000} s` })),
        CONNECT_TIMEOUT_MS,
      );
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(connectTimer);
      signal.removeEventListener('abort', onAbort);
      if (signal.aborted) return reject(signal.reason);
      if (error instanceof TypeError) return reject(error);
      reject(Object.assign(failed(error), { reusedSocket: req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE') }));
    });
    req.once('response', (res) => {
      clearTimeout(connectTimer);
      // The body still streams after this: an abort now ends the stream with the reason.
      signal.removeEventListener('abort', onAbort);
      signal.addEventListener('abort', () => res.destroy(signal.reason as Error), { once: true });
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 599) {
        res.destroy();
        return reject(failed({ code: 'BAD_STATUS', message: `the server answered with status ${status}` }));
      }
      const responseHeaders = new Headers();
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
        try {
          responseHeaders.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string);
        } catch {
          // A header fetch would refuse (a byte it cannot carry) is left out, not fatal.
        }
      }
      const noBody = status === 204 || status === 205 || status === 304;
      if (noBody) res.resume();
      resolve(
        // No statusText: a server's reason phrase may hold bytes Response refuses (a DEL), and nothing reads it.
        new Response(noBody ? null : (Readable.toWeb(decoded(res)) as ReadableStream<Uint8Array>), { status, headers: responseHeaders }),
      );
    });
    req.end();
  });
}

/** The body as sent before compression (fetch decodes these too); a stream that fails to decode fails the read. */
function decoded(res: http.IncomingMessage): Readable {
  // An unknown or absent encoding is passed through as it came.
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip(FLUSH)
      : encoding === 'deflate'
        ? inflateEitherWay()
        : encoding === 'br'
          ? zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH })
          : null;
  if (!decoder) return res;
  res.once('error', (error) => decoder.destroy(error));
  decoder.once('close', () => {
    if (!res.complete) res.destroy();
  });
  return res.pipe(decoder);
}

/**
 * "deflate" as servers send it: zlib-wrapped, as the standard says, or raw, as some old
 * servers do; the first byte tells which (a zlib header's low nibble is 8).
 */
function inflateEitherWay(): Transform {
  let inner: zlib.Inflate | zlib.InflateRaw | null = null;
  const outer = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!inner) {
        inner = ((chunk[0] ?? 0) & 0x0f) === 0x08 ? zlib.createInflate(FLUSH) : zlib.createInflateRaw(FLUSH);
        inner.on('data', (data: Buffer) => outer.push(data));
        inner.once('error', (error) => outer.destroy(error));
      }
      inner.write(chunk, done);
    },
    flush(done) {
      if (!inner) return done();
      inner.once('end', () => done());
      inner.end();
    },
  });
  return outer;
}
