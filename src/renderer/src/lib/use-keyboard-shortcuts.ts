import { useEffect } from 'react';
import { useLibrary } from '../store/library-store.ts';

/** j/k move through the list; b bookmarks. Typing in a field is never captured. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      const store = useLibrary.getState();
      switch (event.key) {
        case 'j':
          event.preventDefault();
          void store.moveCurrent(1);
          break;
        case 'k':
          event.preventDefault();
          void store.moveCurrent(-1);
          break;
        case 'b':
          if (store.currentId !== null) void store.toggleBookmark(store.currentId);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
