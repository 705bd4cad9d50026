import type { Database } from 'better-sqlite3';
import type { Settings } from '../../shared/api.ts';
import { DEFAULT_SETTINGS } from '../../shared/default-settings.ts';

export function readSettings(db: Database): Settings {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings').all();
  const stored: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    try {
      stored[key] = JSON.parse(value);
    } catch {
      // A damaged value falls back to its default rather than breaking the app.
    }
  }
  const number = (
    key:
      | 'readerFontSize'
      | 'readerWidth'
      | 'syncIntervalMinutes'
      | 'retentionDays'
      | 'keepPerFeed'
      | 'imageCacheMB'
      | 'trendingWindowHours',
  ) => (typeof stored[key] === 'number' && Number.isFinite(stored[key]) ? stored[key] : DEFAULT_SETTINGS[key]);
  return {
    theme: stored.theme === 'light' || stored.theme === 'dark' || stored.theme === 'system' ? stored.theme : DEFAULT_SETTINGS.theme,
    readerFontSize: number('readerFontSize'),
    readerWidth: number('readerWidth'),
    syncIntervalMinutes: number('syncIntervalMinutes'),
    retentionDays: number('retentionDays'),
    keepPerFeed: number('keepPerFeed'),
    imageCacheMB: number('imageCacheMB'),
    trendingWindowHours: number('trendingWindowHours'),
    foldStories: typeof stored.foldStories === 'boolean' ? stored.foldStories : DEFAULT_SETTINGS.foldStories,
    readStoryOnce: typeof stored.readStoryOnce === 'boolean' ? stored.readStoryOnce : DEFAULT_SETTINGS.readStoryOnce,
    autoBackup: typeof stored.autoBackup === 'boolean' ? stored.autoBackup : DEFAULT_SETTINGS.autoBackup,
  };
}

export function writeSettings(db: Database, patch: Partial<Settings>): Settings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }).immediate();
  return readSettings(db);
}
