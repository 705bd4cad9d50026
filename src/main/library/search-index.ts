import type { Database, Statement } from 'better-sqlite3';

/**
 * The full-text index's two ways in. Outside a sync an article is indexed as it is
 * written. A sync queues its articles' text (articles_fts_pending) and indexes the queue
 * once every feed is in: the person sees the new articles in the lists without waiting
 * for tokenizing, and FTS5 builds a few large segments instead of one small segment per
 * feed, then merges them. An article in the queue is not found by search until the
 * queue is drained, which the sync does before it reports itself done.
 */
interface IndexStatements {
  index: Statement;
  unindex: Statement;
  queue: Statement;
  queued: Statement;
}

const cache = new WeakMap<Database, IndexStatements>();

function statements(db: Database): IndexStatements {
  let s = cache.get(db);
  if (!s) {
    s = {
      // Bodies may arrive as UTF-8 bytes; CAST stores them as text without a trip through JS strings.
      index: db.prepare('INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, CAST(? AS TEXT))'),
      unindex: db.prepare('DELETE FROM articles_fts WHERE rowid = ?'),
      queue: db.prepare('INSERT OR REPLACE INTO articles_fts_pending (article_id, body) VALUES (?, CAST(? AS TEXT))'),
      queued: db.prepare('SELECT 1 FROM articles_fts_pending WHERE article_id = ?'),
    };
    cache.set(db, s);
  }
  return s;
}

/**
 * Indexes an article's text, now or through the queue; `replacing` when the index may
 * hold older text for it (a queued article is never in the index: queued = not found).
 */
export function indexArticle(
  db: Database,
  article: { id: number | bigint; title: string; body: string | Uint8Array },
  options: { defer?: boolean; replacing?: boolean } = {},
): void {
  const s = statements(db);
  if (options.replacing) s.unindex.run(article.id);
  if (options.defer) s.queue.run(article.id, article.body);
  else s.index.run(article.id, article.title, article.body);
}

/** Indexes new text for an article already stored: in the queue if it is still waiting there. */
export function reindexArticle(db: Database, id: number, title: string, body: string): void {
  const s = statements(db);
  if (s.queued.get(id)) s.queue.run(id, body);
  else indexArticle(db, { id, title, body }, { replacing: true });
}

export function queuedForIndex(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM articles_fts_pending').get() as { n: number }).n;
}

/** Rows per transaction: large enough for few FTS5 segments, small enough to let other work in between. */
const BATCH = 2000;

/** Moves one batch of the queue into the index, oldest articles first; returns how many. */
export function indexQueuedBatch(db: Database, batch = BATCH): number {
  return db.transaction(() => {
    const last = db
      .prepare('SELECT article_id FROM articles_fts_pending ORDER BY article_id LIMIT 1 OFFSET ?')
      .pluck()
      .get(batch - 1) as number | undefined;
    const bound = last ?? Number.MAX_SAFE_INTEGER;
    // One statement: the text goes from the queue into the index without entering this thread's heap.
    const moved = db
      .prepare(`
        INSERT INTO articles_fts (rowid, title, body)
        SELECT p.article_id, a.title, p.body FROM articles_fts_pending p JOIN articles a ON a.id = p.article_id
        WHERE p.article_id <= ?`)
      .run(bound).changes;
    db.prepare('DELETE FROM articles_fts_pending WHERE article_id <= ?').run(bound);
    return moved;
  })();
}
/**
 * Drains the queue batch by batch, yielding between batches so the thread's other work
 * (an offline capture's downloads) goes on meanwhile. Returns how many were indexed.
 */
export async function indexQueue(db: Database, options: { signal?: AbortSignal } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    if (options.signal?.aborted) return total;
    const moved = indexQueuedBatch(db);
    total += moved;
    if (moved < BATCH) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
