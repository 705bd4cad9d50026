import type { Migration } from './migration.ts';

/**
 * Unsubscribing keeps a feed's row while any of its articles is bookmarked (bookmarks are
 * kept forever); such a feed is never fetched and not listed, only its bookmarks remain.
 */
export const unsubscribedFeeds: Migration = {
  version: 2,
  name: 'unsubscribed feeds',
  up: `
    ALTER TABLE feeds ADD COLUMN unsubscribed_at INTEGER;
  `,
};
