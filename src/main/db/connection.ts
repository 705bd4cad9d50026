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

/** The data folder cannot hold a library: it cannot be made, or written (read-only, not ours). */
export class DataFolderError extends Error {
  constructor(dataDir: string, cause: NodeJS.ErrnoException) {
    const why =
      cause.code === 'EROFS'
        ? 'it is on a read-only disk'
        : cause.code === 'EACCES' || cause.code === 'EPERM'
          ? 'this user may not write there'
          : cause.code === 'ENOSPC'
            ? 'the disk is full'
            : cause.code === 'ENOTDIR' || cause.code === 'EEXIST'
              ? 'a file stands where the folder should be'
              : cause.code === 'ENOENT'
                ? 'the folder cannot be made there'
                : cause.message;
    super(`Broadsheet cannot keep its library in ${dataDir}: ${why}. Nothing was changed.`, { cause });
    this.name = 'DataFolderError';
  }
}

/** Made if need be, and writable: SQLite needs to write its log beside the library, even to read it. */
function assertWritable(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    throw new DataFolderError(dataDir, error as NodeJS.ErrnoException);
  }
}

export interface OpenOptions {
  /**
   * 'auto' (default): SQLite checkpoints the WAL whenever it passes 4 MB, on whichever
   * connection commits. 'manual': this connection never checkpoints; another one does
   * (the sync thread, after each sync), so the UI thread never pays for folding a large
   * WAL back into the database in the middle of a click.
   */
  checkpoint?: 'auto' | 'manual';
}

/** After a checkpoint, a WAL file larger than this is truncated back to it. */
const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

/**
 * Opens (creating if needed) a connection to a data directory's library, in WAL mode,
 * and migrates it.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Database.Database {
  const file = path.join(dataDir, DATABASE_FILE);
  assertWritable(dataDir);
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
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
    if (options.checkpoint === 'manual') db.pragma('wal_autocheckpoint = 0');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
