import type { Database } from 'better-sqlite3';
import { prepared } from '../db/prepared.ts';
import { decodeFingerprint, type Fingerprint } from './fingerprint.ts';

/**
 * Decoded fingerprints, kept per database file between runs: the sync thread clusters
 * after every sync and the sidebar reads stories often, while a fingerprint never
 * changes once written. Only the window's articles are kept.
 */
const caches = new Map<string, Map<number, Fingerprint>>();

function cacheFor(db: Database): Map<number, Fingerprint> {
  let cache = caches.get(db.name);
  if (!cache) {
    cache = new Map();
    caches.set(db.name, cache);
  }
  return cache;
}

/** The fingerprints of these articles (those that have one), decoding only what is not cached. */
export function fingerprintsOf(db: Database, ids: readonly number[]): Map<number, Fingerprint> {
  const cache = cacheFor(db);
  const missing = ids.filter((id) => !cache.has(id));
  const read = prepared<[string], { id: number; terms: string }>(
    db,
    `SELECT article_id AS id, terms FROM article_fingerprints WHERE article_id IN (SELECT value FROM json_each(?))`,
  );
  if (missing.length > 0) for (const row of read.all(JSON.stringify(missing))) cache.set(row.id, decodeFingerprint(row.terms));
  const out = new Map<number, Fingerprint>();
  for (const id of ids) {
    const fp = cache.get(id);
    if (fp) out.set(id, fp);
  }
  return out;
}

/** Remembers a fingerprint just written, and forgets those that left the window. */
export function rememberFingerprint(db: Database, id: number, fingerprint: Fingerprint): void {
  cacheFor(db).set(id, fingerprint);
}

export function forgetFingerprintsExcept(db: Database, keep: ReadonlySet<number>): void {
  const cache = cacheFor(db);
  for (const id of cache.keys()) if (!keep.has(id)) cache.delete(id);
}
