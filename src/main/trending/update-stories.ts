import type { Database } from 'better-sqlite3';
import { decodeFingerprint, encodeFingerprint, fingerprint } from './fingerprint.ts';
import { clusterStories, STORY_SPAN_MS, type StoryDoc } from './story-clusterer.ts';

/** Fingerprints are kept this long: a story's span plus a day for late arrivals. */
export const FINGERPRINT_KEEP_MS = STORY_SPAN_MS + 24 * 60 * 60 * 1000;

export interface StoriesUpdate {
  clustered: number;
  durationMs: number;
}

/**
 * Puts new articles into stories. Only new articles are fingerprinted; then the recent
 * window (the last four days, whose fingerprints are kept) is clustered again with
 * them, so a story comes out the same whatever order its articles arrived in, and only
 * articles whose story changed are written. The cost follows the window, not the
 * library. Articles already older than the window when they arrive (a new feed's
 * archive) are stories of their own. Runs on the sync thread after each sync, and
 * wherever articles are added outside a sync (subscribing, the sample library,
 * imported bookmarks). Nothing new: one indexed read, no write.
 */
export function updateStories(db: Database, now = Date.now()): StoriesUpdate {
  const started = performance.now();
  const since = now - FINGERPRINT_KEEP_MS;
  // Nothing waiting: a read, no write lock.
  if (!db.prepare('SELECT 1 FROM articles WHERE story_id IS NULL LIMIT 1').get())
    return { clustered: 0, durationMs: performance.now() - started };
  const clustered = db
    .transaction(() => {
      const old = db.prepare('UPDATE articles SET story_id = id WHERE story_id IS NULL AND published_at < ?').run(since).changes;
      const pending = db
        .prepare<[], { id: number; title: string; excerpt: string; publishedAt: number }>(
          'SELECT id, title, excerpt, published_at AS publishedAt FROM articles WHERE story_id IS NULL ORDER BY published_at, id',
        )
        .all();
      const known = db
        .prepare<[number], { id: number; publishedAt: number; terms: string; storyId: number | null }>(`
        SELECT fp.article_id AS id, fp.published_at AS publishedAt, fp.terms, a.story_id AS storyId
        FROM article_fingerprints fp JOIN articles a ON a.id = fp.article_id
        WHERE fp.published_at >= ?`)
        .all(since)
        .map(
          (row): StoryDoc => ({
            id: row.id,
            publishedAt: row.publishedAt,
            fingerprint: decodeFingerprint(row.terms),
            storyId: row.storyId,
          }),
        );
      const incoming = pending.map(
        (row): StoryDoc => ({ id: row.id, publishedAt: row.publishedAt, fingerprint: fingerprint(row.title, row.excerpt), storyId: null }),
      );
      const stories = clusterStories([...known, ...incoming]);
      const assign = db.prepare('UPDATE articles SET story_id = ? WHERE id = ?');
      const remember = db.prepare('INSERT OR REPLACE INTO article_fingerprints (article_id, published_at, terms) VALUES (?, ?, ?)');
      for (const doc of known) {
        const story = stories.get(doc.id);
        if (story !== undefined && story !== doc.storyId) assign.run(story, doc.id);
      }
      for (const doc of incoming) {
        assign.run(stories.get(doc.id) ?? doc.id, doc.id);
        remember.run(doc.id, doc.publishedAt, encodeFingerprint(doc.fingerprint));
      }
      db.prepare('DELETE FROM article_fingerprints WHERE published_at < ?').run(since);
      return old + incoming.length;
    })
    .immediate();
  return { clustered, durationMs: performance.now() - started };
}
