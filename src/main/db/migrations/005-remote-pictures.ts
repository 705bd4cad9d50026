import type { Migration } from './migration.ts';

/**
 * Whether the reader may load a feed's pictures from their hosts when no offline copy
 * exists (1, the default) or shows only the copies the library keeps (0): asking a host
 * for a picture tells it the article was opened.
 */
export const remotePictures: Migration = {
  version: 5,
  name: 'remote pictures',
  up: `
    ALTER TABLE feeds ADD COLUMN remote_pictures INTEGER NOT NULL DEFAULT 1 CHECK (remote_pictures IN (0, 1));
  `,
};
