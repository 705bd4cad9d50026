import { decodeHTML, decodeHTMLAttribute } from 'entities';

/**
 * Article HTML as it is stored: strangers wrote it, so only an allowlist of elements
 * and attributes is kept, rebuilt from the tokens of one pass over the string (never
 * patched as a string; a hand-written scanner, because a general parser made the whole
 * sync a third slower), with
 * every text and attribute value escaped again. The renderer sanitizes once more with
 * DOMPurify before showing it (src/renderer/src/features/reader/sanitize.ts); this
 * pass means the library itself — exports, backups, other tools reading the file —
 * never holds a working script.
 *
 * Dropped with everything inside: scripts, styles, templates, SVG and MathML (the usual
 * homes of mutation XSS), frames, objects, forms' controls, document-level elements.
 * Dropped: event handlers, `style`, `srcdoc`, `javascript:`/`vbscript:`/non-image
 * `data:` URLs, and 1×1 tracking pixels.
 */

const ALLOWED = new Set(
  (
    'a abbr address article aside audio b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li main mark ol p picture pre q rp rt ruby s samp section ' +
    'small source span strong sub summary sup table tbody td tfoot th thead time tr track u ul var video wbr center font big tt'
  ).split(' '),
);

/** Elements whose content goes too: it is code, styling or a document of its own, never article text. */
const DROPPED_WITH_CONTENT = new Set(
  'script style template noscript iframe frame frameset object embed applet svg math head title textarea select option button noembed noframes xmp plaintext'.split(
    ' ',
  ),
);

const MAX_OPEN = 256;
const VOID = new Set('br col hr img source track wbr'.split(' '));

const GLOBAL_ATTRIBUTES = new Set(['title', 'lang', 'dir']);
const ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href']),
  img: new Set(['src', 'srcset', 'alt', 'width', 'height', 'sizes', 'data-src', 'data-srcset', 'data-lazy-src', 'data-original']),
  source: new Set(['src', 'srcset', 'type', 'media', 'sizes', 'data-srcset']),
  td: new Set(['colspan', 'rowspan', 'headers']),
  th: new Set(['colspan', 'rowspan', 'headers', 'scope']),
  col: new Set(['span']),
  colgroup: new Set(['span']),
  time: new Set(['datetime']),
  ol: new Set(['start', 'reversed', 'type']),
  li: new Set(['value']),
  blockquote: new Set(['cite']),
  q: new Set(['cite']),
  del: new Set(['cite', 'datetime']),
  ins: new Set(['cite', 'datetime']),
  audio: new Set(['src', 'controls', 'preload']),
  video: new Set(['src', 'controls', 'poster', 'preload', 'width', 'height']),
  track: new Set(['src', 'kind', 'srclang', 'label']),
  details: new Set(['open']),
};
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'poster', 'data-src', 'data-lazy-src', 'data-original']);
const SRCSET_ATTRIBUTES = new Set(['srcset', 'data-srcset']);

