import { describe, expect, it } from 'vitest';
import type { NewsApi } from './api.ts';
import { handleCall } from './api-schema.ts';

/** A NewsApi whose methods record their arguments, so tests see what reached the service. */
function recordingApi() {
  const calls: [string, unknown[]][] = [];
  const api = new Proxy({} as NewsApi, {
    get:
      (_t, method: string) =>
      async (...args: unknown[]) => {
        calls.push([method, args]);
        if (method === 'getArticle') throw new Error('disk on fire');
        return 'ok';
      },
  });
  return { api, calls };
}

describe('handleCall', () => {
  it('passes valid calls through to the service', async () => {
    const { api, calls } = recordingApi();
    expect(await handleCall(api, 'setBookmarked', [12, true])).toEqual({ ok: true, value: 'ok' });
    expect(calls).toEqual([['setBookmarked', [12, true]]]);
  });

  it.each([
    ['unknown method', 'dropAllTables', []],
    ['prototype key', 'constructor', []],
    ['wrong type', 'setRead', ['12', true]],
    ['negative id', 'getArticle', [-1]],
    ['missing argument', 'setRead', [12]],
    ['extra argument', 'getStatus', [1]],
    ['unknown field', 'listArticles', [{ view: 'all', sql: 'DROP TABLE articles' }]],
    ['bad enum', 'listArticles', [{ view: 'everything' }]],
    ['non-http subscription', 'subscribe', ['file:///etc/passwd']],
    ['args not an array', 'getStatus', 'nope'],
  ])('rejects %s with invalid-argument and never calls the service', async (_label, method, args) => {
    const { api, calls } = recordingApi();
    const result = await handleCall(api, method, args);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-argument');
    expect(calls).toEqual([]);
  });

  it('turns an unexpected service failure into an internal error in words, not a crash', async () => {
    const { api } = recordingApi();
    const original = console.error;
    console.error = () => undefined;
    try {
      expect(await handleCall(api, 'getArticle', [3])).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
    } finally {
      console.error = original;
    }
  });
});
