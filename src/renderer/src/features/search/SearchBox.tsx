import { useEffect, useRef, useState } from 'react';
import { useLibrary } from '../../store/library-store.ts';

/** The search box: results as you type (over titles and bodies); "/" focuses it, Escape clears it. */
export function SearchBox() {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const search = useLibrary((s) => s.search);
  const searchText = useLibrary((s) => s.searchText);
  const bookmarkedOnly = useLibrary((s) => s.bookmarkedOnly);

  // Another view was chosen: the store cleared the search, so the box follows.
  useEffect(() => {
    if (searchText === '') setText('');
  }, [searchText]);

  useEffect(() => {
    const timer = setTimeout(() => {
      if (text !== useLibrary.getState().searchText) void search(text);
    }, 120);
    return () => clearTimeout(timer);
  }, [text, search]);

  useEffect(() => {
    const focus = () => input.current?.focus();
    window.addEventListener('broadsheet:focus-search', focus);
    return () => window.removeEventListener('broadsheet:focus-search', focus);
  }, []);

  return (
    <search className="search">
      <input
        ref={input}
        type="search"
        aria-label="Search articles"
        placeholder="Search  /"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setText('');
            e.currentTarget.blur();
          }
        }}
      />
      {text.trim() && (
        <label className="search-filter">
          <input type="checkbox" checked={bookmarkedOnly} onChange={(e) => void search(text, e.currentTarget.checked)} />
          Bookmarked only
        </label>
      )}
    </search>
  );
}
