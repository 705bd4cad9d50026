import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { StorageReport } from '../../shared/api.ts';
import { DATABASE_FILE } from '../db/connection.ts';
import { readSettings } from '../library/settings.ts';
import { imageUsage } from './image-cache.ts';

/** The storage readout: what is kept, and how much disk it takes (the database with its log). */
export function storageReport(db: Database, dataDir: string): StorageReport {
  const counts = db
    .prepare<[], { articles: number; bookmarks: number }>(
      'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM article_state WHERE bookmarked = 1) AS bookmarks',
    )
    .get() ?? { articles: 0, bookmarks: 0 };
  const images = imageUsage(db);
  const file = path.join(dataDir, DATABASE_FILE);
  const size = (name: string) => (fs.existsSync(name) ? fs.statSync(name).size : 0);
  return {
    ...counts,
    images: images.count,
    imageBytes: images.bytes,
    imageCacheLimitBytes: readSettings(db).imageCacheMB * 1024 * 1024,
    databaseBytes: size(file) + size(`${file}-wal`),
  };
}
