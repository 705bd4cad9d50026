import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli-process.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { NewsService } from '../library/news-service.ts';
import { RESOURCES_DIR } from '../repo-paths.ts';
import { listBackups } from './backup.ts';
import { DATABASE_FILE } from './connection.ts';

const cli = runCli;

/** A closed library with the sample loaded, one article bookmarked and one read, and a backup. */
async function library() {
  const dataDir = tempDir();
  const news = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, offlineCapture: false });
  await news.loadSampleLibrary();
  // Enough rows that the middle of the file is article pages, not free space.
  const rows = (await news.listArticles({ view: 'all', limit: 500 })).rows;
  await news.setBookmarked(rows[0]?.id ?? 0, true);
  await news.setRead(rows[1]?.id ?? 0, true);
  const backup = await news.backupLibrary();
  await news.close();
  return { dataDir, file: path.join(dataDir, DATABASE_FILE), bookmarked: rows[0]?.title, backup: path.basename(backup.path) };
}

const damage = {
  'a zero-length file': (file: string) => fs.writeFileSync(file, ''),
  'a truncated file': (file: string) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2)),
  'bytes overwritten in the middle': (file: string) => {
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    // Every page but the first: the header stays intact, so only a real check finds it.
    for (let offset = 4096; offset < size; offset += 4096 * 2) fs.writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, offset + 100);
    fs.closeSync(fd);
  },
};

describe('a damaged library', () => {
  for (const [kind, harm] of Object.entries(damage)) {
    it(`${kind}: the CLI says so naming the file, exits non-zero and changes nothing`, async () => {
      const { dataDir, file, backup } = await library();
      harm(file);
      const before = fs.readFileSync(file);
      const { code, stderr } = cli('status', '--data-dir', dataDir);
      expect(code).toBe(1);
      expect(stderr).toContain(`The library at ${file} is damaged:`);
      expect(stderr).toContain(path.join(dataDir, 'backups', backup));
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    });
  }

  it('the app sets it aside (never deleting it), starts on a fresh library and restores the newest backup on request', async () => {
    const { dataDir, file, bookmarked, backup } = await library();
    damage['bytes overwritten in the middle'](file);
    const damagedBytes = fs.readFileSync(file);

    const news = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, offlineCapture: false });
    const health = await news.getLibraryHealth();
    expect(health.damaged?.message.startsWith(`The library at ${file} is damaged: `)).toBe(true);
    expect(health.damaged?.message).toContain('It was set aside as');
    expect(fs.readFileSync(health.damaged?.setAsideAs ?? '').equals(damagedBytes)).toBe(true);
    expect(health.newestBackup?.name).toBe(backup);
    expect((await news.getStatus()).articles).toBe(0);

    await news.restoreBackup(backup);
    expect((await news.getLibraryHealth()).damaged).toBeNull();
    expect((await news.listArticles({ view: 'bookmarks' })).rows.map((r) => r.title)).toEqual([bookmarked]);
    expect((await news.getStatus()).articles).toBeGreaterThan(10);
    // The fresh library it replaced is set aside too, not lost.
    expect(fs.readdirSync(dataDir).some((name) => name.includes('before-restore'))).toBe(true);
    await news.close();
  });

  it('a sound library that was closed cleanly opens without a thorough check, and stays sound', async () => {
    const { dataDir } = await library();
    expect(fs.existsSync(path.join(dataDir, `${DATABASE_FILE}.clean`))).toBe(true);
    const { code, stdout } = cli('status', '--json', '--data-dir', dataDir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).bookmarks).toBe(1);
  });

  it('a restore refuses a name outside the backups folder', async () => {
    const { dataDir } = await library();
    const news = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, offlineCapture: false });
    await expect(news.restoreBackup('no-such-backup.db')).rejects.toThrow(/no backup called/);
    await news.close();
  });
});

describe('daily backups', () => {
  it('are taken after a sync when due, once a day, and kept a week (the newest always)', async () => {
    const dataDir = tempDir();
    const news = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, offlineCapture: false });
    await news.loadSampleLibrary();
    // Two daily copies from the past: one nine days old (to go), one two days old (to stay).
    const backups = path.join(dataDir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const old = (name: string, days: number) => {
      fs.copyFileSync(path.join(dataDir, DATABASE_FILE), path.join(backups, name));
      const when = new Date(Date.now() - days * 86_400_000);
      fs.utimesSync(path.join(backups, name), when, when);
    };
    old('broadsheet-auto-2026-01-01T00-00-00.db', 9);
    old('broadsheet-auto-2026-01-08T00-00-00.db', 2);
    old('my-own-copy.db', 30);

    await news.runSync(true);
    await news.close();
    const names = () => listBackups(dataDir).map((b) => b.name);
    expect(names()).toHaveLength(3);
    expect(names()).not.toContain('broadsheet-auto-2026-01-01T00-00-00.db');
    expect(names()).toEqual(expect.arrayContaining(['broadsheet-auto-2026-01-08T00-00-00.db', 'my-own-copy.db']));
    const today = names().find((name) => name.startsWith('broadsheet-auto-') && !name.includes('2026-01-'));
    expect(today).toBeTruthy();

    // A second sync the same day takes none.
    const again = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, offlineCapture: false });
    await again.runSync(true);
    await again.close();
    expect(names()).toHaveLength(3);
  });

  it('can be switched off', async () => {
    const dataDir = tempDir();
    const news = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, offlineCapture: false });
    await news.updateSettings({ autoBackup: false });
    await news.runSync(true);
    await news.close();
    expect(listBackups(dataDir)).toEqual([]);
  });
});
