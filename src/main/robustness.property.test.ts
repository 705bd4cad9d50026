import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ApiError, NEWS_METHODS } from '../shared/api.ts';
import { parseArgs } from '../shared/api-schema.ts';
import { parseDate, toIso } from './feeds/parse/dates.ts';
import { FeedParseError, parseFeed } from './feeds/parse/index.ts';
import { resolveUrl, resolveUrlsInHtml } from './feeds/parse/urls.ts';
import { sanitizeStoredHtml } from './library/sanitize-stored-html.ts';
import { extractArticle } from './offline/extract-article.ts';
import { readOpml } from './opml/opml.ts';
import { REPO_ROOT } from './repo-paths.ts';

/**
 * Bad input everywhere, generated: whatever bytes, markup or arguments arrive, each
 * reader either answers or refuses in words — never another exception, never a hang
 * (every call is timed), never output that grows out of proportion to its input.
 * Runs are seeded (reproducible) and capped in time.
 */
const RUNS = { numRuns: 300, seed: 20261201, interruptAfterTimeLimit: 15_000 } as const;
const PER_CALL_MS = 2_000;

function timed<T>(what: string, call: () => T): T {
  const started = performance.now();
  const result = call();
  const ms = performance.now() - started;
  if (ms > PER_CALL_MS) throw new Error(`${what} took ${Math.round(ms)} ms`);
  return result;
}

/** parseFeed answers with a feed or a FeedParseError, nothing else; its output stays proportionate. */
function parsesOrRefuses(input: Uint8Array | string): void {
  try {
    const feed = timed('parseFeed', () => parseFeed(input));
    const size = typeof input === 'string' ? input.length : input.byteLength;
    expect(JSON.stringify(feed).length).toBeLessThan(size * 8 + 4096);
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    expect(error.message).toMatch(/\w/);
  }
}

const CORPUS = path.resolve(REPO_ROOT, '../shared/conformance/corpus/real');
const corpusFiles = fs.existsSync(CORPUS)
  ? fs
      .readdirSync(CORPUS)
      .filter((name) => /\.(xml|rss|atom|json)$/.test(name))
      .sort()
      .filter((_, i) => i % 12 === 0)
      .map((name) => fs.readFileSync(path.join(CORPUS, name)).subarray(0, 64 * 1024))
  : [];

/** Edits a real feed the way transfers and bad servers do: cut, repeated, spliced, entities and doctypes inserted. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom(
        '<',
        '&',
        ']]>',
        '<![CDATA[',
        '</item>',
        '<item>',
        '&#0;',
        '&#xD800;',
        '&nbsp;',
        '\u0000',
        '\uFEFF',
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
        '<!ENTITY x SYSTEM "file:///etc/passwd">',
        '<?xml version="1.0" encoding="utf-16"?>',
        '"><script>alert(1)</script>',
      ),
      fc.string({ maxLength: 40 }),
    ),
  }),
);

function mutate(bytes: Buffer, edits: { kind: string; at: number; length?: number; text?: string }[]): Buffer {
  let out = bytes;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % out.length;
    if (edit.kind === 'truncate') out = out.subarray(0, at);
    else if (edit.kind === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + (edit.length ?? 0))]);
    else if (edit.kind === 'repeat') out = Buffer.concat([out.subarray(0, at + (edit.length ?? 0)), out.subarray(at)]);
    else out = Buffer.concat([out.subarray(0, at), Buffer.from(edit.text ?? ''), out.subarray(at)]);
  }
  return out;
}

/** What a browser would find dangerous in this HTML, parsed the way a browser parses it. */
function dangerIn(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (/^(script|svg|math|style|iframe|noscript|template|object|embed|form|base|meta|link)$/.test(tag)) found.push(tag);
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name) || name === 'style' || name === 'srcdoc') found.push(`${tag}@${name}`);
      if (/^\s*(javascript|vbscript|data:text)/i.test(value)) found.push(`${tag}@${name}=${value}`);
    }
  }
  return found;
}

