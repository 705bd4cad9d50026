import type { Settings } from './api.ts';

/** Settings before the user changes any: the main process's fallbacks and the renderer's first paint. */
export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  readerFontSize: 18,
  readerWidth: 42,
  syncIntervalMinutes: 30,
  retentionDays: 90,
  keepPerFeed: 50,
  imageCacheMB: 1024,
  foldStories: false,
  readStoryOnce: true,
  trendingWindowHours: 72,
  autoBackup: true,
};
