import { useEffect } from 'react';
import { news } from './api/client.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { ArticleList } from './features/articles/ArticleList.tsx';
import { AddFeedButton } from './features/onboarding/AddFeedDialog.tsx';
import { Welcome } from './features/onboarding/Welcome.tsx';
import { Reader } from './features/reader/Reader.tsx';
import { SectionsNav } from './features/sections/SectionsNav.tsx';
import { ThemeSelect, useTheme } from './features/settings/ThemeSelect.tsx';
import { SyncButton, SyncProgressBar } from './features/sync/SyncControls.tsx';
import { TrendingSidebar } from './features/trending/TrendingSidebar.tsx';
import { useKeyboardShortcuts } from './lib/use-keyboard-shortcuts.ts';
import { useLibrary } from './store/library-store.ts';

export function App() {
  const loaded = useLibrary((s) => s.loaded);
  const hasFeeds = useLibrary((s) => s.feeds.length > 0);
  useTheme();
  useKeyboardShortcuts();

  useEffect(() => {
    const { refresh, setSync } = useLibrary.getState();
    void refresh();
    const offProgress = news.on('sync-progress', setSync);
    const offChanged = news.on('library-changed', () => void useLibrary.getState().refresh());
    return () => {
      offProgress();
      offChanged();
    };
  }, []);

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">Broadsheet</h1>
        <div className="topbar-actions">
          <AddFeedButton />
          <SyncButton />
          <ThemeSelect />
        </div>
        <SyncProgressBar />
      </header>
      <ErrorBanner />
      {!loaded ? (
        <main className="loading" aria-busy="true" aria-label="Loading">
          <p>Opening your library…</p>
        </main>
      ) : hasFeeds ? (
        <div className="panes">
          <SectionsNav />
          <main className="content" aria-label="Articles and reader">
            <ArticleList />
            <Reader />
          </main>
          <TrendingSidebar />
        </div>
      ) : (
        <Welcome />
      )}
    </div>
  );
}