export function sanitizeStoredHtml(html: string): string {
  if (!html) return html;
  // Pieces joined once at the end (a string grown by += is a rope of thousands of
  // nodes), and only when something changed: a body that is already clean stays the
  // original string, which shares the feed document's memory, instead of a copy.
  const out: string[] = [];
  let changed = false;
  /** Writes what stands for html[from, to): when it is not those very characters, the body changed. */
  const emit = (piece: string, from: number, to: number) => {
    out.push(piece);
    if (!changed && (piece.length !== to - from || piece !== html.slice(from, to))) changed = true;
  };
  const open: string[] = [];
  /** Closes `name` and whatever was left open inside it, as markup. */
  const closeThrough = (name: string): string => {
    const at = open.lastIndexOf(name);
    let closes = '';
    if (at === -1) return closes;
    while (open.length > at) closes += `</${open.pop()}>`;
    return closes;
  };
  let lower: string | null = null;
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      const text = html.slice(i, textEnd);
      // Text with no "&" or ">" decodes and escapes to itself (most of an article): kept as it is.
      if (text.includes('&') || text.includes('>')) emit(escapeText(decodeText(text)), i, textEnd);
      else out.push(text);
    }
    if (lt === -1) break;
    const tag = readTag(html, lt);
    if (tag.kind === 'text') {
      emit('&lt;', lt, lt + 1);
      i = lt + 1;
      continue;
    }
    let piece = '';
    let end = tag.end;
    if (tag.kind === 'close') {
      if (ALLOWED.has(tag.name) && !VOID.has(tag.name)) piece = closeThrough(tag.name);
    } else if (tag.kind === 'open') {
      const { name } = tag;
      if (DROPPED_WITH_CONTENT.has(name)) {
        lower ??= html.toLowerCase();
        if (!tag.selfClosing) end = endOfElement(lower, name, end);
      } else if (ALLOWED.has(name) && !(name === 'img' && isTrackingPixel(tag.attributes))) {
        // A link never holds a link: browsers close the open one first, and so does this.
        if (name === 'a' && open.includes('a')) piece = closeThrough('a');
        // Past this depth markup is kept as its text only (no article nests this deep).
        if (open.length < MAX_OPEN) {
          piece += `<${name}${keptAttributes(name, tag.attributes)}>`;
          if (!VOID.has(name)) open.push(name);
        }
      }
    }
    emit(piece, lt, end);
    i = end;
  }
  if (open.length > 0) changed = true;
  while (open.length > 0) out.push(`</${open.pop()}>`);
  return changed ? out.join('') : html;
}

type Tag =
  | { kind: 'text' }
  | { kind: 'skip'; end: number }
  | { kind: 'close'; name: string; end: number }
  | { kind: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean; end: number };

/**
 * The markup starting at `lt` (a "<"), read the way the HTML standard's tokenizer reads
 * it: a comment, a doctype or processing instruction, an end tag, a start tag with its
 * attributes — or a "<" that starts nothing and is text. What the reading gets wrong can
 * only lose content: the output is rebuilt and escaped, never copied.
 */
function readTag(html: string, lt: number): Tag {
  const next = html.charCodeAt(lt + 1);
  if (html.startsWith('<!--', lt)) {
    if (html.startsWith('<!-->', lt)) return { kind: 'skip', end: lt + 5 };
    if (html.startsWith('<!--->', lt)) return { kind: 'skip', end: lt + 6 };
    const close = html.indexOf('-->', lt + 4);
    const bang = html.indexOf('--!>', lt + 4);
    const end = close === -1 ? (bang === -1 ? html.length : bang + 4) : bang !== -1 && bang < close ? bang + 4 : close + 3;
    return { kind: 'skip', end };
  }
  if (next === 33 /* ! */ || next === 63 /* ? */) {
    const gt = html.indexOf('>', lt + 2);
    return { kind: 'skip', end: gt === -1 ? html.length : gt + 1 };
  }
  const closing = next === 47; /* / */
  let i = closing ? lt + 2 : lt + 1;
  if (!isLetter(html.charCodeAt(i))) {
    if (closing) {
      // "</>" is nothing; "</ x>" is a bogus comment up to ">".
      const gt = html.indexOf('>', i);
      return { kind: 'skip', end: gt === -1 ? html.length : gt + 1 };
    }
    return { kind: 'text' };
  }
  const nameStart = i;
  while (i < html.length && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>') i++;
  const name = html.slice(nameStart, i).toLowerCase();
  const attributes: Record<string, string> = Object.create(null);
  let selfClosing = false;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 62 /* > */) return tagOf(closing, name, attributes, selfClosing, i + 1);
    if (c === 47 /* / */) {
      selfClosing = html.charCodeAt(i + 1) === 62;
      i++;
      continue;
    }
    selfClosing = false;
    const attrStart = i;
    i++;
    while (i < html.length && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
    const attrName = html.slice(attrStart, i).toLowerCase();
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (html[i] === '=') {
      i++;
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const valueEnd = close === -1 ? html.length : close;
        value = html.slice(i + 1, valueEnd);
        i = valueEnd + 1;
      } else {
        const valueStart = i;
        while (i < html.length && !isSpace(html.charCodeAt(i)) && html[i] !== '>') i++;
        value = html.slice(valueStart, i);
      }
    }
    // The first of a repeated attribute counts, as in browsers.
    if (!(attrName in attributes)) attributes[attrName] = value.includes('&') ? decodeHTMLAttribute(value) : value;
  }
  // A tag cut off by the end of the document is dropped, as browsers drop it.
  return { kind: 'skip', end: html.length };
}

