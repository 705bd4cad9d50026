import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { decodeFingerprint, type Fingerprint } from './fingerprint.ts';

/**
 * Decoded fingerprints, kept per database file between runs: the sync thread clusters
 * after every sync and the sidebar reads stories often, while a fingerprint never
 * changes once written. Only the window's articles are kept. An entry is trusted only
 * for the same publication time: SQLite may give a deleted article's id to a new one.
 */
interface Cached {
  publishedAt: number;
  fingerprint: Fingerprint;
}

const caches = new Map<string, Map<number, Cached>>();

function cacheFor(db: Database): Map<number, Cached> {
  let cache = caches.get(db.name);
  if (!cache) {
    cache = new Map();
    caches.set(db.name, cache);
  }
  return cache;
}

/** The fingerprints of these articles (those that have one), decoding only what is not cached. */
export function fingerprintsOf(db: Database, articles: readonly { id: number; publishedAt: number }[]): Map<number, Fingerprint> {
  const cache = cacheFor(db);
  const missing = articles.filter((a) => cache.get(a.id)?.publishedAt !== a.publishedAt).map((a) => a.id);
  const read = prepared<[string], { id: number; publishedAt: number; terms: string }>(
    db,
    `SELECT article_id AS id, published_at AS publishedAt, terms FROM article_fingerprints
     WHERE article_id IN (SELECT value FROM json_each(?))`,
  );
  if (missing.length > 0) {
    for (const row of read.all(JSON.stringify(missing)))
      cache.set(row.id, { publishedAt: row.publishedAt, fingerprint: decodeFingerprint(row.terms) });
  }
  const out = new Map<number, Fingerprint>();
  for (const a of articles) {
    const cached = cache.get(a.id);
    if (cached?.publishedAt === a.publishedAt) out.set(a.id, cached.fingerprint);
  }
  return out;
}

/** Remembers a fingerprint just written, and forgets those that left the window. */
export function rememberFingerprint(db: Database, id: number, publishedAt: number, fingerprint: Fingerprint): void {
  cacheFor(db).set(id, { publishedAt, fingerprint });
}

export function forgetFingerprintsExcept(db: Database, keep: ReadonlySet<number>): void {
  const cache = cacheFor(db);
  for (const id of cache.keys()) if (!keep.has(id)) cache.delete(id);
}
