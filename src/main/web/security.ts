import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The renderer's Content-Security-Policy, shared by both shells: no remote code, no eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'img-src * data: blob:',
  'media-src * data: blob:',
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const TOKEN_COOKIE = 'broadsheet_token';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The token a request carries: in the header the client sends, or in the session cookie. */
export function requestToken(req: IncomingMessage): string | undefined {
  const header = req.headers['x-broadsheet-token'];
  if (typeof header === 'string') return header;
  const cookies = req.headers.cookie ?? '';
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

/**
 * Refuses requests that name a foreign host or come from a foreign page: this is what
 * stops DNS rebinding and other sites' pages from reaching the loopback server.
 */
export function fromOwnOrigin(req: IncomingMessage, port: number): boolean {
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (!allowed.has(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * Headers for a cached picture, in both shells: its own type only (no sniffing), and a
 * policy that keeps an SVG opened on its own from running anything.
 */
export function cachedImageHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, max-age=86400',
  };
}
