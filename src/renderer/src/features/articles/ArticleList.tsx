import { type KeyboardEvent, type UIEvent, useEffect, useRef, useState } from 'react';
import { relativeTime } from '../../lib/relative-time.ts';
import { useLibrary } from '../../store/library-store.ts';
import { Highlight } from '../search/Highlight.tsx';
import { ListToolbar } from './ListToolbar.tsx';
import { useVirtualWindow } from './use-virtual-window.ts';

/** Every row has this height (CSS clamps titles to two lines), which is what lets the list be virtual. */
const ROW_HEIGHT = 92;

/**
 * The article list: a listbox with a roving focus; the current row is aria-selected.
 * Only the rows in view are in the DOM; more pages load as it scrolls.
 */
export function ArticleList() {
  const rows = useLibrary((s) => s.rows);
  const currentId = useLibrary((s) => s.currentId);
  const open = useLibrary((s) => s.open);
  const loadMore = useLibrary((s) => s.loadMore);
  const moveCurrent = useLibrary((s) => s.moveCurrent);
  const selection = useLibrary((s) => s.selection);
  const sections = useLibrary((s) => s.sections);
  const searchText = useLibrary((s) => s.searchText);
  const listbox = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLElement>(null);
  const [listTop, setListTop] = useState(0);
  const { first, last, scrollToIndex } = useVirtualWindow(scroller, rows.length, ROW_HEIGHT, listTop);
  const viewTitle =
    selection.sectionId !== undefined
      ? (sections.find((s) => s.id === selection.sectionId)?.name ?? 'Section')
      : { all: 'All articles', unread: 'Unread', bookmarks: 'Bookmarks' }[selection.view];
  const searching = searchText.trim() !== '';
  const title = searching ? `Search: ${searchText.trim()}` : viewTitle;

  // Where the listbox starts inside the scroller (below the title and toolbar).
  useEffect(() => {
    setListTop(listbox.current?.offsetTop ?? 0);
  });

  // Keep the current row in view, and keep keyboard focus on it while the list has focus.
  useEffect(() => {
    if (currentId === null) return;
    const index = useLibrary.getState().rows.findIndex((r) => r.id === currentId);
    if (index >= 0) scrollToIndex(index);
    const option = listbox.current?.querySelector<HTMLElement>(`#article-${currentId}`);
    if (option && listbox.current?.contains(document.activeElement)) option.focus();
  }, [currentId, scrollToIndex]);

  const onScroll = (event: UIEvent<HTMLElement>) => {
    const el = event.currentTarget;
    if (el.scrollTop + el.clientHeight > el.scrollHeight - 400) void loadMore();
  };
  const onKeyDown = (event: KeyboardEvent, id: number) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void moveCurrent(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      void open(id);
    }
  };
  const focusable = currentId ?? rows[0]?.id;

  return (
    <section className="article-list" aria-labelledby="article-list-title" onScroll={onScroll} ref={scroller}>
      <h2 id="article-list-title" className="pane-title">
        {title}
      </h2>
      {!searching && <ListToolbar title={viewTitle} />}
      {rows.length === 0 ? (
        <p className="empty">
          {searching
            ? 'No articles match. Try fewer or different words.'
            : selection.view === 'bookmarks'
              ? 'No bookmarks yet. Press b or the Bookmark button on a story to keep it here.'
              : selection.view === 'unread'
                ? 'All caught up: nothing unread here.'
                : 'Nothing here yet. Sync to fetch new stories.'}
        </p>
      ) : (
        <div
          role="listbox"
          aria-label={`${title} articles`}
          ref={listbox}
          className="virtual-list"
          style={{ height: rows.length * ROW_HEIGHT }}
        >
          {rows.slice(first, last).map((row, i) => (
            <div
              key={row.id}
              id={`article-${row.id}`}
              role="option"
              tabIndex={row.id === focusable ? 0 : -1}
              aria-selected={row.id === currentId}
              aria-posinset={first + i + 1}
              aria-setsize={rows.length}
              style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
              className={`article-row${row.read ? ' read' : ''}${row.thumbnailUrl ? ' has-thumbnail' : ''}`}
              onClick={() => void open(row.id)}
              onKeyDown={(e) => onKeyDown(e, row.id)}
            >
              {row.thumbnailUrl && (
                <img
                  className="row-thumbnail"
                  src={row.thumbnailUrl}
                  alt=""
                  loading="lazy"
                  referrerPolicy="no-referrer"
                  onError={(e) => {
                    e.currentTarget.hidden = true;
                  }}
                />
              )}
              <div className="row-meta">
                <span className="row-source">{row.feedTitle}</span>
                <span aria-hidden="true"> · </span>
                <time dateTime={row.publishedAt}>{relativeTime(row.publishedAt)}</time>
                {row.bookmarked && <span className="row-bookmark"> ★ Bookmarked</span>}
                {!row.read && <span className="visually-hidden">, unread</span>}
              </div>
              <div className="row-title">
                <Highlight text={row.title} query={searchText} />
              </div>
              {row.excerpt && (
                <div className="row-excerpt">
                  <Highlight text={row.excerpt} query={searchText} />
                </div>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