describe('bad input, generated', () => {
  it('the feed parser: random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => parsesOrRefuses(bytes)),
      RUNS,
    );
  });

  it('the feed parser: random text that looks like feeds', () => {
    const tag = fc.constantFrom(
      'rss',
      'channel',
      'item',
      'feed',
      'entry',
      'title',
      'link',
      'content',
      'summary',
      'guid',
      'pubDate',
      'rdf:RDF',
    );
    const piece = fc.oneof(
      tag.map((t) => `<${t}>`),
      tag.map((t) => `</${t}>`),
      fc.constantFrom(
        '<link href="',
        '" />',
        '&amp;',
        '&',
        '<![CDATA[',
        ']]>',
        '{"version":"https://jsonfeed.org/version/1.1","items":[',
        '}',
        ']',
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => parsesOrRefuses(pieces.join(''))),
      RUNS,
    );
  });

  it.skipIf(corpusFiles.length === 0)('the feed parser: real feeds from the conformance corpus, mutated', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpusFiles), fc.array(mutation, { minLength: 1, maxLength: 4 }), (file, edits) =>
        parsesOrRefuses(mutate(file, edits)),
      ),
      { ...RUNS, numRuns: 200 },
    );
  });

  it('dates: any text is a finite instant or nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
        ),
        (text) => {
          const ms = timed('parseDate', () => parseDate(text));
          if (ms !== null) {
            expect(Number.isFinite(ms)).toBe(true);
            expect(toIso(ms)).toMatch(/^[+-]?\d{4,6}-\d\d-\d\dT/);
          }
        },
      ),
      RUNS,
    );
  });

  it('URL resolution: never throws; an http(s) base and a path give an http(s) address', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 }), fc.constant(null)), (href, base) => {
        const resolved = resolveUrl(href, base);
        if (resolved !== null) expect(typeof resolved).toBe('string');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.webUrl(), fc.webPath(), (base, href) => {
        // Resolved against a web page, a path is a web address — or, when no URL can be
        // made of it ("//"), it is returned as it was.
        const resolved = resolveUrl(href, base);
        if (resolved !== href.trim()) expect(resolved).toMatch(/^https?:\/\//);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.webUrl(), (html, base) => {
        expect(typeof timed('resolveUrlsInHtml', () => resolveUrlsInHtml(html, base))).toBe('string');
      }),
      RUNS,
    );
  });

  it('OPML import: a list of web feeds or a refusal in words; never a non-web address', () => {
    const outline = fc.record({
      text: fc.string({ maxLength: 12 }),
      url: fc.oneof(
        fc.webUrl(),
        fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', 'data:text/xml,<rss/>', ''),
        fc.string({ maxLength: 20 }),
      ),
      nested: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(outline, { maxLength: 30 }), fc.nat({ max: 2000 }), (outlines, cut) => {
        const body = outlines
          .map(
            (o) =>
              `<outline text="${o.text}" xmlUrl="${o.url}"${o.nested ? '><outline text="x" xmlUrl="https://e.com/f"/></outline>' : '/>'}`,
          )
          .join('');
        const text = `<?xml version="1.0"?><opml version="2.0"><body>${body}</body></opml>`.slice(0, cut + 20);
        try {
          const read = timed('readOpml', () => readOpml(text));
          for (const entry of read.entries) expect(entry.url).toMatch(/^https?:\/\//i);
        } catch (error) {
          expect((error as Error).message).toMatch(/OPML/);
        }
      }),
      RUNS,
    );
  });

  it('the full-text extractor: any page gives text or nothing, in bounded time', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<article>',
        '</article>',
        '<p>',
        '</p>',
        '<div class="content">',
        '</div>',
        '<script>',
        '</script>',
        '<nav>',
        '<img src="/a.png">',
      ),
      fc.lorem({ maxCount: 30 }),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), fc.webUrl(), (pieces, url) => {
        let page: { html: string } | null = null;
        try {
          page = timed('extractArticle', () => extractArticle(`<html><body>${pieces.join('')}</body></html>`, url));
        } catch (error) {
          // Its one refusal, in words (the reader shows it as "the page could not be read").
          expect((error as Error).message).toBe('the page has no readable article text');
        }
        if (page) expect(dangerIn(page.html)).toEqual([]);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('stored HTML: whatever comes in, what is stored runs nothing and is its own fixed point', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<script>',
        '</script>',
        '<svg>',
        '</svg>',
        '<math>',
        '<style>',
        '<img src=x onerror=alert(1)>',
        '<a href="javascript:alert(1)">',
        '<a href=" jav&#x09;ascript:alert(1)">',
        '<iframe srcdoc="x">',
        '<!--',
        '-->',
        '<noscript>',
        '<p title="</noscript><img src=x onerror=alert(1)>">',
        '<table>',
        '<p>',
        '</p>',
        '<b>',
        '&lt;script&gt;',
        '"',
        "'",
        '<',
        '>',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        const stored = timed('sanitizeStoredHtml', () => sanitizeStoredHtml(pieces.join('')));
        // Read back by another parser (linkedom's, as a browser would read it), nothing dangerous is there.
        expect(dangerIn(stored)).toEqual([]);
        expect(sanitizeStoredHtml(stored)).toBe(stored);
      }),
      RUNS,
    );
  });

  it('API argument validation: any arguments to any method are taken or refused as invalid, nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NEWS_METHODS), fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }), (method, args) => {
        try {
          parseArgs(method, args);
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          expect((error as ApiError).code).toBe('invalid-argument');
        }
      }),
      { ...RUNS, numRuns: 1000 },
    );
    // Not even an array, and strings far past every limit.
    for (const method of NEWS_METHODS) {
      for (const args of [undefined, null, 'x', 42, {}, [''.padEnd(25_000_000, 'x')], [{ view: 'all', limit: 1e9 }]]) {
        try {
          parseArgs(method, args);
        } catch (error) {
          expect(error, method).toBeInstanceOf(ApiError);
        }
      }
    }
  });
});
