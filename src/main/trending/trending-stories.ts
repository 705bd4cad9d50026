import type { Database } from 'better-sqlite3';
import type { StoryArticle, TrendingItem, TrendingQuery } from '../../shared/api.ts';
import { prepared } from '../db/prepared.ts';
import { cosine, type Fingerprint } from './fingerprint.ts';
import { fingerprintsOf } from './fingerprint-store.ts';
import { type FeedIdentity, publishers } from './publisher.ts';
import { ENGAGEMENT, keepHighest, type ScoredStory, SINGLE_SOURCE_BREADTH, type StoryMember, scoreBound, scoreStories } from './score.ts';

const HOUR = 60 * 60 * 1000;
export const DEFAULT_WINDOW_HOURS = 72;
/** Publishers sometimes date articles a little ahead; the writer already clamps worse. */
const FUTURE_SLACK_MS = 24 * HOUR;
/** Articles listed per story (its newest); `sources` still counts them all. */
const MAX_LISTED = 20;

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
export function trendingStories(db: Database, query: TrendingQuery & { now?: number; all?: boolean } = {}): TrendingItem[] {
  if (query.all) return everyStory(db, query, query.now ?? Date.now());
  if (query.now !== undefined) return computeTrending(db, query, query.now);
  // The sidebar asks again after every change the UI hears of; an unchanged library in
  // the same minute has the same answer. Any commit (this connection's, or the sync
  // thread's) changes the key.
  const now = Date.now();
  const version = prepared<[], number>(db, 'PRAGMA data_version').pluck().get();
  const changes = prepared<[], number>(db, 'SELECT total_changes()').pluck().get();
  const key = JSON.stringify([version, changes, Math.floor(now / 60_000), query.sectionId, query.windowHours, query.limit]);
  const cached = lastAnswers.get(db);
  if (cached?.key === key) return cached.stories;
  const stories = computeTrending(db, query, now);
  lastAnswers.set(db, { key, stories });
  return stories;
}

const lastAnswers = new WeakMap<Database, { key: string; stories: TrendingItem[] }>();

function computeTrending(db: Database, query: TrendingQuery, now: number): TrendingItem[] {
  const windowMs = (query.windowHours ?? DEFAULT_WINDOW_HOURS) * HOUR;
  const limit = query.limit ?? 8;
  const feeds = feedInfo(db);
  const ranked =
    query.sectionId === undefined
      ? globalTrending(db, { now, windowMs, limit, feeds })
      : sectionTrending(db, query.sectionId, { now, windowMs, limit, feeds });
  if (ranked) return ranked;
  const members = windowMembers(db, query, now, windowMs, feeds);
  // The reader's own reading can still lift these stories into the first places; only
  // their articles' state is read, then they are scored with it.
  const contenders = scoreStories(members, now, windowMs, { contendersFor: limit }).flatMap((story) => story.members);
  return finishTrending(db, contenders, now, windowMs, limit, feeds);
}

/**
 * Every story of the window, in score order, one-article stories included, each with
 * all its articles: what `cli trending --all` lists (and the evaluation scores).
 */
function everyStory(db: Database, query: TrendingQuery, now: number): TrendingItem[] {
  const windowMs = (query.windowHours ?? DEFAULT_WINDOW_HOURS) * HOUR;
  const feeds = feedInfo(db);
  const members = windowMembers(db, query, now, windowMs, feeds);
  const all = members.length;
  return finishTrending(db, members, now, windowMs, all, feeds, all);
}

/** The window's articles (of one section's stories, when asked) as scoring reads them. */
function windowMembers(db: Database, query: TrendingQuery, now: number, windowMs: number, feeds: Map<number, FeedInfo>): StoryMember[] {
  // Index-only: time, publisher and story of every article in the window — of the
  // section's feeds only, through the feed index, when a section is asked for.
  const window = { since: now - windowMs, until: now + FUTURE_SLACK_MS };
  const rows =
    query.sectionId === undefined
      ? prepared<typeof window, ArticleRow>(
          db,
          `SELECT a.id, coalesce(a.story_id, a.id), a.feed_id, a.published_at FROM articles a INDEXED BY articles_recent
           WHERE a.published_at >= @since AND a.published_at <= @until`,
        )
          .raw()
          .all(window)
      : prepared<typeof window & { sectionId: number }, ArticleRow>(
          db,
          `SELECT a.id, coalesce(a.story_id, a.id), a.feed_id, a.published_at FROM articles a INDEXED BY articles_by_feed_time
           WHERE a.feed_id IN (SELECT id FROM feeds WHERE section_id = @sectionId) AND a.published_at >= @since AND a.published_at <= @until`,
        )
          .raw()
          .all({ ...window, sectionId: query.sectionId });
  if (query.sectionId !== undefined && rows.length > 0) {
    // A section's stories count all their sources, in whatever section those file them.
    const elsewhere = prepared<typeof window & { sectionId: number; stories: string }, ArticleRow>(
      db,
      `SELECT a.id, a.story_id, a.feed_id, a.published_at FROM articles a
       WHERE a.story_id IN (SELECT value FROM json_each(@stories)) AND a.published_at >= @since AND a.published_at <= @until
         AND a.feed_id NOT IN (SELECT id FROM feeds WHERE section_id = @sectionId)`,
    )
      .raw()
      .all({ ...window, sectionId: query.sectionId, stories: JSON.stringify([...new Set(rows.map((row) => row[1]))]) });
    rows.push(...elsewhere);
  }
  return rows.map((row) => toMember(row, feeds));
}

