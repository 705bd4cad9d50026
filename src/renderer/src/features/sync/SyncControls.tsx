import { news } from '../../api/client.ts';
import { useLibrary } from '../../store/library-store.ts';

export function SyncButton() {
  const running = useLibrary((s) => s.sync?.running ?? false);
  const sync = () => void useLibrary.getState().run(() => news.syncNow());
  return (
    <button type="button" onClick={sync} disabled={running}>
      {running ? 'Syncing…' : 'Sync now'}
    </button>
  );
}

/** Feeds done of total while a sync runs; afterwards, a one-line summary. */
export function SyncProgressBar() {
  const sync = useLibrary((s) => s.sync);
  if (!sync) return null;
  if (!sync.running) {
    if (sync.offline) {
      return (
        <p className="sync-summary offline" role="status">
          Offline — your library is all here; Broadsheet will fetch news again when the network is back.
        </p>
      );
    }
    return (
      <p className="sync-summary" role="status">
        {sync.feedsTotal === 0
          ? 'Everything is up to date.'
          : `Synced ${sync.feedsTotal} feeds: ${sync.newArticles} new articles${sync.failures ? `, ${sync.failures} failed` : ''}.`}
      </p>
    );
  }
  // The new articles are already in the lists; search and trending catch up within the sync.
  if (sync.phase === 'indexing' || sync.phase === 'stories') {
    return (
      <p className="sync-summary" role="status">
        {sync.phase === 'indexing'
          ? `Indexing ${sync.newArticles} new articles for search…`
          : `Grouping ${sync.newArticles} new articles into stories…`}
      </p>
    );
  }
  return (
    <progress className="sync-progress" aria-label="Sync progress" max={Math.max(1, sync.feedsTotal)} value={sync.feedsDone}>
      {sync.feedsDone} of {sync.feedsTotal}
    </progress>
  );
}
