import type { FeedSummary } from '../../../../shared/api.ts';
import { relativeTime } from '../../lib/relative-time.ts';
import { type Selection, useLibrary } from '../../store/library-store.ts';
import { ImportOpmlButton } from '../onboarding/ImportOpmlButton.tsx';
import { ExportOpmlButton, FeedOptions, SectionOptions } from './EditDialogs.tsx';

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
          return (
            <li key={section.id} className="section-entry">
              <button
                type="button"
                className="nav-item"
                aria-current={selection.sectionId === section.id ? 'page' : undefined}
                onClick={() => void select({ view: 'all', sectionId: section.id })}
              >
                <span>{section.name}</span>
                {section.unreadCount > 0 && <UnreadCount count={section.unreadCount} />}
              </button>
              <SectionOptions section={section} />
              <FeedList feeds={sectionFeeds} />
            </li>
          );
        })}
      </ul>
      {feeds.some((f) => f.sectionId === null) && (
        <>
          <h2 className="nav-heading">Other feeds</h2>
          <FeedList feeds={feeds.filter((f) => f.sectionId === null)} />
        </>
      )}
      <div className="nav-footer">
        <ImportOpmlButton />
        <ExportOpmlButton />
      </div>
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

/** A section's feeds with their health: the error in words when the last fetch failed. */
function FeedList({ feeds }: { feeds: FeedSummary[] }) {
  if (feeds.length === 0) return null;
  return (
    <ul className="feeds" aria-label="Feeds">
      {feeds.map((feed) => (
        <li
          key={feed.id}
          className={`feed${feed.lastError ? ' failing' : ''}`}
          title={feed.lastSuccessAt ? `Last updated ${relativeTime(feed.lastSuccessAt)}` : 'Not fetched yet'}
        >
          <span className="feed-title">
            {feed.title || feed.url}
            <FeedOptions feed={feed} />
          </span>
          {feed.lastError && (
            <span className="feed-error" role="note">
              <span aria-hidden="true">⚠ </span>
              {feed.lastError}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
