import type { Database } from 'better-sqlite3';
import { readSettings } from '../library/settings.ts';
import { encodeFingerprint, fingerprint, languageOf } from './fingerprint.ts';
import { fingerprintsOf, forgetFingerprintsExcept, rememberFingerprint } from './fingerprint-store.ts';
import { clusterStories, STORY_SPAN_MS, type StoryDoc } from './story-clusterer.ts';

const HOUR = 60 * 60 * 1000;

/**
 * How far back articles are put into stories, and their fingerprints kept: the trending
 * window the settings give (a story's span at least), plus a day for late arrivals. A
 * window of 14 days clusters 15 days, so it never lists articles no clustering saw.
 */
export function storyHorizonMs(windowHours: number): number {
  return Math.max(windowHours * HOUR, STORY_SPAN_MS) + 24 * HOUR;
}

export interface StoriesUpdate {
  clustered: number;
  durationMs: number;
}

/**
 * Puts new articles into stories. Only new articles are fingerprinted; they are
 * clustered with the recent window (the last four days, whose fingerprints are kept)
 * — and only they, the articles like them and those articles' stories are clustered
 * again (see story-clusterer.ts), so a story comes out the same whatever order its
 * articles arrived in and the cost follows what changed, not the library. Articles
 * already older than the window when they arrive (a new feed's archive) keep no story
 * (NULL: a story of their own). Runs on the sync thread after each sync, and wherever
 * articles are added outside a sync (subscribing, the sample library, imported
 * bookmarks). Nothing new: one indexed read, no write.
 */
export function updateStories(db: Database, now = Date.now()): StoriesUpdate {
  const started = performance.now();
  const since = now - storyHorizonMs(readSettings(db).trendingWindowHours);
  if (!db.prepare('SELECT 1 FROM articles INDEXED BY articles_recent WHERE published_at >= ? AND story_id IS NULL LIMIT 1').get(since)) {
    return { clustered: 0, durationMs: performance.now() - started };
  }
  const clustered = db
    .transaction(() => {
      const pending = db
        .prepare<[number], { id: number; feedId: number; title: string; excerpt: string; publishedAt: number }>(
          'SELECT id, feed_id AS feedId, title, excerpt, published_at AS publishedAt FROM articles WHERE story_id IS NULL AND published_at >= ? ORDER BY published_at, id',
        )
        .all(since);
      const window = db
        .prepare<[number], { id: number; publishedAt: number; storyId: number | null }>(`
          SELECT fp.article_id AS id, fp.published_at AS publishedAt, a.story_id AS storyId
          FROM article_fingerprints fp JOIN articles a ON a.id = fp.article_id
          WHERE fp.published_at >= ?`)
        .all(since);
      const prints = fingerprintsOf(db, window);
      const known = window.flatMap((row): StoryDoc[] => {
        const fp = prints.get(row.id);
        return fp ? [{ id: row.id, publishedAt: row.publishedAt, fingerprint: fp, storyId: row.storyId }] : [];
      });
      // A feed writes in one language: its new articles together tell which.
      const feedText = new Map<number, string[]>();
      for (const row of pending) {
        const texts = feedText.get(row.feedId);
        if (texts) texts.push(row.title, row.excerpt);
        else feedText.set(row.feedId, [row.title, row.excerpt]);
      }
      const feedLanguage = new Map([...feedText].map(([feedId, texts]) => [feedId, languageOf(texts.join(' '))]));
      const incoming = pending.map(
        (row): StoryDoc => ({
          id: row.id,
          publishedAt: row.publishedAt,
          fingerprint: fingerprint(row.title, row.excerpt, feedLanguage.get(row.feedId)),
          storyId: null,
        }),
      );
      const stories = clusterStories([...known, ...incoming], { changed: new Set(incoming.map((doc) => doc.id)) });
      const assign = db.prepare('UPDATE articles SET story_id = ? WHERE id = ?');
      const remember = db.prepare('INSERT OR REPLACE INTO article_fingerprints (article_id, published_at, terms) VALUES (?, ?, ?)');
      for (const doc of known) {
        const story = stories.get(doc.id);
        if (story !== undefined && story !== doc.storyId) assign.run(story, doc.id);
      }
      for (const doc of incoming) {
        assign.run(stories.get(doc.id) ?? doc.id, doc.id);
        remember.run(doc.id, doc.publishedAt, encodeFingerprint(doc.fingerprint));
        rememberFingerprint(db, doc.id, doc.publishedAt, doc.fingerprint);
      }
      refreshStorySummaries(db, [...known, ...incoming], stories, now);
      db.prepare('DELETE FROM article_fingerprints WHERE published_at < ?').run(since);
      forgetFingerprintsExcept(db, new Set([...known, ...incoming].map((doc) => doc.id)));
      return incoming.length;
    })
    .immediate();
  return { clustered, durationMs: performance.now() - started };
}

/** Story summaries are kept as long as the longest trending window can look back. */
const SUMMARY_KEEP_MS = 15 * 24 * 60 * 60 * 1000;

/** Re-counts every story that gained or lost articles in this run (see the `stories` table). */
function refreshStorySummaries(db: Database, docs: readonly StoryDoc[], stories: Map<number, number>, now: number): void {
  const touched = new Set<number>();
  for (const doc of docs) {
    const story = stories.get(doc.id);
    if (story === undefined) continue;
    touched.add(story);
    if (doc.storyId !== null) touched.add(doc.storyId);
  }
  const count = db.prepare(`
    INSERT INTO stories (id, latest_at, articles)
    SELECT story_id, max(published_at), count(*) FROM articles WHERE story_id = ? GROUP BY story_id
    ON CONFLICT(id) DO UPDATE SET latest_at = excluded.latest_at, articles = excluded.articles`);
  const forget = db.prepare('DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ?)');
  for (const id of touched) {
    count.run(id);
    forget.run(id, id);
  }
  db.prepare('DELETE FROM stories WHERE latest_at < ?').run(now - SUMMARY_KEEP_MS);
}
