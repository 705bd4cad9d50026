import { useCallback, useEffect, useState } from 'react';
import { news } from './api/client.ts';
import { ErrorBanner } from './ErrorBanner.tsx';
import { ArticleList } from './features/articles/ArticleList.tsx';
import { AddFeedButton } from './features/onboarding/AddFeedDialog.tsx';
import { Welcome } from './features/onboarding/Welcome.tsx';
import { Reader } from './features/reader/Reader.tsx';
import { LibraryRecovery } from './features/recovery/LibraryRecovery.tsx';
import { SearchBox } from './features/search/SearchBox.tsx';
import { SectionsNav } from './features/sections/SectionsNav.tsx';
import { SettingsButton } from './features/settings/SettingsDialog.tsx';
import { ShortcutsDialog } from './features/settings/ShortcutsDialog.tsx';
import { ThemeSelect, useTheme } from './features/settings/ThemeSelect.tsx';
import { SyncButton, SyncProgressBar } from './features/sync/SyncControls.tsx';
import { TrendingSidebar } from './features/trending/TrendingSidebar.tsx';
import { useKeyboardShortcuts } from './lib/use-keyboard-shortcuts.ts';
import { useLibrary } from './store/library-store.ts';

export function App() {
  const loaded = useLibrary((s) => s.loaded);
  const hasFeeds = useLibrary((s) => s.feeds.length > 0);
  const [helpOpen, setHelpOpen] = useState(false);
  useTheme();
  useKeyboardShortcuts(useCallback(() => setHelpOpen(true), []));

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
        {hasFeeds && <SearchBox />}
        <div className="topbar-actions">
          <AddFeedButton />
          <SyncButton />
          <ThemeSelect />
          <SettingsButton />
        </div>
        <SyncProgressBar />
      </header>
      <ErrorBanner />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <LibraryRecovery />
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
