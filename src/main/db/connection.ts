import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { assertNotTooNew, migrate } from './migrate.ts';

export const DATABASE_FILE = 'broadsheet.db';

/** The database file could not be opened as a Broadsheet library (corrupt, not SQLite, unreadable). */
export class DatabaseOpenError extends Error {
  constructor(file: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Could not open the library at ${file}: ${reason}. The file was left untouched.`, { cause });
    this.name = 'DatabaseOpenError';
  }
}

/**
 * Opens (creating if needed) the one write connection of a data directory, in WAL
 * mode, and migrates it. The process that calls this owns the database.
 */
export function openDatabase(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    // Reading the schema fails fast on a file that is not a database.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    db?.close();
    throw new DatabaseOpenError(file, error);
  }
  try {
    // Before anything writes to the file: a newer app's library must stay byte-for-byte as it was.
    assertNotTooNew(db);
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only an OS crash can
    // lose the last commits, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
