import type { Migration } from './migration.ts';
import { REGROUP_WINDOW } from './regroup-window.ts';

/**
 * Fingerprints now hold the headline's phrases and short names (GM, UK), and stories
 * weigh a term by its burst (trending/story-clusterer.ts): the window's stories are
 * formed afresh, as schema 9 did. Its articles lose their stories and fingerprints; the
 * next clustering (the first sync, or any command that lists stories) takes them again.
 * Older articles keep their stories.
 */
export const regroupStories: Migration = {
  version: 10,
  name: 'regroup-stories',
  up: REGROUP_WINDOW,
};