/**
 * All sections: the stories are taken in order of the most they could score (see
 * `stories` and scoreBound), and each is scored from its own articles, until no story
 * left could reach the first places — typically a few hundred of the window's
 * thousands. Articles that never joined a story (already old when they arrived) are
 * left out; they could only ever be one-article stories from days ago.
 */
/** What a sidebar's answer is computed for. */
interface Asked {
  now: number;
  windowMs: number;
  limit: number;
  feeds: Map<number, FeedInfo>;
}

/** The window's bounds: its length back from now, and a little slack for clocks ahead. */
const boundsOf = ({ now, windowMs }: Asked) => ({ since: now - windowMs, until: now + FUTURE_SLACK_MS });

function globalTrending(db: Database, asked: Asked): TrendingItem[] | null {
  const { now, windowMs } = asked;
  const { since, until } = boundsOf(asked);
  const candidates = prepared<{ since: number; until: number; now: number; decay: number }, [number, number, number]>(
    db,
    `SELECT id, articles, latest_at FROM stories WHERE latest_at >= @since AND latest_at <= @until
     ORDER BY ${BOUND_ORDER}, id`,
  )
    .raw()
    .iterate({ since, until, now, decay: windowMs / 3 });
  return bestStories(db, candidates, [], asked);
}

/** SQL for scoreBound's order (most first): stories are read in it, so the first ones left that cannot place end the walk. */
const BOUND_ORDER = `(CASE WHEN articles >= 2 THEN articles ELSE ${SINGLE_SOURCE_BREADTH} END) * exp(-(@now - min(latest_at, @now)) / @decay) DESC`;

/**
 * One section: the same walk over the stories that have an article of the section in
 * the window (each still counts all its sources, in whatever section those file them),
 * plus the section's articles that never joined a story, each a story of its own.
 * At 1,000,000 articles a section's stories hold ~17,000 articles of other sections;
 * reading and scoring them all took ~20 ms, the walk reads a few hundred.
 */
function sectionTrending(db: Database, sectionId: number, asked: Asked): TrendingItem[] | null {
  const { now, windowMs, feeds } = asked;
  const { since, until } = boundsOf(asked);
  const rows = prepared<{ since: number; until: number; sectionId: number }, [number, number | null, number, number]>(
    db,
    `SELECT a.id, a.story_id, a.feed_id, a.published_at FROM articles a INDEXED BY articles_by_feed_time
     WHERE a.feed_id IN (SELECT id FROM feeds WHERE section_id = @sectionId) AND a.published_at >= @since AND a.published_at <= @until`,
  )
    .raw()
    .all({ since, until, sectionId });
  // Nothing of the section in the window: nothing to fall back to either.
  if (rows.length === 0) return [];
  const singles = rows.filter((row) => row[1] === null).map(([id, , feedId, at]) => toMember([id, id, feedId, at], feeds));
  const storyIds = [...new Set(rows.flatMap((row) => (row[1] === null ? [] : [row[1]])))];
  const candidates = prepared<{ ids: string; now: number; decay: number }, [number, number, number]>(
    db,
    `SELECT id, articles, latest_at FROM stories WHERE id IN (SELECT value FROM json_each(@ids)) ORDER BY ${BOUND_ORDER}, id`,
  )
    .raw()
    .iterate({ ids: JSON.stringify(storyIds), now, decay: windowMs / 3 });
  return bestStories(db, candidates, singles, asked);
}

/**
 * Walks candidate stories in order of the most they could score (see scoreBound),
 * scoring each from its own articles of the window, until no story left could reach
 * the first places; `singles` are one-article stories scored beside them. Null when
 * there was nothing to walk.
 */
