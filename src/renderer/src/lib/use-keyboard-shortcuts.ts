import { useEffect } from 'react';
import { news } from '../api/client.ts';
import { useLibrary } from '../store/library-store.ts';

/** The shortcuts, as the help dialog (press ?) lists them. */
export const SHORTCUTS: [keys: string, action: string][] = [
  ['j / ↓', 'Next article'],
  ['k / ↑', 'Previous article'],
  ['n / p', 'Next / previous section'],
  ['o / Enter', 'Open the selected article'],
  ['v', 'Open the original in your browser'],
  ['b', 'Bookmark or remove the bookmark'],
  ['m', 'Mark read or unread'],
  ['r', 'Sync now'],
  ['/', 'Search'],
  ['?', 'Show these shortcuts'],
];

/** Single-key shortcuts for the whole window; typing in a field or a dialog is never captured. */
export function useKeyboardShortcuts(onHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      const store = useLibrary.getState();
      const current = store.currentId;
      const handled = (() => {
        switch (event.key) {
          case 'j':
            return void store.moveCurrent(1);
          case 'k':
            return void store.moveCurrent(-1);
          case 'n':
          case 'p':
            return void moveSection(event.key === 'n' ? 1 : -1);
          case 'o':
            return current !== null ? void store.open(current) : store.rows[0] ? void store.open(store.rows[0].id) : undefined;
          case 'v': {
            const url = store.article?.url;
            return url ? void window.open(url, '_blank', 'noopener,noreferrer') : undefined;
          }
          case 'b':
            return current !== null ? void store.toggleBookmark(current) : undefined;
          case 'm':
            return current !== null ? void store.toggleRead(current) : undefined;
          case 'r':
            return void store.run(() => news.syncNow());
          case '/':
            return void window.dispatchEvent(new Event('broadsheet:focus-search'));
          case '?':
            return void onHelp();
          default:
            return false;
        }
      })();
      if (handled !== false) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onHelp]);
}

/** The next or previous entry of the sections navigation: All, Unread, Bookmarks, then each section. */
function moveSection(step: 1 | -1): Promise<void> {
  const store = useLibrary.getState();
  const entries = [
    { view: 'all' as const },
    { view: 'unread' as const },
    { view: 'bookmarks' as const },
    ...store.sections.map((s) => ({ view: 'all' as const, sectionId: s.id })),
  ];
  const { selection } = store;
  const index = entries.findIndex((e) => e.view === selection.view && ('sectionId' in e ? e.sectionId : undefined) === selection.sectionId);
  const next = entries[(index + step + entries.length) % entries.length] ?? entries[0];
  return store.select(next ?? { view: 'all' });
}
