import { Parser } from 'htmlparser2';

/**
 * Article HTML as it is stored: strangers wrote it, so only an allowlist of elements
 * and attributes is kept, rebuilt from parsed tokens (never patched as a string), with
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
  let out = '';
  const open: string[] = [];
  /** Depth inside an element dropped with its content (nested ones count too). */
  let dropping = 0;
  /** Closes `name` and whatever was left open inside it. */
  const closeThrough = (name: string) => {
    const at = open.lastIndexOf(name);
    if (at === -1) return;
    while (open.length > at) out += `</${open.pop()}>`;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (dropping > 0 || DROPPED_WITH_CONTENT.has(name)) {
          if (!VOID.has(name)) dropping++;
          return;
        }
        if (!ALLOWED.has(name)) return;
        if (name === 'img' && isTrackingPixel(attributes)) return;
        // A link never holds a link: browsers close the open one first, and so does this.
        if (name === 'a' && open.includes('a')) closeThrough('a');
        out += `<${name}${keptAttributes(name, attributes)}>`;
        if (!VOID.has(name)) open.push(name);
      },
      ontext(text) {
        if (dropping === 0) out += escapeText(text);
      },
      onclosetag(name) {
        if (dropping > 0) {
          if (!VOID.has(name)) dropping--;
          return;
        }
        if (VOID.has(name) || !ALLOWED.has(name)) return;
        closeThrough(name);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  while (open.length > 0) out += `</${open.pop()}>`;
  return out;
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
  if (tag === 'a') kept += ' rel="noopener noreferrer"';
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
