import { initial } from './001-initial.ts';
import { unsubscribedFeeds } from './002-unsubscribed-feeds.ts';
import { offlineCapture } from './003-offline-capture.ts';
import { stories } from './004-stories.ts';
import { remotePictures } from './005-remote-pictures.ts';
import { searchQueue } from './006-search-queue.ts';
import { titleIndex } from './007-title-index.ts';
import { unreadCounts } from './008-unread-counts.ts';
import { publishers } from './009-publishers.ts';
import { regroupStories } from './010-regroup-stories.ts';
import type { Migration } from './migration.ts';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  unsubscribedFeeds,
  offlineCapture,
  stories,
  remotePictures,
  searchQueue,
  titleIndex,
  unreadCounts,
  publishers,
  regroupStories,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
