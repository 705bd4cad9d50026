import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './connection.ts';

/**
 * Is the library file sound? Checked once when the app (or a CLI command) starts,
 * before anything writes to it. Cheap checks always: an empty file, a file that is not
 * SQLite, a file shorter than its own header says. The thorough one (SQLite's
 * quick_check, ~1.5 s for a 300 MB library) only when the file may have changed
 * outside our hands: after a crash, or when it differs from what the last clean close
 * left (size, modification time) — bytes overwritten by another program or a failing
 * disk change both.
 */

export class LibraryDamagedError extends Error {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string, advice: string) {
    super(`${damagedWords(file, reason)} ${advice}`);
    this.name = 'LibraryDamagedError';
    this.file = file;
    this.reason = reason;
  }
}

/** The words every shell uses for a damaged library, before saying what it did about it. */
export function damagedWords(file: string, reason: string): string {
  return `The library at ${file} is damaged: ${reason}.`;
}

const CLEAN_STAMP = `${DATABASE_FILE}.clean`;

interface Stamp {
  size: number;
  mtimeMs: number;
}

/** Why the library file is damaged, or null when it is sound (or does not exist yet). */
export function inspectLibrary(dataDir: string): string | null {
  const file = path.join(dataDir, DATABASE_FILE);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  const stampFile = path.join(dataDir, CLEAN_STAMP);
  const stamp = readStamp(stampFile);
  // The stamp vouches for one close only: from now on the file is in use again.
  removeQuietly(stampFile);
  if (stat.size === 0) return 'the file is empty (0 bytes)';
  const header = readHeader(file);
  if (!header.startsWith('SQLite format 3\0')) return 'it is not an SQLite database';
  // With a log beside it, the file may be shorter than its header says and still whole:
  // a checkpoint cut off (a full disk) is finished from the log on the next open.
  const declared = hasLog(file) ? null : declaredBytes(Buffer.from(header, 'latin1'));
  if (declared !== null && declared > stat.size)
    return `the file is cut short (${stat.size.toLocaleString('en')} of ${declared.toLocaleString('en')} bytes)`;
  const untouched = stamp && stamp.size === stat.size && stamp.mtimeMs === stat.mtimeMs && !hasLog(file);
  return untouched ? null : quickCheck(file);
}

/**
 * Called when the last connection has closed: records what the file looks like, so the
 * next start can skip the thorough check when nothing has touched it since.
 */
export function stampCleanClose(dataDir: string): void {
  const file = path.join(dataDir, DATABASE_FILE);
  try {
    if (hasLog(file)) return;
    const { size, mtimeMs } = fs.statSync(file);
    fs.writeFileSync(path.join(dataDir, CLEAN_STAMP), JSON.stringify({ size, mtimeMs } satisfies Stamp));
  } catch {
    // No stamp only means a thorough check next time.
  }
}

/**
 * Moves the library file (with its log) out of the way, never deleting it; returns
 * where it went. Used for a damaged library and before a restore.
 */
export function setLibraryAside(dataDir: string, label: string, now = new Date()): string {
  const file = path.join(dataDir, DATABASE_FILE);
  const aside = `${file}.${label}-${now.toISOString().replace(/[:.]/g, '-').slice(0, 19)}`;
  fs.renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix);
  }
  removeQuietly(path.join(dataDir, CLEAN_STAMP));
  return aside;
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // A folder that cannot be written is reported by the open that follows, in words.
  }
}

function readStamp(file: string): Stamp | null {
  try {
    const stamp = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Stamp>;
    return typeof stamp.size === 'number' && typeof stamp.mtimeMs === 'number' ? { size: stamp.size, mtimeMs: stamp.mtimeMs } : null;
  } catch {
    return null;
  }
}

function readHeader(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    return header.subarray(0, read).toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

/** The size the header gives (page size × page count), when the header's count is current. */
function declaredBytes(header: Buffer): number | null {
  if (header.length < 100) return null;
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  // The count is only valid when "version-valid-for" matches the change counter.
  if (header.readUInt32BE(92) !== header.readUInt32BE(24) || pages === 0) return null;
  return pageSize * pages;
}

function hasLog(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

function quickCheck(file: string): string | null {
  let db: Database.Database | undefined;
  try {
    // Read-only: a damaged file must not be written to (and a WAL left by a crash is
    // still read, so what was committed before the crash counts).
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    return result === 'ok' ? null : `SQLite finds it damaged (${String(result)})`;
  } catch (error) {
    return `SQLite cannot read it (${(error as Error).message})`;
  } finally {
    db?.close();
  }
}
