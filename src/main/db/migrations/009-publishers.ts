import type { Migration } from './migration.ts';
import { REGROUP_WINDOW } from './regroup-window.ts';

/**
 * Who publishes a feed, as the person named it (NULL: worked out from the feed's site,
 * see trending/publisher.ts): trending counts a story's sources by publisher.
 *
 * Fingerprints now record how an article writes each term (as a name, in lower case)
 * instead of a weight boosted by one article's capitals, so the window is clustered
 * afresh: its articles lose their stories and fingerprints and the next clustering
 * (the first sync, or any command that lists stories) takes them again. Older
 * articles keep their stories.
 */
export const publishers: Migration = {
  version: 9,
  name: 'publishers',
  up: `
    ALTER TABLE feeds ADD COLUMN publisher TEXT;
    ${REGROUP_WINDOW}`,
};
