import type { Database } from 'better-sqlite3';
import type { SyncProgress } from '../../shared/api.ts';
import { indexMissing, indexQueue } from '../library/search-index.ts';
import { updateStories } from '../trending/update-stories.ts';
import { type SyncOptions, type SyncSummary, syncAll } from './sync-all.ts';

export interface FullSyncOptions extends SyncOptions {
  /** Called once every fetched article is in the lists (before indexing): the UI shows them, capture may start. */
  onListed?: (progress: SyncProgress) => void;
  signal?: AbortSignal;
}

/**
 * A whole sync, in the order a person sees it: the feeds (new articles stored and
 * listed), then their text into the full-text index (queued while the feeds came in,
 * see library/search-index.ts; whatever an interrupted sync left queued goes too), then
 * the new articles into stories. Progress says which stage is running; the summary
 * says when each was complete.
 */
export async function runSync(
  db: Database,
  onProgress: (progress: SyncProgress) => void,
  options: FullSyncOptions = {},
): Promise<SyncSummary> {
  // The index is built after the feeds, not between them: indexing 500 rows at a time in
  // the gaps between feeds was tried, and on 2 cores it took the CPU the reader threads
  // needed (listed 7.6 s → 10.3 s, the whole sync 1–2 s later).
  // What a killed sync left out of the index goes in first (nothing, after a clean one).
  indexMissing(db);
  const summary = await syncAll(db, onProgress, options);
  const listedAt = Date.now();
  // As in syncAll: a background pass with nothing due says nothing, so it never replaces
  // what the last real sync reported (an offline notice, say) with "up to date".
  const report = summary.feedsTotal > 0 || options.force ? onProgress : () => undefined;
  const progress: SyncProgress = {
    feedsDone: summary.feedsDone,
    feedsTotal: summary.feedsTotal,
    newArticles: summary.newArticles,
    failures: summary.failures,
    running: true,
    phase: 'indexing',
    offline: summary.offline,
  };
  report({ ...progress });
  options.onListed?.({ ...progress });
  await indexQueue(db, { signal: options.signal });
  const indexedAt = Date.now();
  if (summary.newArticles > 0) report({ ...progress, phase: 'stories' });
  // New articles join their stories before the UI hears the sync is done, so trending is current.
  const stories = updateStories(db);
  const storiesAt = Date.now();
  report({ ...progress, running: false, phase: undefined });
  return { ...summary, running: false, storiesMs: stories.durationMs, phases: { listedAt, indexedAt, storiesAt } };
}
