import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../library/prepared-article.ts';
import { packRead, unpackRead } from './packed-text.ts';

describe('packed article text', () => {
  it('round-trips bodies in any script through one transferred buffer, and frees it on release', () => {
    const item = (id: string, html: string) =>
      prepareArticle({
        id,
        title: id,
        link: null,
        published: null,
        updated: null,
        author: null,
        summary: null,
        contentHtml: html,
        categories: [],
        enclosures: [],
        thumbnail: null,
      });
    const articles = [item('a', '<p>Café “naïve” — 日本語 🎉</p>'), item('b', ''), item('c', '<p>plain</p>')];
    const packed = packRead({
      kind: 'read',
      permanentUrl: null,
      validators: { etag: null, lastModified: null, bodyHash: 'h' },
      maxAgeSeconds: null,
      title: 't',
      link: null,
      ttlMinutes: null,
      articles,
    });
    const copy = structuredClone(packed, { transfer: [packed.buffer] });
    const unpacked = unpackRead(copy);
    const text = (v: string | Uint8Array) => Buffer.from(v as Uint8Array).toString('utf8');
    expect(unpacked.articles.map((a) => text(a.contentHtml))).toEqual(articles.map((a) => a.contentHtml));
    expect(unpacked.articles.map((a) => text(a.bodyText))).toEqual(articles.map((a) => a.bodyText));
    expect(copy.buffer.byteLength).toBe(Buffer.byteLength(articles.map((a) => `${a.contentHtml}${a.bodyText}`).join('')));
    unpacked.release?.();
    expect(copy.buffer.byteLength).toBe(0);
  });
});
