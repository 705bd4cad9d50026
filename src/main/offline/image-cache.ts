import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { IMAGE_CACHE_PATH } from '../../shared/image-sources.ts';

/**
 * The image cache: one file per image under <data dir>/images, indexed in the
 * `images` table by its original URL, and linked to the articles that show it. The
 * least recently shown images go first when the cache is over its cap — never one a
 * bookmarked article shows (bookmarks are kept forever, pictures included).
 */

export function imageKey(url: string): string {
  return crypto.hash('sha256', url, 'hex').slice(0, 32);
}

export function imagesDir(dataDir: string): string {
  return path.join(dataDir, 'images');
}

function imageFile(dataDir: string, key: string): string {
  return path.join(imagesDir(dataDir), key.slice(0, 2), key);
}

/** Stores a downloaded image: the file first (written whole, then renamed), then its row. */
export async function storeImage(
  db: Database,
  dataDir: string,
  image: { url: string; bytes: Uint8Array; contentType: string },
  now = Date.now(),
) {
  await writeImageFile(dataDir, image.url, image.bytes);
  recordStoredImage(db, { url: image.url, contentType: image.contentType, bytes: image.bytes.byteLength }, now);
}

/**
 * A picture's file, written whole and then renamed into place. No database: a reader
 * thread writes the file it downloaded, so the picture's bytes never cross to the sync
 * thread, which only records the row (recordStoredImage) once the file is there.
 */