function tagOf(closing: boolean, name: string, attributes: Record<string, string>, selfClosing: boolean, end: number): Tag {
  return closing ? { kind: 'close', name, end } : { kind: 'open', name, attributes, selfClosing, end };
}

/**
 * Where an element dropped with its content ends: its matching end tag, nested ones of
 * the same name counted (raw-text elements like <script> hold no tags, so the first end
 * tag closes them), or the end of the document.
 */
function endOfElement(lower: string, name: string, from: number): number {
  const raw = RAW_TEXT.has(name);
  let depth = 1;
  let i = from;
  for (;;) {
    const close = lower.indexOf(`</${name}`, i);
    const reopen = raw ? -1 : lower.indexOf(`<${name}`, i);
    if (close === -1) return lower.length;
    if (reopen !== -1 && reopen < close && isTagEnd(lower.charCodeAt(reopen + name.length + 1))) {
      depth++;
      i = reopen + name.length + 1;
      continue;
    }
    i = close + name.length + 2;
    if (!isTagEnd(lower.charCodeAt(i))) continue;
    if (--depth === 0) {
      const gt = lower.indexOf('>', i);
      return gt === -1 ? lower.length : gt + 1;
    }
  }
}

/** Elements whose content the HTML tokenizer reads as text, never as tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

function isTagEnd(c: number): boolean {
  return Number.isNaN(c) || isSpace(c) || c === 62 || c === 47;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function decodeText(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

function keptAttributes(tag: string, attributes: Record<string, string>): string {
  let kept = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (!GLOBAL_ATTRIBUTES.has(name) && !ATTRIBUTES[tag]?.has(name)) continue;
    let safe: string | null = value;
    if (URL_ATTRIBUTES.has(name)) safe = safeUrl(value, tag === 'img' && name === 'src');
    else if (SRCSET_ATTRIBUTES.has(name)) safe = safeSrcset(value);
    else if (name === 'dir' && !/^(ltr|rtl|auto)$/i.test(value)) safe = null;
    if (safe === null) continue;
    kept += ` ${name}="${escapeAttribute(safe)}"`;
  }
  return kept;
}

/** http(s), mailto, in-page and relative addresses; inline raster images for <img src>. */
export function safeUrl(value: string, inlineImage = false): string | null {
  const url = withoutControls(value);
  const scheme = schemeOf(url);
  if (!scheme) return value.trim();
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return value.trim();
  if (inlineImage && /^data:image\/(png|gif|jpe?g|webp|avif);/i.test(url)) return value.trim();
  return null;
}

/** Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): so must the check. */
function withoutControls(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
}

function safeSrcset(value: string): string | null {
  const candidates = value
    .split(/,\s+/)
    .map((candidate) => candidate.trim())
    .filter(Boolean);
  const kept = candidates.filter((candidate) => {
    const scheme = schemeOf(withoutControls(candidate));
    return !scheme || scheme === 'http' || scheme === 'https';
  });
  return kept.length > 0 ? kept.join(', ') : null;
}

/** A picture one pixel (or none) wide and high: a read receipt for the sender, nothing to see. */
function isTrackingPixel(attributes: Record<string, string>): boolean {
  const size = (value: string | undefined) => (value === undefined ? null : Number.parseFloat(value));
  const width = size(attributes.width);
  const height = size(attributes.height);
  return width !== null && height !== null && width <= 1 && height <= 1;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
