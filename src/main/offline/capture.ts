import type { Database } from 'better-sqlite3';
import { describeStorageError } from '../db/storage-errors.ts';
import { htmlToWords } from '../feeds/parse/text.ts';
import { reindexArticle } from '../library/search-index.ts';
import { readSettings } from '../library/settings.ts';
import { HostLimiter } from '../sync/host-limiter.ts';
import { articleImageUrls } from './article-image-urls.ts';
import { CAPTURE_WINDOW_MS, FULL_TEXT_WINDOW_MS, IMAGE_WINDOW_MS } from './capture-windows.ts';
import {
  evictImages,
  imagesToFetch,
  linkArticleImages,
  recordImageFailure,
  recordStoredImage,
  sweepStrayImageFiles,
} from './image-cache.ts';
import { keepPicture as keepPictureHere, type PictureKeeper } from './keep-picture.ts';
import type { PageReader } from './read-page.ts';

/** Articles per routine pass (newest first); the rest wait for the next sync. */
const PASS_LIMIT = 200;
const CONCURRENCY = 12;
/** Unreachable servers in a row, with none answering, after which the pass decides the network is gone. */
const OFFLINE_STREAK = 4;
let swept = false;

export interface CaptureOptions {
  dataDir: string;
  readPage: PageReader;
  /** Capture these articles whatever their age (bookmarking one), instead of the routine pass. */
  articleIds?: number[];
  limit?: number;
  now?: () => number;
  /**
   * Downloads a picture and writes its file: the reader threads' in a sync (the bytes
   * never reach this thread, which only records rows); this thread's own by default.
   */
  keepPicture?: PictureKeeper;
  /** The app is closing: stop at once; what was not finished is recorded nowhere and waits for the next pass. */
  signal?: AbortSignal;
}

export interface CaptureSummary {
  articles: number;
  extracted: number;
  failed: number;
  images: number;
  imageBytes: number;
  imageFailures: number;
  /** Pictures (or pages) fetched but not stored (a full disk, say): nothing recorded, tried again next pass. */
  unstored: number;
  /** Why the last of those could not be stored, in words. */
  storageError: string | null;
  evicted: number;
  /** Set when the network was unreachable: what was left waits for the next pass. */
  offline: boolean;
  durationMs: number;
}

interface Candidate {
  id: number;
  url: string | null;
  title: string;
  contentHtml: string;
  fullHtml: string | null;
  status: string | null;
  thumbnailUrl: string | null;
  publishedAt: number;
  mode: 'auto' | 'always' | 'never';
  bookmarked: number;
}

const CANDIDATE_SELECT = `
  SELECT a.id, a.url, a.title, a.content_html AS contentHtml, a.full_html AS fullHtml, a.full_text_status AS status,
    a.thumbnail_url AS thumbnailUrl, a.published_at AS publishedAt, f.full_text AS mode, st.bookmarked
  FROM articles a JOIN feeds f ON f.id = a.feed_id JOIN article_state st ON st.article_id = a.id`;

/**
 * Makes articles readable offline: for summary-only feeds it reads the article's page
 * and keeps the readable text (see extract-article.ts), and it keeps the pictures the
 * article shows (see image-cache.ts). Runs on the sync thread after each sync, and for
 * one article when it is bookmarked. A failure is recorded on the article in words; an
 * unreachable network records nothing, so the next pass tries again.
 */
