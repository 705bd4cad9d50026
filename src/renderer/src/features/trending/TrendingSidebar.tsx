import { relativeTime } from '../../lib/relative-time.ts';
import { useLibrary } from '../../store/library-store.ts';

/**
 * The trending list beside the reader, in the seed page's shape: section · time, then
 * the headline, then how many sources cover the story. Opening one opens the story's
 * most representative article; the reader lists the others.
 */
export function TrendingSidebar() {
  const trending = useLibrary((s) => s.trending);
  const regrouping = useLibrary((s) => s.storiesRegrouping);
  const open = useLibrary((s) => s.open);
  const section = useLibrary((s) => s.sections.find((x) => x.id === s.selection.sectionId)?.name ?? null);
  return (
    <aside className="trending" aria-label="Trending">
      <h2 className="pane-title">{section ? `Trending in ${section}` : 'Trending'}</h2>
      {regrouping && (
        <p className="trending-note" role="status">
          Grouping stories over the new window…
        </p>
      )}
      {trending.length === 0 ? (
        <p className="empty">Stories will appear here as your feeds bring them in.</p>
      ) : (
        <ol>
          {trending.map((item) => (
            <li key={item.storyId}>
              <button type="button" className="trending-item" onClick={() => void open(item.articleId)}>
                <span className="trending-meta">
                  {item.sectionName && <span className="trending-section">{item.sectionName}</span>}
                  <time dateTime={item.publishedAt}>{relativeTime(item.publishedAt)}</time>
                </span>
                <span className="trending-headline">{item.headline}</span>
                <span className="trending-sources">{item.sources === 1 ? '1 source' : `${item.sources} sources`}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
