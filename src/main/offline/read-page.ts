import { FetchError, fetchFeed } from '../feeds/fetch-feed.ts';
import { decodeFeedBytes } from '../feeds/parse/decode.ts';
import { extractArticle } from './extract-article.ts';

/** Article pages are far smaller; a larger one is a download, not a page. */
const MAX_PAGE_BYTES = 8 * 1024 * 1024;
const PAGE_TIMEOUT_MS = 20_000;

export interface PageJob {
  url: string;
  timeoutMs?: number;
}

export type PageReadResult =
  | { kind: 'extracted'; html: string; text: string }
  /** `networkDown`: our network, not the publisher (see FetchError): nothing is recorded. */
  | { kind: 'failed'; message: string; offline: boolean; networkDown?: boolean };

/** Fetches and reads an article page: runs on the reader threads, like feeds. Never throws. */
export type PageReader = (job: PageJob) => Promise<PageReadResult>;

export const readPage: PageReader = async (job) => {
  try {
    const outcome = await fetchFeed({
      url: job.url,
      subject: 'page',
      accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
      maxBytes: MAX_PAGE_BYTES,
      timeoutMs: job.timeoutMs ?? PAGE_TIMEOUT_MS,
    });
    if (outcome.kind !== 'ok') return { kind: 'failed', message: 'the server sent no page', offline: false };
    const type = outcome.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (type && !/html|xml/.test(type)) return { kind: 'failed', message: `the link is not a web page (${type})`, offline: false };
    const html = decodeFeedBytes(outcome.bytes, pageCharset(outcome.bytes, outcome.contentType));
    return { kind: 'extracted', ...extractArticle(html, outcome.finalUrl) };
  } catch (error) {
    if (error instanceof FetchError)
      return { kind: 'failed', message: error.message, offline: error.offline, networkDown: error.networkDown };
    return { kind: 'failed', message: (error as Error).message ?? String(error), offline: false };
  }
};

/** The HTTP charset, else the page's own <meta charset> (HTML pages have no XML declaration). */
function pageCharset(bytes: Uint8Array, contentType: string | null): string | undefined {
  if (contentType && /charset=/i.test(contentType)) return contentType;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? `text/html; charset=${meta[1]}` : (contentType ?? undefined);
}
