import type { PreparedArticle } from '../library/prepared-article.ts';
import type { FeedReadResult } from './read-feed.ts';

type Read = Extract<FeedReadResult, { kind: 'read' }>;

/**
 * Article bodies cross from a reader thread to the sync thread as one transferred UTF-8
 * buffer, not as strings: nothing is copied or re-encoded on the way, and the sync
 * thread's heap never holds the text (SQLite gets byte views, cast to TEXT in SQL).
 * Measured: without this the sync thread's heap peaked near 190 MB on the bench corpus.
 */
export interface PackedRead {
  result: Read;
  buffer: ArrayBuffer;
}

type Span = [offset: number, length: number];

export function packRead(result: Read): PackedRead {
  const encoder = new TextEncoder();
  let size = 0;
  for (const a of result.articles) size += Buffer.byteLength(a.contentHtml as string) + Buffer.byteLength(a.bodyText as string);
  const bytes = new Uint8Array(size);
  let at = 0;
  const put = (text: string): Span => {
    const { written } = encoder.encodeInto(text, bytes.subarray(at));
    const span: Span = [at, written];
    at += written;
    return span;
  };
  const articles = result.articles.map((a) => ({ ...a, contentHtml: put(a.contentHtml as string), bodyText: put(a.bodyText as string) }));
  return { result: { ...result, articles: articles as unknown as PreparedArticle[] }, buffer: bytes.buffer };
}

export function unpackRead({ result, buffer }: PackedRead): Read {
  const view = ([offset, length]: Span) => Buffer.from(buffer, offset, length);
  return {
    ...result,
    // Detaching frees the bytes now rather than whenever the garbage collector gets to them.
    release: () => void buffer.transfer(0),
    articles: result.articles.map((a) => ({
      ...a,
      contentHtml: view(a.contentHtml as unknown as Span),
      bodyText: view(a.bodyText as unknown as Span),
    })),
  };
}
