import { describe, expect, it } from 'vitest';
import { ReaderPool } from './reader-pool.ts';

const job = (url: string) => ({ url, etag: null, lastModified: null, bodyHash: null });

describe('the reader pool', () => {
  it('a reader thread that dies fails the jobs it held, in words, and is replaced: the next jobs are read', async () => {
    const pool = new ReaderPool(new URL('../../test-support/dying-reader.mjs', import.meta.url), 1);
    try {
      expect(await pool.read(job('http://127.0.0.1/die'))).toMatchObject({
        kind: 'failed',
        message: 'the reader thread failed: hostile input',
      });
      // Jobs sent after it are read by its replacement (before, they waited forever on a dead thread).
      const after = await Promise.all([pool.read(job('http://127.0.0.1/one')), pool.read(job('http://127.0.0.1/two'))]);
      expect(after.map((r) => (r.kind === 'failed' ? r.message : r.kind))).toEqual([
        'read http://127.0.0.1/one',
        'read http://127.0.0.1/two',
      ]);
    } finally {
      await pool.close();
    }
  });
});
