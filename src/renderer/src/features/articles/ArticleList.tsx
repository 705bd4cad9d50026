import { type KeyboardEvent, type UIEvent, useEffect, useRef, useState } from 'react';
import { relativeTime } from '../../lib/relative-time.ts';
import { useLibrary } from '../../store/library-store.ts';
import { Highlight } from '../search/Highlight.tsx';
import { ListToolbar } from './ListToolbar.tsx';
import { useVirtualWindow } from './use-virtual-window.ts';

/** Every row has this height (CSS clamps titles to two lines), which is what lets the list be virtual. */
const ROW_HEIGHT = 92;

/**
 * The article list: a grid of one row per article, with a roving focus; the current row
 * is aria-selected. Each row has a Bookmark button. Only the rows in view are in the DOM;
 * more pages load as it scrolls.
 */
export function ArticleList() {
  const rows = useLibrary((s) => s.rows);
  const currentId = useLibrary((s) => s.currentId);
  const open = useLibrary((s) => s.open);
  const loadMore = useLibrary((s) => s.loadMore);
  const moveCurrent = useLibrary((s) => s.moveCurrent);
  const toggleBookmark = useLibrary((s) => s.toggleBookmark);
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
  // A search looks within the section on screen, and says so.
  const scope = selection.sectionId !== undefined ? ` in ${viewTitle}` : '';
  const title = searching ? `Search${scope}: ${searchText.trim()}` : viewTitle;

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
        // biome-ignore lint/a11y/useSemanticElements: a virtual list of absolutely placed rows cannot be a table
        <div
          role="grid"
          aria-label={`${title} articles`}
          aria-rowcount={rows.length}
          ref={listbox}
          className="virtual-list"
          style={{ height: rows.length * ROW_HEIGHT }}
        >
          {rows.slice(first, last).map((row, i) => (
            // biome-ignore lint/a11y/useSemanticElements: a virtual list of absolutely placed rows cannot be a table
            <div
              key={row.id}
              id={`article-${row.id}`}
              role="row"
              tabIndex={row.id === focusable ? 0 : -1}
              aria-selected={row.id === currentId}
              aria-rowindex={first + i + 1}
              style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
              className={`article-row${row.read ? ' read' : ''}${row.thumbnailUrl ? ' has-thumbnail' : ''}`}
              onClick={() => void open(row.id)}
              onKeyDown={(e) => onKeyDown(e, row.id)}
            >
              {/* biome-ignore lint/a11y/useSemanticElements: a virtual list of absolutely placed rows cannot be a table */}
              <div role="gridcell" tabIndex={-1} className="row-main">
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
                  {row.storySize !== undefined && row.storySize > 1 && (
                    <span className="row-story-size"> · +{row.storySize - 1} more on this story</span>
                  )}
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
              {/* biome-ignore lint/a11y/useSemanticElements: a virtual list of absolutely placed rows cannot be a table */}
              <div role="gridcell" tabIndex={-1} className="row-actions">
                {/* Not a tab stop: the row is; keyboard users press b. */}
                <button
                  type="button"
                  tabIndex={-1}
                  className="row-bookmark-button"
                  aria-pressed={row.bookmarked}
                  onClick={(e) => {
                    e.stopPropagation();
                    void toggleBookmark(row.id);
                  }}
                >
                  {row.bookmarked ? 'Remove bookmark' : 'Bookmark'}
                </button>
              </div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
