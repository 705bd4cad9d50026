import fs from 'node:fs';
import path from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { htmlToWords } from '../feeds/parse/text.ts';

/**
 * The full-text index's two ways in. Outside a sync an article is indexed as it is
 * written. A sync queues its new articles' text and indexes the queue once every feed
 * is in: the person sees the new articles in the lists without waiting for tokenizing,
 * and FTS5 builds a few large segments instead of one small one per feed. A queued
 * article is not found by search (its headline is: see the headline index in
 * db/migrations/007-title-index.ts) until the queue is drained, which the sync does
 * before it reports itself done.
 *
 * The queue is a scratch database beside the library, written without a journal: the
 * text in it exists only to be indexed, so it need not be written twice (log, then
 * file) or kept. Measured on the reference corpus, a queue table inside the library
 * added ~100 MB to the write-ahead log of a cold sync and left 90 MB of free pages in
 * the file. What a crash loses from it is found again (see indexMissing).
 */
const QUEUE_FILE = 'search-queue.db';

interface IndexStatements {
  index: Statement;
  unindex: Statement;
}

const cache = new WeakMap<Database, IndexStatements>();

function statements(db: Database): IndexStatements {
  let s = cache.get(db);
  if (!s) {
    s = {
      // Bodies may arrive as UTF-8 bytes; CAST stores them as text without a trip through JS strings.
      index: db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, CAST(? AS TEXT))'),
      unindex: db.prepare('DELETE FROM articles_fts WHERE rowid = ?'),
    };
    cache.set(db, s);
  }
  return s;
}

interface QueueStatements {
  queue: Statement;
  queued: Statement;
  file: string;
}
/** The connections with the queue attached (the sync thread's). */
const queues = new WeakMap<Database, QueueStatements>();

/**
 * Attaches an empty queue to the sync thread's connection. A file left by a killed sync
 * is discarded, not trusted (it was written without a journal): indexMissing finds what
 * it held.
 */
export function attachQueue(db: Database, dataDir: string): void {
  if (queues.has(db)) return;
  const file = path.join(dataDir, QUEUE_FILE);
  fs.rmSync(file, { force: true });
  db.prepare('ATTACH DATABASE ? AS search_queue').run(file);
  db.pragma('search_queue.journal_mode = OFF');
  db.pragma('search_queue.synchronous = OFF');
  db.exec('CREATE TABLE search_queue.pending (article_id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  queues.set(db, {
    queue: db.prepare('INSERT OR REPLACE INTO search_queue.pending (article_id, body) VALUES (?, CAST(? AS TEXT))'),
    queued: db.prepare('SELECT 1 FROM search_queue.pending WHERE article_id = ?'),
    file,
  });
}

/** Detaches the queue and removes its file (drained: it holds nothing worth its disk space). */
function detachQueue(db: Database): string | null {
  const queue = queues.get(db);
  if (!queue) return null;
  queues.delete(db);
  db.exec('DETACH DATABASE search_queue');
  fs.rmSync(queue.file, { force: true });
  return path.dirname(queue.file);
}

/**
 * Indexes an article's text, now or through the queue (`defer`, where the queue is
 * attached); `replacing` when the index may hold older text for it. Only new articles
 * are deferred by a sync: an article already indexed keeps being found meanwhile.
 */
export function indexArticle(
  db: Database,
  article: { id: number | bigint; title: string; body: string | Uint8Array },
  options: { defer?: boolean; replacing?: boolean } = {},
): void {
  const s = statements(db);
  if (options.replacing) s.unindex.run(article.id);
  const queue = options.defer ? queues.get(db) : undefined;
  if (queue) queue.queue.run(article.id, article.body);
  else s.index.run(article.id, article.title, article.body);
}

/** Indexes new text for an article already stored: in the queue if it is still waiting there. */
export function reindexArticle(db: Database, id: number, title: string, body: string): void {
  const queue = queues.get(db);
  if (queue?.queued.get(id)) queue.queue.run(id, body);
  else indexArticle(db, { id, title, body }, { replacing: true });
}

export function queuedForIndex(db: Database): number {
  if (!queues.has(db)) return 0;
  return (db.prepare('SELECT count(*) AS n FROM search_queue.pending').get() as { n: number }).n;
}

/** Rows per transaction: large enough for few FTS5 segments, small enough to let other work in between. */
const BATCH = 2000;

/** Moves one batch of the queue into the index, oldest articles first; returns how many. */
function indexQueuedBatch(db: Database, batch = BATCH): number {
  if (!queues.has(db)) return 0;
  return db
    .transaction(() => {
      const last = db
        .prepare('SELECT article_id FROM search_queue.pending ORDER BY article_id LIMIT 1 OFFSET ?')
        .pluck()
        .get(batch - 1) as number | undefined;
      const bound = last ?? Number.MAX_SAFE_INTEGER;
      // One statement: the text goes from the queue into the index without entering this thread's heap.
      // An article deleted meanwhile (retention, an unsubscribe) drops out by the join.
      const moved = db
        .prepare(`
        INSERT INTO articles_fts (rowid, title, body)
        SELECT p.article_id, a.title, p.body FROM search_queue.pending p JOIN articles a ON a.id = p.article_id
        WHERE p.article_id <= ?`)
        .run(bound).changes;
      db.prepare('DELETE FROM search_queue.pending WHERE article_id <= ?').run(bound);
      return moved;
    })
    .immediate();
}

/**
 * Drains the queue batch by batch, yielding between batches so the thread's other work
 * (an offline capture's downloads) goes on meanwhile; then records that the index is
 * complete. Returns how many were indexed.
 */
export async function indexQueue(db: Database, options: { signal?: AbortSignal } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    if (options.signal?.aborted) return total;
    const moved = indexQueuedBatch(db);
    total += moved;
    if (moved < BATCH) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  db.prepare('UPDATE search_index_state SET indexed_through = (SELECT coalesce(max(id), 0) FROM articles)').run();
  // A fresh, empty file for the next sync: a drained one keeps the size of the largest sync.
  const dataDir = detachQueue(db);
  if (dataDir) attachQueue(db, dataDir);
  return total;
}

/**
 * Articles past the last complete index that the index lacks — what a sync killed
 * before its queue was drained leaves — indexed from their stored HTML (a summary-only
 * article's summary survives as its excerpt). Cheap when nothing is missing: one
 * indexed range read. Returns how many.
 */
export function indexMissing(db: Database): number {
  const missing = db
    .prepare<[], { id: number; title: string; html: string; excerpt: string }>(`
      SELECT a.id, a.title, a.content_html AS html, a.excerpt FROM articles a
      WHERE a.id > (SELECT indexed_through FROM search_index_state)
        AND NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id)`)
    .all();
  const s = statements(db);
  db.transaction(() => {
    for (const a of missing) s.index.run(a.id, a.title, a.html ? htmlToWords(a.html) : a.excerpt);
  }).immediate();
  return missing.length;
}