function bestStories(
  db: Database,
  candidates: Iterable<[number, number, number]>,
  singles: StoryMember[],
  asked: Asked,
): TrendingItem[] | null {
  const { now, windowMs, limit, feeds } = asked;
  const { since, until } = boundsOf(asked);
  const membersOf = prepared<[number, number, number], ArticleRow>(
    db,
    `SELECT id, story_id, feed_id, published_at FROM articles INDEXED BY articles_by_story
     WHERE story_id = ? AND published_at >= ? AND published_at <= ?`,
  ).raw();
  const scored: ScoredStory[] = scoreStories(singles, now, windowMs);
  const best: number[] = [];
  for (const story of scored) keepHighest(best, story.score, limit);
  let seen = scored.length;
  for (const [storyId, articles, latestAt] of candidates) {
    seen++;
    if (best.length === limit && scoreBound(articles, latestAt, now, windowMs) < (best[limit - 1] as number)) break;
    const members = membersOf.all(storyId, since, until).map((row) => toMember(row, feeds));
    const [story] = scoreStories(members, now, windowMs);
    if (!story) continue;
    scored.push(story);
    keepHighest(best, story.score, limit);
  }
  if (seen === 0) return null;
  const nth = best[limit - 1] ?? 0;
  const contenders = scored.filter((story) => story.score * ENGAGEMENT >= nth).flatMap((story) => story.members);
  return finishTrending(db, contenders, now, windowMs, limit, feeds);
}

/** An article of the window as the query reads it: id, story, feed, publication time. */
type ArticleRow = [number, number, number, number];

function toMember([articleId, storyId, feedId, publishedAt]: ArticleRow, feeds: Map<number, FeedInfo>): StoryMember {
  return { articleId, storyId, source: feeds.get(feedId)?.source ?? String(feedId), publishedAt, engaged: false };
}

/** Reads the contenders' reading state, scores them with it, and describes the first few. */
function finishTrending(
  db: Database,
  contenders: StoryMember[],
  now: number,
  windowMs: number,
  limit: number,
  feeds: Map<number, FeedInfo>,
  listed = MAX_LISTED,
): TrendingItem[] {
  const engaged = new Set(
    prepared<[string], number>(
      db,
      'SELECT article_id FROM article_state WHERE article_id IN (SELECT value FROM json_each(?)) AND (read = 1 OR bookmarked = 1)',
    )
      .pluck()
      .all(JSON.stringify(contenders.map((m) => m.articleId))),
  );
  for (const member of contenders) member.engaged = engaged.has(member.articleId);
  return scoreStories(contenders, now, windowMs)
    .slice(0, limit)
    .map((story) => describeStory(db, story, feeds, listed));
}

/** A scored story as the sidebar and the CLI show it: its representative headline, section and articles. */
function describeStory(db: Database, story: ScoredStory, feeds: Map<number, FeedInfo>, listed: number): TrendingItem {
  // A story's newest articles speak for it (a running story can have hundreds).
  const ids = [...story.members]
    .sort((a, b) => b.publishedAt - a.publishedAt || b.articleId - a.articleId)
    .slice(0, listed)
    .map((m) => m.articleId);
  const articles = prepared<[string], { id: number; feedId: number; title: string; url: string | null; publishedAt: number }>(
    db,
    `SELECT id, feed_id AS feedId, title, url, published_at AS publishedAt FROM articles
       WHERE id IN (SELECT value FROM json_each(?)) ORDER BY published_at DESC, id DESC`,
  ).all(JSON.stringify(ids));
  // The most representative article: the one nearest the story's centre (ties: the
  // earliest). Of two, neither speaks for the other more: the earliest.
  const prints = articles.length > 2 ? fingerprintsOf(db, articles) : new Map<number, Fingerprint>();
  const centre: Fingerprint = { weights: new Map(), entities: new Set(), lower: new Set() };
  for (const fp of prints.values()) for (const [term, w] of fp.weights) centre.weights.set(term, (centre.weights.get(term) ?? 0) + w);
  let best = articles.at(-1);
  let bestScore = -1;
  for (const article of [...articles].reverse()) {
    const own = prints.get(article.id);
    const score = own ? cosine(own, centre) : -1;
    if (score > bestScore) {
      bestScore = score;
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
  return prepared<[number, number], { id: number; feedTitle: string; title: string; url: string | null; publishedAt: number }>(
    db,
    `SELECT a.id, f.title AS feedTitle, a.title, a.url, a.published_at AS publishedAt FROM articles a JOIN feeds f ON f.id = a.feed_id
     WHERE a.story_id = (SELECT story_id FROM articles WHERE id = ?) AND a.id <> ?
     ORDER BY a.published_at, a.id LIMIT 20`,
  )
    .all(articleId, articleId)
    .map((a) => ({ ...a, publishedAt: new Date(a.publishedAt).toISOString() }));
}

/** Each feed's title, section and source: its publisher (see publisher.ts), so one publisher's feeds are one source. */
function feedInfo(db: Database): Map<number, FeedInfo> {
  const rows = prepared<[], FeedIdentity & { sectionId: number | null; sectionName: string | null }>(
    db,
    `
      SELECT f.id, f.title, f.url, f.site_url AS siteUrl, f.publisher, f.section_id AS sectionId, s.name AS sectionName
      FROM feeds f LEFT JOIN sections s ON s.id = f.section_id`,
  ).all();
  const sources = publishers(rows);
  return new Map(
    rows.map((f) => [
      f.id,
      { title: f.title, source: sources.get(f.id) ?? String(f.id), sectionId: f.sectionId, sectionName: f.sectionName },
    ]),
  );
}
