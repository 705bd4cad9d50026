import { decodeHTMLAttribute } from 'entities';

/** Resolves `href` against `base`; returns the input unchanged when either is unusable. */
export function resolveUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (href === null || href === undefined) return null;
  const trimmed = href.trim();
  if (!base) return trimmed || null;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return trimmed;
  }
}

const URL_ATTRS = /(\s(?:href|src|poster|cite|background|longdesc|action|data)\s*=\s*)("[^"]*"|'[^']*'|[^\s>"']+)/gi;
const HAS_URL_ATTR = /\s(?:href|src|poster|cite|background|longdesc|action|data|srcset)\s*=/i;
const ABSOLUTE = /^https?:\/\/[^\s"'<>]/i;
const SRCSET_ATTR = /(\ssrcset\s*=\s*)("[^"]*"|'[^']*')/gi;

/**
 * Makes every URL inside an HTML fragment absolute, so stored content reads the same
 * anywhere. `keepLocalRefs` leaves empty and fragment-only references alone (JSON Feed
 * content has no document base of its own for them to point into).
 */
export function resolveUrlsInHtml(html: string, base: string | null | undefined, options: { keepLocalRefs?: boolean } = {}): string {
  if (!base || !html.includes('<')) return html;
  return html.replace(/<[a-z][^>]*>/gi, (tag) =>
    !HAS_URL_ATTR.test(tag)
      ? tag
      : tag
          .replace(URL_ATTRS, (_all, head: string, value: string) => {
            const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
            // Already absolute (nearly every link in real feeds): leave it exactly as written.
            if (ABSOLUTE.test(quote ? value.slice(1) : value)) return `${head}${value}`;
            const raw = decodeHTMLAttribute(quote ? value.slice(1, -1) : value);
            if (/^\s*(data|mailto|javascript|tel):/i.test(raw)) return `${head}${value}`;
            if (options.keepLocalRefs && /^\s*(#|$)/.test(raw)) return `${head}${value}`;
            // Empty and fragment-only references resolve too: the article no longer lives at its page.
            const resolved = resolveUrl(raw, base) ?? raw;
            return `${head}"${resolved.replace(/&/g, '&amp;').replace(/"/g, '%22')}"`;
          })
          .replace(SRCSET_ATTR, (_all, head: string, value: string) => {
            const list = value
              .slice(1, -1)
              .split(',')
              .map((candidate) => {
                const [u = '', ...descriptor] = candidate.trim().split(/\s+/);
                return [resolveUrl(u, base) ?? u, ...descriptor].join(' ');
              });
            return `${head}"${list.join(', ')}"`;
          }),
  );
}
