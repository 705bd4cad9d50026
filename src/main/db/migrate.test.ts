import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir.ts';
import { DATABASE_FILE, DatabaseOpenError, openDatabase } from './connection.ts';
import { DatabaseTooNewError, LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrate.ts';

describe('openDatabase', () => {
  it('creates a WAL database at the latest schema in the data directory', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'nested', 'data'));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(fs.existsSync(path.join(dir, 'nested', 'data', DATABASE_FILE))).toBe(true);
    db.close();
  });

  it('refuses a database from a newer Broadsheet, naming both versions, and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 7}`);
    future.close();
    const before = fs.readFileSync(file);

    let error: unknown;
    try {
      openDatabase(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toContain(`schema ${LATEST_SCHEMA_VERSION + 7}`);
    expect((error as Error).message).toContain(`schema ${LATEST_SCHEMA_VERSION} at most`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a file that is not a database clearly and does not overwrite it', () => {
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE);
    fs.writeFileSync(file, 'this is not a database, it is a shopping list\n'.repeat(200));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(dir)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(dir)).toThrow(/Could not open the library .* left untouched/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('migrate', () => {
  it('runs all pending migrations in one transaction: a failing step leaves the file as it was', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'one', up: 'CREATE TABLE a (x)' },
      { version: 2, name: 'two', up: 'CREATE TABLE b (x); THIS IS NOT SQL' },
    ];
    expect(() => migrate(db, steps)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'a'").get()).toEqual({ n: 0 });
  });

  it('only runs the migrations a database has not had yet', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 1, name: 'one', up: 'CREATE TABLE a (x)' }]);
    db.prepare('INSERT INTO a VALUES (42)').run();
    const version = migrate(db, [
      { version: 1, name: 'one', up: 'CREATE TABLE a (x)' },
      { version: 2, name: 'two', up: 'ALTER TABLE a ADD COLUMN y' },
    ]);
    expect(version).toBe(2);
    expect(db.prepare('SELECT x, y FROM a').all()).toEqual([{ x: 42, y: null }]);
  });
});
