import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { LibraryStatus } from '../../shared/api.ts';
import { DATABASE_FILE } from '../db/connection.ts';
import { schemaVersion } from '../db/migrate.ts';

export function libraryStatus(db: Database, dataDir: string): Omit<LibraryStatus, 'storiesRegrouping'> {
  const counts = db
    .prepare<[], Omit<LibraryStatus, 'schemaVersion' | 'dataDir' | 'databasePath' | 'storiesRegrouping'>>(`
      SELECT (SELECT count(*) FROM sections) AS sections,
             (SELECT count(*) FROM feeds WHERE unsubscribed_at IS NULL) AS feeds,
             (SELECT count(*) FROM articles) AS articles,
             (SELECT coalesce(sum(unread), 0) FROM unread_counts) AS unread,
             (SELECT count(*) FROM article_state WHERE bookmarked = 1) AS bookmarks`)
    .get() as Omit<LibraryStatus, 'schemaVersion' | 'dataDir' | 'databasePath'>;
  return { schemaVersion: schemaVersion(db), dataDir, databasePath: path.join(dataDir, DATABASE_FILE), ...counts };
}
