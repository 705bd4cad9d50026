import crypto from 'node:crypto';
import type { ParsedItem } from '../feeds/parse/index.ts';

/**
 * An article's identity within its feed — decided once, never changed silently
 * (docs/identity.md): the feed's guid/id; else the link; else a hash of title + date.
 * The prefix keeps the three kinds from ever colliding.
 */
export function articleIdentity(item: ParsedItem): string {
  if (item.id) return `id:${item.id}`;
  if (item.link) return `link:${item.link}`;
  const basis = `${item.title ?? ''}\u0000${item.published ?? ''}\u0000${item.summary ?? ''}`;
  return `hash:${crypto.createHash('sha256').update(basis).digest('base64url').slice(0, 22)}`;
}

/** A fingerprint of what sync would write, so unchanged articles cost no write. */
export function contentHash(item: ParsedItem): string {
  const basis = `${item.title ?? ''}\u0000${item.link ?? ''}\u0000${item.contentHtml ?? ''}\u0000${item.updated ?? ''}\u0000${item.author ?? ''}`;
  // One-shot hashing: no Hash object per article.
  return crypto.hash('sha1', basis, 'base64url');
}
