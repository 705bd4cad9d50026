import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrate.ts';
import { NewsService } from '../library/news-service.ts';
import { RESOURCES_DIR } from '../repo-paths.ts';
import { startWebShell, type WebShell } from './server.ts';

let service: NewsService;
let shell: WebShell;

beforeEach(async () => {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Broadsheet</title>');
  service = new NewsService({ dataDir: tempDir(), resourcesDir: RESOURCES_DIR });
  shell = await startWebShell({ service, rendererDir });
});

afterEach(async () => {
  await shell.close();
  await service.close();
});

/** A raw request, so tests control Host and Origin exactly as an attacker could. */
function request(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: shell.port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${shell.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const withToken = (headers: Record<string, string> = {}) => ({ 'x-broadsheet-token': shell.token, ...headers });
const call = (method: string, args: unknown[], headers: Record<string, string> = withToken()) =>
  request('/api/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ method, args }),
  });

describe('browser-mode web shell', () => {
  it('listens on 127.0.0.1 only and prints a tokened address', () => {
    expect(shell.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${shell.port}/\\?token=[\\w-]{20,}$`));
  });

  it('refuses requests without the token', async () => {
    expect((await request('/')).status).toBe(401);
    expect((await call('getStatus', [], {})).status).toBe(401);
    expect((await call('getStatus', [], { 'x-broadsheet-token': 'guess' })).status).toBe(401);
    expect((await request('/?token=wrong')).status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    expect((await call('getStatus', [], withToken({ host: `evil.example:${shell.port}` }))).status).toBe(403);
    expect((await call('getStatus', [], withToken({ origin: 'https://evil.example' }))).status).toBe(403);
  });

  it('exchanges the address token for a same-site HttpOnly cookie that authorizes later requests', async () => {
    const first = await request(`/?token=${shell.token}`);
    expect(first.status).toBe(303);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request('/', { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('<title>Broadsheet</title>');
  });

  it('answers API calls from the services, and bad arguments with a typed error', async () => {
    const ok = await call('getStatus', []);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { schemaVersion: LATEST_SCHEMA_VERSION, articles: 0 } });

    const bad = await call('getArticle', ['1; DROP TABLE articles']);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(JSON.parse((await call('getStatus', [])).body).ok).toBe(true);
  });

  it('does not serve files outside the renderer folder, however the path is spelled', async () => {
    // A file beside the renderer folder that a traversal would reach.
    for (const attempt of [
      '/..%2F..%2Fetc%2Fpasswd',
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..%5c..%5c..%5cetc%5cpasswd',
      '//etc/passwd',
      '/%2F%2Fetc%2Fpasswd',
      '/index.html%00.png',
      '/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    ]) {
      const traversal = await request(attempt, { headers: withToken() });
      expect([400, 403, 404], attempt).toContain(traversal.status);
      expect(traversal.body, attempt).not.toContain('root:');
    }
  });

  it('serves cached pictures only by their key: no path, no other file, not without the token', async () => {
    const database = path.join(service.dataDir, 'broadsheet.db');
    for (const attempt of [
      '/image-cache/../broadsheet.db',
      '/image-cache/..%2Fbroadsheet.db',
      '/image-cache/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      `/image-cache/${'0'.repeat(32)}`,
      `/image-cache/${'0'.repeat(31)}/`,
      '/image-cache/ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ',
      `/image-cache/${encodeURIComponent(database)}`,
    ]) {
      const response = await request(attempt, { headers: withToken() });
      expect([403, 404], attempt).toContain(response.status);
      expect(response.body, attempt).not.toContain('SQLite format');
      expect(response.body, attempt).not.toContain('root:');
    }
    expect((await request(`/image-cache/${'0'.repeat(32)}`)).status).toBe(401);
  });

  it('takes API calls only as JSON POSTs with the token, of bounded size, and says what was wrong', async () => {
    expect([404, 405]).toContain((await request('/api/call', { method: 'GET', headers: withToken() })).status);
    expect((await request('/api/call', { method: 'POST', headers: withToken({ 'content-type': 'text/plain' }), body: '{}' })).status).toBe(
      415,
    );
    const notJson = await request('/api/call', {
      method: 'POST',
      headers: withToken({ 'content-type': 'application/json' }),
      body: '{"method":',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatch(/^Bad request: /);
    const unknown = await call('dropEverything', []);
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/unknown method/) },
    });
    const prototype = await call('__proto__', []);
    expect(JSON.parse(prototype.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect((await call('getStatus', [], {})).status).toBe(401);
    expect((await request('/api/events')).status).toBe(401);
    // Far over the body limit: refused, and the server goes on answering.
    const huge = await request('/api/call', {
      method: 'POST',
      headers: withToken({ 'content-type': 'application/json' }),
      body: JSON.stringify({ method: 'importOpml', args: ['x'.repeat(40_000_000)] }),
    }).catch(() => ({ status: 0, body: '' }));
    expect([0, 400, 413]).toContain(huge.status);
    expect(JSON.parse((await call('getStatus', [])).body).ok).toBe(true);
  });

  it('refuses a rebinding host with a port of its own, a null origin and a look-alike origin', async () => {
    const attempts: Record<string, string>[] = [
      { host: `evil.example:${shell.port}` },
      { host: `127.0.0.1.evil.example:${shell.port}` },
      { host: '127.0.0.1' },
      { origin: 'null' },
      { origin: `http://127.0.0.1:${shell.port}.evil.example` },
      { origin: `https://127.0.0.1:${shell.port}` },
    ];
    for (const headers of attempts) {
      const response = await request('/api/call', {
        method: 'POST',
        headers: withToken({ 'content-type': 'application/json', ...headers }),
        body: '{"method":"getStatus","args":[]}',
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
  });
});
