import { formatBytes } from '../../shared/format-bytes.ts';
import { type HttpResponse, httpFetch } from '../net/http-client.ts';

/**
 * One polite HTTP fetch of a feed: conditional GET with the validators exactly as the
 * server sent them, compressed transfer, connect-and-total timeouts, a size cap,
 * redirects followed by hand so that permanent ones can be remembered.
 */
export const USER_AGENT = 'Broadsheet/0.1 (desktop news reader)';
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  accept?: string;
  /** What is fetched, for the words of an error ("the page was not found"). */
  subject?: 'feed' | 'page' | 'image';
  /** Cancels the fetch (the app is closing): it fails as `offline`, so nothing is recorded against the server. */
  signal?: AbortSignal;
}

export type FetchOutcome =
  | { kind: 'not-modified'; finalUrl: string; permanentUrl: string | null }
  | {
      kind: 'ok';
      finalUrl: string;
      /** Set when every redirect on the way was permanent (301/308): the new address to store. */
      permanentUrl: string | null;
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      maxAgeSeconds: number | null;
    };

/** A fetch that failed, with the reason in words and what it means for scheduling. */
export class FetchError extends Error {
  readonly status: number | null;
  readonly retryAfterSeconds: number | null;
  readonly gone: boolean;
  readonly offline: boolean;
  /** Not this server but our own network: no name server answers, no route. Never recorded against a server. */
  readonly networkDown: boolean;
  constructor(
    message: string,
    opts: { status?: number; retryAfterSeconds?: number | null; gone?: boolean; offline?: boolean; networkDown?: boolean } = {},
  ) {
    super(message);
    this.name = 'FetchError';
    this.status = opts.status ?? null;
    this.retryAfterSeconds = opts.retryAfterSeconds ?? null;
    this.gone = opts.gone ?? false;
    this.networkDown = opts.networkDown ?? false;
    this.offline = (opts.offline ?? false) || this.networkDown;
  }
}

export async function fetchFeed(request: FetchRequest): Promise<FetchOutcome> {
  const timeoutMs = request.timeoutMs ?? 30_000;
  const signal = request.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), request.signal]) : AbortSignal.timeout(timeoutMs);
  let url = request.url;
  let permanent = true;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept:
        request.accept ??
        'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    let response: HttpResponse;
    try {
      response = await httpFetch(url, { headers, redirect: 'manual', signal });
    } catch (error) {
      throw request.signal?.aborted ? stopped() : describeNetworkError(error, url, timeoutMs);
    }
    const permanentUrl = hop > 0 && permanent ? url : null;
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new FetchError(`HTTP ${response.status} redirect without a Location header`, { status: response.status });
      if (response.status !== 301 && response.status !== 308) permanent = false;
      url = new URL(location, url).href;
      continue;
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified', finalUrl: url, permanentUrl };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw statusError(response, request.subject ?? 'feed');
    }
    const bytes = await readCapped(response, request.maxBytes ?? MAX_FEED_BYTES, timeoutMs).catch((error) => {
      throw request.signal?.aborted ? stopped() : error;
    });
    return {
      kind: 'ok',
      finalUrl: url,
      permanentUrl,
      bytes,
      contentType: response.headers.get('content-type'),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      maxAgeSeconds: maxAge(response.headers.get('cache-control')),
    };
  }
  throw new FetchError(`too many redirects (more than ${MAX_REDIRECTS}), the last to ${url}`);
}

async function readCapped(response: HttpResponse, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new FetchError(`the response is too large (${formatBytes(declared)}; the limit is ${formatBytes(maxBytes)})`);
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new FetchError(`the response is too large (over ${formatBytes(maxBytes)})`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw describeNetworkError(error, response.url, timeoutMs);
  }
  return Buffer.concat(chunks);
}

function stopped(): FetchError {
  return new FetchError('stopped: the app is closing', { networkDown: true });
}

function statusError(response: HttpResponse, subject: string): FetchError {
  const status = response.status;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  if (status === 410) {
    const never = subject === 'feed' ? '; it will not be polled again' : '';
    return new FetchError(`the ${subject} is gone (HTTP 410)${never}`, { status, gone: true });
  }
  if (status === 404) return new FetchError(`the ${subject} was not found (HTTP 404)`, { status });
  if (status === 401 || status === 403) return new FetchError(`the server refused access (HTTP ${status})`, { status });
  if (status === 429) return new FetchError('the server asked us to slow down (HTTP 429)', { status, retryAfterSeconds });
  if (status >= 500) return new FetchError(`the server had an error (HTTP ${status})`, { status, retryAfterSeconds });
  return new FetchError(`the server answered HTTP ${status}`, { status, retryAfterSeconds });
}

function describeNetworkError(error: unknown, url: string, timeoutMs: number): FetchError {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return new FetchError(`the server did not answer in time (${Math.round(timeoutMs / 1000)} s)`);
  }
  const code = err.cause?.code ?? '';
  if (err.cause?.message === 'bad port') return new FetchError(`the port of ${safeHost(url)} is one browsers refuse to fetch from`);
  const host = safeHost(url);
  if (code === 'ENOTFOUND') return new FetchError(`could not find the server ${host} (offline, or a wrong address)`, { offline: true });
  if (code === 'EAI_AGAIN') return new FetchError(`no name server answered for ${host} (offline?)`, { networkDown: true });
  if (code === 'CONNECT_TIMEOUT') return new FetchError(`the server ${host} could not be reached in time (offline?)`, { offline: true });
  if (code === 'ECONNREFUSED') return new FetchError(`the server ${host} refused the connection`, { offline: true });
  if (code === 'ECONNRESET' || code === 'EPIPE') return new FetchError(`the connection to ${host} was cut off`);
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH')
    return new FetchError('the network is unreachable (offline?)', { networkDown: true });
  if (code.startsWith('ERR_TLS') || code.includes('CERT'))
    return new FetchError(`a secure connection to ${host} could not be made (${code})`);
  return new FetchError(`could not fetch ${url}: ${err.cause?.message ?? err.message ?? String(error)}`);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, Math.round((date - now) / 1000)) : null;
}

function maxAge(cacheControl: string | null): number | null {
  const match = cacheControl?.match(/max-age=(\d+)/i);
  return match ? Number(match[1]) : null;
}
