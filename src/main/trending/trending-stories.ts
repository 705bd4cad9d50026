import type { Database } from 'better-sqlite3';
import type { StoryArticle, TrendingItem, TrendingQuery } from '../../shared/api.ts';
import { cosine, decodeFingerprint } from './fingerprint.ts';
import { type ScoredStory, type StoryMember, scoreStories } from './score.ts';

const HOUR = 60 * 60 * 1000;
export const DEFAULT_WINDOW_HOURS = 72;
/** Publishers sometimes date articles a little ahead; the writer already clamps worse. */
const FUTURE_SLACK_MS = 24 * HOUR;

interface FeedInfo {
  title: string;
  source: string;
  sectionId: number | null;
  sectionName: string | null;
}

/**
 * The trending stories, globally or in one section: the window's clustered articles are
 * scored per story (see score.ts); only the top stories are then read in full, so the
 * query costs the window, not the library.
 */
export function trendingStories(db: Database, query: TrendingQuery & { now?: number } = {}): TrendingItem[] {
  const now = query.now ?? Date.now();
  const windowMs = (query.windowHours ?? DEFAULT_WINDOW_HOURS) * HOUR;
  const feeds = feedInfo(db);
  const rows = db
    .prepare<
      { since: number; until: number; sectionId: number | null },
      { articleId: number; storyId: number; feedId: number; publishedAt: number; engaged: number }
    >(`
      SELECT a.id AS articleId, a.story_id AS storyId, a.feed_id AS feedId, a.published_at AS publishedAt, st.read | st.bookmarked AS engaged
      FROM articles a INDEXED BY articles_by_time JOIN article_state st ON st.article_id = a.id
      WHERE a.published_at >= @since AND a.published_at <= @until AND a.story_id IS NOT NULL
        AND (@sectionId IS NULL OR a.feed_id IN (SELECT id FROM feeds WHERE section_id = @sectionId))`)
    .all({ since: now - windowMs, until: now + FUTURE_SLACK_MS, sectionId: query.sectionId ?? null });
  const members: (StoryMember & { feedId: number })[] = rows.map((row) => ({
    articleId: row.articleId,
    storyId: row.storyId,
    feedId: row.feedId,
    source: feeds.get(row.feedId)?.source ?? String(row.feedId),
    publishedAt: row.publishedAt,
    engaged: row.engaged !== 0,
  }));
  return scoreStories(members, now, windowMs)
    .slice(0, query.limit ?? 8)
    .map((story) => describeStory(db, story, feeds));
}

/** A scored story as the sidebar and the CLI show it: its representative headline, section and articles. */
function describeStory(db: Database, story: ScoredStory, feeds: Map<number, FeedInfo>): TrendingItem {
  const ids = story.members.map((m) => m.articleId);
  const marks = ids.map(() => '?').join(',');
  const articles = db
    .prepare<number[], { id: number; feedId: number; title: string; url: string | null; publishedAt: number }>(
      `SELECT id, feed_id AS feedId, title, url, published_at AS publishedAt FROM articles WHERE id IN (${marks}) ORDER BY published_at DESC, id DESC`,
    )
    .all(...ids);
  const prints = new Map(
    db
      .prepare<number[], { id: number; terms: string }>(
        `SELECT article_id AS id, terms FROM article_fingerprints WHERE article_id IN (${marks})`,
      )
      .all(...ids)
      .map((row) => [row.id, decodeFingerprint(row.terms)]),
  );
  // The most representative article: the one most like all the others (ties: the earliest).
  let best = articles.at(-1);
  let bestScore = -1;
  for (const article of [...articles].reverse()) {
    const own = prints.get(article.id);
    if (!own) continue;
    let sum = 0;
    for (const [id, other] of prints) if (id !== article.id) sum += cosine(own, other);
    if (sum > bestScore) {
      bestScore = sum;
      best = article;
    }
  }
  // The story's section: where most of its articles are filed (ties: the representative's).
  const votes = new Map<string | null, number>();
  for (const a of articles) {
    const section = feeds.get(a.feedId)?.sectionName ?? null;
    votes.set(section, (votes.get(section) ?? 0) + 1);
  }
  const representativeSection = best ? (feeds.get(best.feedId)?.sectionName ?? null) : null;
  let sectionName = representativeSection;
  for (const [section, count] of votes) if (count > (votes.get(sectionName) ?? 0)) sectionName = section;
  return {
    storyId: story.storyId,
    articleId: best?.id ?? story.storyId,
    sectionName,
    headline: best?.title ?? '',
    publishedAt: new Date(story.latestPublished).toISOString(),
    sources: story.sources,
    score: Math.round(story.score * 10_000) / 10_000,
    articles: articles.map((a) => toStoryArticle(a, feeds)),
  };
}

function toStoryArticle(
  a: { id: number; feedId: number; title: string; url: string | null; publishedAt: number },
  feeds: Map<number, FeedInfo>,
): StoryArticle {
  return {
    id: a.id,
    feedTitle: feeds.get(a.feedId)?.title ?? '',
    title: a.title,
    url: a.url,
    publishedAt: new Date(a.publishedAt).toISOString(),
  };
}

/** The other articles of an article's story, oldest first, for the reader's "Also covered by". */
export function alsoCoveredBy(db: Database, articleId: number): StoryArticle[] {
  const feeds = feedInfo(db);
  return db
    .prepare<[number, number], { id: number; feedId: number; title: string; url: string | null; publishedAt: number }>(`
      SELECT a.id, a.feed_id AS feedId, a.title, a.url, a.published_at AS publishedAt FROM articles a
      WHERE a.story_id = (SELECT story_id FROM articles WHERE id = ?) AND a.id <> ?
      ORDER BY a.published_at, a.id LIMIT 20`)
    .all(articleId, articleId)
    .map((a) => toStoryArticle(a, feeds));
}

/** Each feed's title, section and source: its publisher's host, so one publisher's feeds are one source. */
function feedInfo(db: Database): Map<number, FeedInfo> {
  const rows = db
    .prepare<[], { id: number; title: string; url: string; siteUrl: string | null; sectionId: number | null; sectionName: string | null }>(`
      SELECT f.id, f.title, f.url, f.site_url AS siteUrl, f.section_id AS sectionId, s.name AS sectionName
      FROM feeds f LEFT JOIN sections s ON s.id = f.section_id`)
    .all();
  return new Map(
    rows.map((f) => [f.id, { title: f.title, source: publisher(f.siteUrl ?? f.url), sectionId: f.sectionId, sectionName: f.sectionName }]),
  );
}

function publisher(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