export async function writeImageFile(dataDir: string, url: string, bytes: Uint8Array): Promise<void> {
  const file = imageFile(dataDir, imageKey(url));
  // A name no other writer uses, in this process or another: two downloads of one
  // picture (two articles, or a bookmark's capture beside the routine pass) each write
  // their own file and the second rename simply replaces the first with the same bytes.
  const partial = `${file}.${process.pid}.${crypto.randomUUID()}.partial`;
  try {
    // 256 folders hold thousands of pictures: a folder is made when a write finds it missing, not before every write.
    await fs.promises.writeFile(partial, bytes).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      await fs.promises.writeFile(partial, bytes);
    });
    await fs.promises.rename(partial, file);
  } catch (error) {
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

/** The row of a picture whose file is in place: from now on the reader serves the copy. */
export function recordStoredImage(db: Database, image: { url: string; contentType: string; bytes: number }, now = Date.now()): void {
  db.prepare(`
    INSERT INTO images (url, key, content_type, bytes, stored_at, last_used_at, error) VALUES (?, ?, ?, ?, ?, ?, NULL)
    ON CONFLICT(url) DO UPDATE SET content_type = excluded.content_type, bytes = excluded.bytes, stored_at = excluded.stored_at, error = NULL`).run(
    image.url,
    imageKey(image.url),
    image.contentType,
    image.bytes,
    now,
    now,
  );
}

/** A stray file younger than this may belong to a store still under way in another process. */
const STRAY_AGE_MS = 10 * 60 * 1000;

/**
 * Removes what a crash can leave in the pictures folder: half-written `.partial` files
 * of a process that is gone (or old), and files no row points at (killed between the
 * rename and the row, or between removing rows and files). Files are only touched once
 * they are older than a store takes, so another running process is never cut short.
 */
export function sweepStrayImageFiles(db: Database, dataDir: string, now = Date.now()): number {
  const root = imagesDir(dataDir);
  let removed = 0;
  let folders: string[];
  try {
    folders = fs.readdirSync(root);
  } catch {
    return 0;
  }
  const known = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM images WHERE key = ? AND stored_at IS NOT NULL');
  for (const folder of folders) {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(root, folder));
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(root, folder, name);
      const partial = /^[0-9a-f]{32}\.(\d+)\.[\w-]+\.partial$/.exec(name);
      let stale: boolean;
      try {
        const old = now - fs.statSync(file).mtimeMs > STRAY_AGE_MS;
        stale = partial ? old || !processAlive(Number(partial[1])) : /^[0-9a-f]{32}$/.test(name) && old && !known.get(name);
      } catch {
        continue;
      }
      if (!stale) continue;
      fs.rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remembers why an image could not be kept, so a routine pass does not retry it forever. */
export function recordImageFailure(db: Database, url: string, error: string, now = Date.now()): void {
  db.prepare(`
    INSERT INTO images (url, key, stored_at, last_used_at, error) VALUES (?, ?, NULL, ?, ?)
    ON CONFLICT(url) DO UPDATE SET error = excluded.error`).run(url, imageKey(url), now, error);
}

export function linkArticleImages(db: Database, articleId: number, urls: readonly string[]): void {
  const link = db.prepare('INSERT OR IGNORE INTO article_images (article_id, url) VALUES (?, ?)');
  for (const url of urls) link.run(articleId, url);
}

/** Which of these URLs need downloading: never tried, or (when `retryFailed`) tried and failed. */
export function imagesToFetch(db: Database, urls: readonly string[], retryFailed: boolean): string[] {
  const row = db.prepare<[string], { stored_at: number | null }>('SELECT stored_at FROM images WHERE url = ?');
  return urls.filter((url) => {
    const known = row.get(url);
    return !known || (known.stored_at === null && retryFailed);
  });
}

/** The cached copy of an image for the shells to serve, marking it as just used. */
export function cachedImage(db: Database, dataDir: string, key: string, now = Date.now()): { file: string; contentType: string } | null {
  if (!/^[0-9a-f]{32}$/.test(key)) return null;
  const row = db
    .prepare<[string], { content_type: string | null }>('SELECT content_type FROM images WHERE key = ? AND stored_at IS NOT NULL')
    .get(key);
  if (!row) return null;
  db.prepare('UPDATE images SET last_used_at = ? WHERE key = ?').run(now, key);
  return { file: imageFile(dataDir, key), contentType: row.content_type ?? 'application/octet-stream' };
}

/** An article's cached images: original URL → where the app serves the copy. */
export function offlineImages(db: Database, articleId: number): Record<string, string> {
  const rows = db
    .prepare<[number], { url: string; key: string }>(`
      SELECT i.url, i.key FROM article_images ai JOIN images i ON i.url = ai.url
      WHERE ai.article_id = ? AND i.stored_at IS NOT NULL`)
    .all(articleId);
  return Object.fromEntries(rows.map((row) => [row.url, `${IMAGE_CACHE_PATH}${row.key}`]));
}

export interface ImageUsage {
  count: number;
  bytes: number;
}

export function imageUsage(db: Database): ImageUsage {
  return (
    db
      .prepare<[], ImageUsage>('SELECT count(*) AS count, coalesce(sum(bytes), 0) AS bytes FROM images WHERE stored_at IS NOT NULL')
      .get() ?? {
      count: 0,
      bytes: 0,
    }
  );
}

const UNPINNED = `
  stored_at IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM article_images ai JOIN article_state st ON st.article_id = ai.article_id
    WHERE ai.url = images.url AND st.bookmarked = 1)`;

/**
 * Brings the cache under `capBytes`: first images no stored article shows any more
 * (retention removed them), then the least recently used, skipping bookmarked ones.
 */
export function evictImages(db: Database, dataDir: string, capBytes: number): { removed: number; freedBytes: number } {
  const orphans = db
    .prepare<[], Victim>(`SELECT url, key, bytes FROM images WHERE NOT EXISTS (SELECT 1 FROM article_images ai WHERE ai.url = images.url)`)
    .all();
  let total = imageUsage(db).bytes - orphans.reduce((sum, v) => sum + v.bytes, 0);
  const victims = [...orphans];
  const orphaned = new Set(orphans.map((o) => o.url));
  if (total > capBytes) {
    for (const victim of db
      .prepare<[], Victim>(`SELECT url, key, bytes FROM images WHERE ${UNPINNED} ORDER BY last_used_at, url`)
      .iterate()) {
      if (total <= capBytes) break;
      if (orphaned.has(victim.url)) continue;
      victims.push(victim);
      total -= victim.bytes;
    }
  }
  return removeImages(db, dataDir, victims);
}

/** "Clear cache": every image no bookmark needs. */
export function clearImageCache(db: Database, dataDir: string): { removed: number; freedBytes: number } {
  return removeImages(
    db,
    dataDir,
    db.prepare<[], Victim>(`SELECT url, key, bytes FROM images WHERE ${UNPINNED} OR stored_at IS NULL`).all(),
  );
}

interface Victim {
  url: string;
  key: string;
  bytes: number;
}

function removeImages(db: Database, dataDir: string, victims: Victim[]): { removed: number; freedBytes: number } {
  const forget = db.prepare('DELETE FROM images WHERE url = ?');
  // Rows go first, in one transaction: a crash between the two leaves stray files, never rows pointing at nothing.
  db.transaction(() => {
    for (const victim of victims) forget.run(victim.url);
  }).immediate();
  for (const victim of victims) fs.rmSync(imageFile(dataDir, victim.key), { force: true });
  return { removed: victims.length, freedBytes: victims.reduce((sum, v) => sum + v.bytes, 0) };
}
