import { useMemo, useState } from 'react';
import type { ArticleDetail } from '../../../../shared/api.ts';
import { relativeTime } from '../../lib/relative-time.ts';
import { useLibrary } from '../../store/library-store.ts';
import { sanitizeArticle } from './sanitize.ts';

/** The reading view, shaped like the seed page: section label, headline, byline, then the body. */
export function Reader() {
  const article = useLibrary((s) => s.article);
  const fontSize = useLibrary((s) => s.settings.readerFontSize);
  const width = useLibrary((s) => s.settings.readerWidth);
  const toggleBookmark = useLibrary((s) => s.toggleBookmark);
  // "Load pictures" for one article, without changing the feed's setting.
  const [picturesAllowedFor, allowPicturesFor] = useState<number | null>(null);
  const remotePictures = article ? article.remotePictures || picturesAllowedFor === article.id : true;
  const { html: body, blockedPictures } = useMemo(
    () =>
      article
        ? sanitizeArticle(article.contentHtml, { baseUrl: article.url, offlineImages: article.offlineImages, remotePictures })
        : { html: '', blockedPictures: 0 },
    [article, remotePictures],
  );

  if (!article) {
    return (
      <section className="reader reader-empty" aria-label="Reader">
        <p>Choose a story to read it here. Press j and k to move through the list.</p>
      </section>
    );
  }
  return (
    <article
      className="reader"
      aria-labelledby="reader-headline"
      style={{ fontSize: `${fontSize}px`, ['--reading-width' as string]: `${width}em` }}
    >
      <header className="reader-header">
        {article.sectionName && <p className="section-label">{article.sectionName}</p>}
        <h2 id="reader-headline" className="headline">
          {article.title}
        </h2>
        <p className="byline">
          {article.author && <span className="author">By {article.author} · </span>}
          <span className="source">{article.feedTitle}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={article.publishedAt} title={new Date(article.publishedAt).toLocaleString()}>
            {relativeTime(article.publishedAt)}
          </time>
        </p>
        <div className="reader-actions">
          <button type="button" aria-pressed={article.bookmarked} onClick={() => void toggleBookmark(article.id)}>
            {article.bookmarked ? 'Remove bookmark' : 'Bookmark'}
          </button>
          {article.url && (
            <a className="button-link" href={article.url} target="_blank" rel="noopener noreferrer">
              Open original
            </a>
          )}
        </div>
      </header>
      <FullTextNotice fullText={article.fullText} bookmarked={article.bookmarked} />
      {blockedPictures > 0 && (
        <p className="full-text-notice" role="note">
          {blockedPictures === 1 ? '1 picture is' : `${blockedPictures} pictures are`} not kept offline, and this feed does not load
          pictures from the web.{' '}
          <button type="button" className="link-button" onClick={() => allowPicturesFor(article.id)}>
            Load {blockedPictures === 1 ? 'it' : 'them'} this time
          </button>
        </p>
      )}
      {body ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by DOMPurify with an allowlist just above
        <div className="article-body" dangerouslySetInnerHTML={{ __html: body }} />
      ) : (
        <p className="article-body empty">This story has no text in its feed. Open the original to read it.</p>
      )}
      <AlsoCoveredBy articles={article.alsoCoveredBy} />
    </article>
  );
}

/** Says where the text comes from when it is not the whole article: never silently a teaser. */
function FullTextNotice({ fullText, bookmarked }: { fullText: ArticleDetail['fullText']; bookmarked: boolean }) {
  if (fullText.status === 'failed') {
    return (
      <p className="full-text-notice" role="note">
        Showing the feed’s summary: the page could not be read ({fullText.error ?? 'no reason given'}).
      </p>
    );
  }
  if (fullText.status === 'pending' && bookmarked) {
    return (
      <p className="full-text-notice" role="status">
        Saving the full text and pictures for offline reading…
      </p>
    );
  }
  return null;
}

/** The same story in other sources' words (see docs/trending.md). */
function AlsoCoveredBy({ articles }: { articles: ArticleDetail['alsoCoveredBy'] }) {
  const open = useLibrary((s) => s.open);
  if (articles.length === 0) return null;
  return (
    <section className="also-covered" aria-labelledby="also-covered-title">
      <h3 id="also-covered-title">Also covered by</h3>
      <ul>
        {articles.map((a) => (
          <li key={a.id}>
            <button type="button" className="link-button" onClick={() => void open(a.id)}>
              <span className="also-source">{a.feedTitle}</span>: {a.title}
            </button>{' '}
            <time dateTime={a.publishedAt}>{relativeTime(a.publishedAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