export async function captureArticles(db: Database, options: CaptureOptions): Promise<CaptureSummary> {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const keepPicture = options.keepPicture ?? keepPictureHere;
  const forced = options.articleIds !== undefined;
  const candidates = forced
    ? db
        .prepare<number[], Candidate>(`${CANDIDATE_SELECT} WHERE a.id IN (${options.articleIds?.map(() => '?').join(',')})`)
        .all(...(options.articleIds ?? []))
    : routineCandidates(db, started, options.limit ?? PASS_LIMIT);
  const summary: CaptureSummary = {
    articles: 0,
    extracted: 0,
    failed: 0,
    images: 0,
    imageBytes: 0,
    imageFailures: 0,
    unstored: 0,
    storageError: null,
    evicted: 0,
    offline: false,
    durationMs: 0,
  };
  const limiter = new HostLimiter(6);
  const write = writeStatements(db);
  // Once per process: what an earlier crash left in the pictures folder goes first.
  if (!forced && !swept) {
    swept = true;
    sweepStrayImageFiles(db, options.dataDir);
  }

  // "Offline" failures (no DNS, connection refused) mean the network is gone only if
  // nothing answered at all in this pass; otherwise it is that one server, and the
  // article records the failure like any other.
  let answered = false;
  let offlineStreak = 0;
  const unreachable: { id: number; message: string }[] = [];
  const unreachableImages: { url: string; message: string }[] = [];
  const stopped = () => options.signal?.aborted === true;
  const networkGone = () => stopped() || (!answered && offlineStreak >= OFFLINE_STREAK);
  const heard = (offline: boolean) => {
    if (offline) offlineStreak++;
    else {
      answered = true;
      offlineStreak = 0;
    }
  };

  const captureOne = async (article: Candidate) => {
    let complete = true;
    const keep = forced || article.bookmarked === 1;
    const age = started - article.publishedAt;
    const feedText = htmlToWords(article.contentHtml);
    const wantsPage =
      article.url !== null &&
      article.mode !== 'never' &&
      article.status !== 'extracted' &&
      (article.mode === 'always' || looksLikeSummary(feedText)) &&
      (keep || age <= FULL_TEXT_WINDOW_MS);
    let html = article.fullHtml ?? article.contentHtml;
    let status = article.status ?? (article.mode === 'never' || !looksLikeSummary(feedText) ? 'feed' : 'skipped');
    let error: string | null = null;
    let urls: string[] = [];
    let outcomes: PictureOutcome[] = [];
    if (wantsPage && article.url) {
      const url = article.url;
      const page = await limiter.run(url, () => options.readPage({ url }));
      if (stopped()) return;
      heard(page.kind === 'failed' && page.offline);
      if (page.kind === 'failed' && page.offline) {
        // Our own network down (no name server answers): the page is not at fault, and stays due.
        if (!page.networkDown) unreachable.push({ id: article.id, message: page.message });
        return;
      }
      if (page.kind === 'failed') {
        status = 'failed';
        error = page.message;
        summary.failed++;
      } else if (article.mode === 'always' || page.text.length > feedText.length * 1.2) {
        status = 'extracted';
        html = page.html;
        write.fullText.run(page.html, article.id);
        reindexArticle(db, article.id, article.title, page.text);
        summary.extracted++;
      } else {
        // The page says no more than the feed did: the feed carried the whole article.
        status = 'feed';
      }
    }

    if (keep || age <= IMAGE_WINDOW_MS) {
      urls = articleImageUrls(html, article.url, article.thumbnailUrl);
      // An article's pictures are fetched side by side (six per host at most, by the
      // limiter), so one slow or unreachable host does not hold up the others.
      outcomes = await Promise.all(imagesToFetch(db, urls, keep).map((url) => (networkGone() ? 'unstored' : keepImage(url))));
      if (outcomes.includes('unstored')) complete = false;
    }
    if (stopped()) return;
    // The article's rows in one transaction (a commit per row was most of this thread's
    // work in a capture): its pictures' links, the rows of those whose files were just
    // written, and — last — that it is done. An article whose picture could not be
    // stored stays due, so the next pass tries again.
    const kept = outcomes.filter((outcome): outcome is KeptPicture => typeof outcome === 'object');
    db.transaction(() => {
      linkArticleImages(db, article.id, urls);
      for (const picture of kept) recordStoredImage(db, picture, now());
      write.done.run(status, error, complete ? now() : null, article.id);
    }).immediate();
    for (const picture of kept) {
      if (picture.counted) continue;
      picture.counted = true;
      summary.images++;
      summary.imageBytes += picture.bytes;
    }
    summary.articles++;
  };

  // One download per picture and pass, however many articles show it: the others wait for it.
  const imageJobs = new Map<string, Promise<PictureOutcome>>();
  const keepImage = (imageUrl: string) => {
    let job = imageJobs.get(imageUrl);
    if (!job) {
      job = downloadImage(imageUrl);
      imageJobs.set(imageUrl, job);
    }
    return job;
  };
  const downloadImage = async (imageUrl: string): Promise<PictureOutcome> => {
    const image = await limiter.run(imageUrl, () => keepPicture({ url: imageUrl, dataDir: options.dataDir }, options.signal));
    if (stopped()) return 'unstored';
    heard(image.kind === 'failed' && image.offline);
    if (image.kind === 'unstored') {
      noteUnstored(image.message);
      return 'unstored';
    }
    if (image.kind === 'failed') {
      if (image.offline) {
        if (!image.networkDown) unreachableImages.push({ url: imageUrl, message: image.message });
        return 'unstored';
      }
      recordImageFailure(db, imageUrl, image.message, now());
      summary.imageFailures++;
      return 'failed';
    }
    return { url: imageUrl, contentType: image.contentType, bytes: image.bytes, counted: false };
  };
  const noteUnstored = (words: string) => {
    summary.unstored++;
    summary.storageError = words;
  };

  let next = 0;
  const worker = async () => {
    while (next < candidates.length && !networkGone()) {
      // Whatever goes wrong storing one article (a full disk, a locked file) is counted
      // and left for the next pass; it never ends the pass or the sync around it.
      await captureOne(candidates[next++] as Candidate).catch((failure) => noteUnstored(describeStorageError(failure)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, candidates.length) }, worker));

  if (stopped()) {
    summary.durationMs = now() - started;
    return summary;
  }
  if (answered) {
    for (const { id, message } of unreachable) write.done.run('failed', message, now(), id);
    summary.failed += unreachable.length;
    // Others answered, so those picture hosts are down, not the network: not asked again routinely.
    for (const { url, message } of unreachableImages) recordImageFailure(db, url, message, now());
    summary.imageFailures += unreachableImages.length;
  } else {
    summary.offline = unreachable.length > 0 || offlineStreak > 0;
  }

  const capBytes = readSettings(db).imageCacheMB * 1024 * 1024;
  summary.evicted = evictImages(db, options.dataDir, capBytes).removed;
  summary.durationMs = now() - started;
  return summary;
}

