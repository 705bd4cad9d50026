import { type Selection, useLibrary } from '../../store/library-store.ts';

const SMART_VIEWS: { view: Selection['view']; label: string }[] = [
  { view: 'all', label: 'All articles' },
  { view: 'unread', label: 'Unread' },
  { view: 'bookmarks', label: 'Bookmarks' },
];

/** The sections navigation: smart views, then each section with its unread count and feeds. */
export function SectionsNav() {
  const sections = useLibrary((s) => s.sections);
  const feeds = useLibrary((s) => s.feeds);
  const selection = useLibrary((s) => s.selection);
  const select = useLibrary((s) => s.select);
  const totalUnread =
    sections.reduce((sum, s) => sum + s.unreadCount, 0) +
    feeds.filter((f) => f.sectionId === null).reduce((sum, f) => sum + f.unreadCount, 0);

  return (
    <nav className="sections" aria-label="Sections">
      <ul>
        {SMART_VIEWS.map(({ view, label }) => (
          <li key={view}>
            <button
              type="button"
              className="nav-item"
              aria-current={selection.view === view && selection.sectionId === undefined ? 'page' : undefined}
              onClick={() => void select({ view })}
            >
              <span>{label}</span>
              {view === 'unread' && totalUnread > 0 && <UnreadCount count={totalUnread} />}
            </button>
          </li>
        ))}
      </ul>
      <h2 className="nav-heading">Sections</h2>
      <ul>
        {sections.map((section) => {
          const sectionFeeds = feeds.filter((f) => f.sectionId === section.id);
          const failing = sectionFeeds.filter((f) => f.lastError);
          return (
            <li key={section.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={selection.sectionId === section.id ? 'page' : undefined}
                onClick={() => void select({ view: 'all', sectionId: section.id })}
              >
                <span>{section.name}</span>
                {section.unreadCount > 0 && <UnreadCount count={section.unreadCount} />}
              </button>
              {failing.length > 0 && (
                <ul className="feed-errors">
                  {failing.map((f) => (
                    <li key={f.id} className="feed-error" title={f.lastError ?? undefined}>
                      {f.title}: {f.lastError}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function UnreadCount({ count }: { count: number }) {
  return (
    <span className="count">
      {count}
      <span className="visually-hidden"> unread</span>
    </span>
  );
}
