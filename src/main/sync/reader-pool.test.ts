import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Handler, httpFixture } from '../../test-support/http-fixture.ts';
import { pngImage } from '../../test-support/png.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { imageKey, imagesDir } from '../offline/image-cache.ts';
import { ReaderPool } from './reader-pool.ts';
import { sourceWorkerUrls } from './source-workers.ts';

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

describe('pictures kept by the reader threads', () => {
  it('downloads each picture and writes its file there, many at once beside a feed, in order; a page that is no picture is a failure in words', async () => {
    const pictures = Array.from({ length: 20 }, (_, i) => pngImage(40, 30, i + 1, true));
    const site = await httpFixture({
      ...Object.fromEntries(
        pictures.map((png, i) => [`/p${i}.png`, (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png)]),
      ),
      '/page.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>no picture</p>'),
      '/feed.xml': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end('<rss><channel><title>T</title><item><title>A</title><link>https://a.example/1</link></item></channel></rss>'),
    } satisfies Record<string, Handler>);
    const dataDir = tempDir();
    const pool = new ReaderPool((await sourceWorkerUrls()).reader, 2);
    try {
      const [feed, ...kept] = await Promise.all([
        pool.read(job(site.url('/feed.xml'))),
        ...pictures.map((_, i) => pool.keepPicture({ url: site.url(`/p${i}.png`), dataDir })),
      ]);
      expect(feed.kind).toBe('read');
      expect(kept).toEqual(pictures.map((png) => ({ kind: 'kept', contentType: 'image/png', bytes: png.byteLength })));
      for (const [i, png] of pictures.entries()) {
        const key = imageKey(site.url(`/p${i}.png`));
        expect(fs.readFileSync(path.join(imagesDir(dataDir), key.slice(0, 2), key)).equals(png)).toBe(true);
      }
      expect(await pool.keepPicture({ url: site.url('/page.html'), dataDir })).toMatchObject({
        kind: 'failed',
        message: 'not an image (text/html)',
      });
    } finally {
      await pool.close();
    }
  });
});