/**
 * Routine passes one after another until every recent article is captured: a sync's
 * new articles are all readable offline when it ends, not 200 of them (the rest a pass
 * per later sync, each pass then downloading the next pictures). Each pass holds at
 * most PASS_LIMIT articles, so memory does not grow with the backlog; it stops when the
 * network is gone, the disk is full, the app closes, or after as many passes as the
 * backlog needs when it began (a pass always settles its articles, but never loop).
 */
export async function captureBacklog(db: Database, options: CaptureOptions): Promise<CaptureSummary> {
  const started = (options.now ?? (() => Date.now()))();
  const limit = options.limit ?? PASS_LIMIT;
  const backlog = db
    .prepare<{ old: number }, number>(`
      SELECT count(*) FROM articles INDEXED BY articles_recent WHERE published_at >= @old AND captured_at IS NULL`)
    .pluck()
    .get({ old: started - CAPTURE_WINDOW_MS }) as number;
  const total = await captureArticles(db, options);
  for (let pass = 1; pass < Math.ceil(backlog / limit); pass++) {
    if (total.offline || total.storageError || options.signal?.aborted) break;
    const next = await captureArticles(db, options);
    if (next.articles === 0) break;
    for (const key of [
      'articles',
      'extracted',
      'failed',
      'images',
      'imageBytes',
      'imageFailures',
      'unstored',
      'evicted',
      'durationMs',
    ] as const)
      total[key] += next[key];
    total.offline = next.offline;
    total.storageError = next.storageError;
  }
  return total;
}

/**
 * The routine pass's articles: the newest not yet captured, and bookmarks waiting (one
 * bookmarked while offline, say). Articles older than every capture window that nobody
 * bookmarked are settled in one statement, with nothing to fetch. Both reads walk the
 * time index, never the articles' bodies.
 */
function routineCandidates(db: Database, now: number, limit: number): Candidate[] {
  const old = now - CAPTURE_WINDOW_MS;
  db.prepare(`
    UPDATE articles SET captured_at = @now, full_text_status = coalesce(full_text_status, 'skipped')
    WHERE id IN (SELECT a.id FROM articles a INDEXED BY articles_recent WHERE a.published_at < @old AND a.captured_at IS NULL)
      AND id NOT IN (SELECT article_id FROM article_state WHERE bookmarked = 1)`).run({ now, old });
  const recent = db
    .prepare<{ old: number; limit: number }, Candidate>(`
      ${CANDIDATE_SELECT} WHERE a.id IN (
        SELECT r.id FROM articles r INDEXED BY articles_recent WHERE r.published_at >= @old AND r.captured_at IS NULL
        ORDER BY r.published_at DESC LIMIT @limit)
      ORDER BY a.published_at DESC`)
    .all({ old, limit });
  const bookmarked = db
    .prepare<{ limit: number }, Candidate>(`
      ${CANDIDATE_SELECT} WHERE st.bookmarked = 1 AND a.captured_at IS NULL ORDER BY st.bookmarked_at DESC LIMIT @limit`)
    .all({ limit });
  const seen = new Set(recent.map((c) => c.id));
  return [...recent, ...bookmarked.filter((c) => !seen.has(c.id))];
}

/**
 * A feed entry that is a teaser rather than the article: short, or ending the way
 * truncated summaries end ("…", "[…]", "Read more").
 */
export function looksLikeSummary(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 1200) return true;
  return trimmed.length < 4000 && /(…|\.\.\.|\[…\]|\[\.\.\.\]|read more|continue reading\W*)$/i.test(trimmed.slice(-40));
}

/** A picture whose file is in place, its row written with the first article that shows it (`counted` once there). */
interface KeptPicture {
  url: string;
  contentType: string;
  bytes: number;
  counted: boolean;
}
type PictureOutcome = KeptPicture | 'failed' | 'unstored';

function writeStatements(db: Database) {
  return {
    fullText: db.prepare('UPDATE articles SET full_html = ? WHERE id = ?'),
    done: db.prepare('UPDATE articles SET full_text_status = ?, full_text_error = ?, captured_at = ? WHERE id = ?'),
  };
}
