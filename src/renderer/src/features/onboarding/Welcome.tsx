import { news } from '../../api/client.ts';
import { useLibrary } from '../../store/library-store.ts';
import { AddFeedButton } from './AddFeedDialog.tsx';
import { ImportOpmlButton } from './ImportOpmlButton.tsx';

/** First run, on an empty library: three ways to start. */
export function Welcome() {
  const loadSample = async () => {
    const store = useLibrary.getState();
    const report = await store.run(() => news.loadSampleLibrary());
    if (report) await store.refresh();
  };
  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Broadsheet</h2>
      <p>
        Your library is empty. Start by adding a feed, importing your subscriptions from another reader, or loading a small sample library
        that works offline.
      </p>
      <div className="welcome-actions">
        <AddFeedButton label="Add a feed" />
        <ImportOpmlButton />
        <button type="button" className="primary" onClick={() => void loadSample()}>
          Load sample library
        </button>
      </div>
    </main>
  );
}
