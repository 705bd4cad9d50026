import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir.ts';
import { REPO_ROOT } from './repo-paths.ts';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'src/main/cli.ts'), ...args], { encoding: 'utf8', cwd: REPO_ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli', () => {
  it('prints help', () => {
    const { code, stdout } = cli('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('status [--json]');
  });

  it('reports the library status as JSON, after loading the sample', () => {
    const dir = tempDir();
    expect(cli('status', '--json', '--data-dir', dir).stdout).toContain('"articles": 0');
    expect(cli('load-sample', '--data-dir', dir).code).toBe(0);
    const status = JSON.parse(cli('status', '--json', '--data-dir', dir).stdout);
    expect(status).toMatchObject({ schemaVersion: 1, sections: 6, feeds: 6, bookmarks: 0 });
    expect(status.articles).toBeGreaterThan(10);
  });

  it('uses BROADSHEET_DATA_DIR when no --data-dir is given', () => {
    const dir = tempDir();
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'src/main/cli.ts'), 'status', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, BROADSHEET_DATA_DIR: dir },
    });
    expect(JSON.parse(result.stdout).dataDir).toBe(dir);
  });

  it('refuses a library from a newer version with a clear message and a non-zero exit', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'broadsheet.db'));
    db.pragma('user_version = 99');
    db.close();
    const { code, stderr } = cli('status', '--data-dir', dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/newer version of Broadsheet \(schema 99\)/);
  });

  it('parses several files to JSON Lines, one object per file, errors included', () => {
    const dir = tempDir();
    const good = path.join(dir, 'good.xml');
    const bad = path.join(dir, 'bad.txt');
    fs.writeFileSync(good, '<rss version="2.0"><channel><title>Good</title><item><title>x</title></item></channel></rss>');
    fs.writeFileSync(bad, 'not a feed');
    const { code, stdout } = cli('parse', good, bad);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'rss2', title: 'Good' });
    expect(lines[1]).toMatchObject({ file: bad, error: expect.stringMatching(/neither XML nor JSON/) });
  });

  it('explains an unknown command', () => {
    const { code, stderr } = cli('frobnicate', '--data-dir', tempDir());
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command');
  });
});
