import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupReport } from '../../shared/api.ts';
import { DATABASE_FILE, openDatabase } from './connection.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/**
 * A consistent copy of the library taken while the app runs: SQLite's online backup
 * copies the pages of one snapshot while other connections go on reading and writing.
 * Cached images are not included (they can be fetched again; the text cannot).
 */
export async function backupLibrary(db: Database.Database, dataDir: string, target?: string, now = new Date()): Promise<BackupReport> {
  const file = target ?? path.join(backupsDir(dataDir), `broadsheet-${now.toISOString().replace(/[:.]/g, '-').slice(0, 19)}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await db.backup(file);
  return { path: file, bytes: fs.statSync(file).size };
}

export interface RestoreReport {
  restoredFrom: string;
  /** Where the library that was replaced was kept, in case the restore was a mistake. */
  previousSavedAs: string | null;
  schemaVersion: number;
}

/**
 * Replaces the library with a backup (the app must not be running). The backup is
 * checked first — a SQLite file, a Broadsheet library, not from a newer version, intact
 * — and the current library is set aside, not deleted. An older backup is migrated.
 */
export function restoreLibrary(dataDir: string, backupFile: string, now = new Date()): RestoreReport {
  checkBackup(backupFile);
  const current = path.join(dataDir, DATABASE_FILE);
  let previousSavedAs: string | null = null;
  if (fs.existsSync(current)) {
    previousSavedAs = `${current}.before-restore-${now.toISOString().replace(/[:.]/g, '-').slice(0, 19)}`;
    // Fold the write-ahead log in first, so the set-aside copy is one complete file.
    try {
      const db = new Database(current);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    } catch {
      // A damaged library is set aside as it is, log included.
    }
    fs.renameSync(current, previousSavedAs);
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(current + suffix)) fs.renameSync(current + suffix, previousSavedAs + suffix);
    }
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(backupFile, current);
  const db = openDatabase(dataDir);
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  db.close();
  return { restoredFrom: backupFile, previousSavedAs, schemaVersion };
}

function checkBackup(file: string): void {
  if (!fs.existsSync(file)) throw new Error(`There is no backup at ${file}.`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('feeds', 'articles', 'article_state')")
      .all();
    if (tables.length < 3) throw new Error('it is not a Broadsheet library');
    if (version > LATEST_SCHEMA_VERSION)
      throw new Error(`it comes from a newer Broadsheet (schema ${version}; this one reads up to ${LATEST_SCHEMA_VERSION})`);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`it is damaged (${String(check)})`);
  } catch (error) {
    throw new Error(`Cannot restore from ${file}: ${(error as Error).message}. Nothing was changed.`);
  } finally {
    db?.close();
  }
}
