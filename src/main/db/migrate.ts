import type { Database } from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';

/** The database was written by a newer Broadsheet: opening it could damage it, so we refuse. */
export class DatabaseTooNewError extends Error {
  readonly fileVersion: number;
  readonly appVersion: number;
  constructor(fileVersion: number, appVersion: number) {
    super(
      `This library was written by a newer version of Broadsheet (schema ${fileVersion}); ` +
        `this version understands schema ${appVersion} at most. Update Broadsheet to open it — nothing was changed.`,
    );
    this.name = 'DatabaseTooNewError';
    this.fileVersion = fileVersion;
    this.appVersion = appVersion;
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertNotTooNew(db: Database, latest = LATEST_SCHEMA_VERSION): void {
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseTooNewError(current, latest);
}

/**
 * Brings the schema up to date: all pending migrations run in one transaction, so a
 * crash or a failing step leaves the file exactly as it was.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.at(-1)?.version ?? 0;
  assertNotTooNew(db, latest);
  const current = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return latest;
}

export { LATEST_SCHEMA_VERSION };
