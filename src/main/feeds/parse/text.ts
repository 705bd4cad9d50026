import { decodeHTML } from 'entities';

/** Tags that separate words when HTML becomes text (as a browser's layout would). */
const BLOCK = new Set(
  'p div br li ul ol tr td th h1 h2 h3 h4 h5 h6 blockquote pre hr table thead tbody tfoot caption section article header footer nav aside main address figure figcaption dl dt dd details summary img'.split(
    ' ',
  ),
);
/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template']);

/**
 * Plain text from a fragment of HTML: tags dropped (block tags leave a space),
 * comments and scripts skipped, entities decoded, white space folded. One pass over
 * the string: sync runs this over every article body it stores.
 */
export function htmlToText(html: string): string {
  return fold(htmlToWords(html));
}

/**
 * The same text without folding its white space: what the full-text index needs (its
 * tokenizer splits on any white space), at half the cost on long bodies.
 */
export function htmlToWords(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html;
  const parts: string[] = [];
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i) parts.push(text(html.slice(i, end)));
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? n : close + 3;
      parts.push(' ');
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) {
      parts.push(text(html.slice(lt)));
      break;
    }
    const name = tagName(html, lt + 1);
    i = gt + 1;
    if (name === null) {
      // A stray "<" that starts no tag is text.
      parts.push(text(html.slice(lt, gt + 1)));
      continue;
    }
    if (BLOCK.has(name)) parts.push(' ');
    else if (HIDDEN.has(name) && html[lt + 1] !== '/') {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      i = close === -1 ? n : html.indexOf('>', close) + 1 || n;
      parts.push(' ');
    }
  }
  return parts.join('');
}

/** The lower-cased tag name after "<" (or "</"), or null when this is not a tag. */
function tagName(html: string, from: number): string | null {
  let i = html[from] === '/' ? from + 1 : from;
  const start = i;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    const more = letter || (i > start && ((c >= 48 && c <= 57) || c === 45 || c === 58));
    if (!more) break;
    i++;
  }
  if (i === start) return html[from] === '!' || html[from] === '?' ? '' : null;
  return html.slice(start, i).toLowerCase();
}

function text(chunk: string): string {
  return chunk.includes('&') ? decodeHTML(chunk) : chunk;
}

/** Folded text, or null when there is none (a missing or blank feed field). */
export function foldOrNull(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return fold(text) || null;
}

/** White space folded to single spaces, trimmed; a loop, because a regex is slow on long bodies. */
export function fold(text: string): string {
  let out = '';
  let start = -1;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space =
      c === 32 ||
      (c >= 9 && c <= 13) ||
      c === 160 ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0xfeff ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x3000 ||
      c === 0x1680 ||
      c === 0x202f ||
      c === 0x205f;
    if (space) {
      if (start !== -1) {
        out += text.slice(start, i);
        start = -1;
        pendingSpace = out.length > 0;
      }
    } else if (start === -1) {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      start = i;
    }
  }
  if (start !== -1) out += text.slice(start);
  return out;
}

/** Whether a string looks like markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\w:-]*(\s[^>]*)?\/?>|&(#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(text);
}
