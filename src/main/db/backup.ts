import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupReport, RestoreReport } from '../../shared/api.ts';
import { DATABASE_FILE, openDatabase } from './connection.ts';
import { setLibraryAside } from './library-health.ts';
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
    // Fold the write-ahead log in first, so the set-aside copy is one complete file.
    try {
      const db = new Database(current);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    } catch {
      // A damaged library is set aside as it is, log included.
    }
    previousSavedAs = setLibraryAside(dataDir, 'before-restore', now);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(backupFile, current);
  const db = openDatabase(dataDir);
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  db.close();
  return { restoredFrom: backupFile, previousSavedAs, schemaVersion };
}

/** A backup in the data folder, with where it is (which the renderer is never told). */
export interface BackupFile extends BackupInfo {
  path: string;
}

const AUTO_PREFIX = 'broadsheet-auto-';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Daily copies are kept this long (the newest always, whatever its age). */
const KEEP_AUTOMATIC_MS = 7 * DAY_MS;

export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupsDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((name) => name.endsWith('.db'));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const file = path.join(dir, name);
      const stat = fs.statSync(file);
      return { name, path: file, bytes: stat.size, createdAt: stat.mtime.toISOString(), automatic: name.startsWith(AUTO_PREFIX) };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/**
 * The daily backup: when the newest automatic copy is a day old (or there is none), an
 * online copy is taken, and automatic copies older than a week are removed
 * (the newest always stays; copies made by hand are never removed). Returns the new
 * copy, or null when none was due.
 */
export async function autoBackup(db: Database.Database, dataDir: string, now = new Date()): Promise<BackupReport | null> {
  const automatic = listBackups(dataDir).filter((b) => b.automatic);
  const newest = automatic[0];
  if (newest && now.getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
  const file = path.join(backupsDir(dataDir), `${AUTO_PREFIX}${now.toISOString().replace(/[:.]/g, '-').slice(0, 19)}.db`);
  // Copies are checked when one is offered as a way back (newestSoundBackup), not here:
  // a thorough check costs as much as the copy, every day.
  const report = await backupLibrary(db, dataDir, file);
  for (const old of automatic) {
    if (now.getTime() - Date.parse(old.createdAt) > KEEP_AUTOMATIC_MS) fs.rmSync(old.path, { force: true });
  }
  return report;
}

/** The newest backup that checks out, for the way back from a damaged library. */
export function newestSoundBackup(dataDir: string): BackupFile | null {
  for (const backup of listBackups(dataDir)) {
    try {
      checkBackup(backup.path);
      return backup;
    } catch {
      // A damaged or foreign copy is passed over.
    }
  }
  return null;
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
