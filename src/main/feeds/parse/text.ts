import { decodeHTML } from 'entities';

/** Tags that separate words when HTML becomes text (as a browser's layout would). */
const BLOCK_TAG =
  /<\/?(p|div|br|li|ul|ol|tr|td|th|h[1-6]|blockquote|pre|hr|table|thead|tbody|tfoot|caption|section|article|header|footer|nav|aside|main|address|figure|figcaption|dl|dt|dd|details|summary|img)\b[^>]*>/gi;

/** Plain text from a fragment of HTML: tags dropped, entities decoded, white space folded. */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html.replace(/\s+/g, ' ').trim();
  const withoutHidden = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const spaced = withoutHidden.replace(BLOCK_TAG, ' ');
  return decodeHTML(spaced.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a string looks like markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\w:-]*(\s[^>]*)?\/?>|&(#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(text);
}

export function collapse(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded || null;
}
