/**
 * The one contract between the renderer and the main process.
 *
 * The Electron preload and the browser-mode client both expose exactly `NewsApi`;
 * the main process implements it once (src/main/library/news-service.ts).
 * Every argument is validated at the boundary (src/shared/api-schema.ts): the
 * renderer is untrusted.
 */

export type Theme = 'light' | 'dark' | 'system';

export interface LibraryStatus {
  schemaVersion: number;
  dataDir: string;
  databasePath: string;
  sections: number;
  feeds: number;
  articles: number;
  unread: number;
  bookmarks: number;
  /** The trending window changed and its stories are being formed again (the sidebar says so). */
  storiesRegrouping: boolean;
}

export interface SectionSummary {
  id: number;
  name: string;
  feedCount: number;
  unreadCount: number;
}

export interface FeedSummary {
  id: number;
  title: string;
  url: string;
  siteUrl: string | null;
  sectionId: number | null;
  sectionName: string | null;
  unreadCount: number;
  lastSuccessAt: string | null;
  /** The last fetch error in words, or null when the feed is healthy. */
  lastError: string | null;
  /** Whether sync reads the article's page for the full text: when the feed has only summaries, always, or never. */
  fullText: FullTextMode;
  /**
   * Whether the reader loads this feed's pictures from their hosts when the library has
   * no offline copy (true), or shows the offline copies only (false).
   */
  remotePictures: boolean;
  /**
   * Who publishes it, as the person named it (trending counts a story's sources by
   * publisher); null: worked out from the feed's site (trending/publisher.ts).
   */
  publisher: string | null;
}

export type FullTextMode = 'auto' | 'always' | 'never';

/** Which articles a list shows. `view` picks the smart list; `sectionId` narrows to one section. */
export interface ArticleQuery {
  view: 'all' | 'unread' | 'bookmarks';
  sectionId?: number;
  feedId?: number;
  order?: 'newest' | 'oldest';
  /** Keyset cursor: the `cursor` of the previous page's last row. */
  after?: string;
  limit?: number;
  /** One row per story (its newest article) instead of one per article. */
  foldStories?: boolean;
}

export interface ArticleRow {
  id: number;
  feedId: number;
  feedTitle: string;
  sectionName: string | null;
  title: string;
  excerpt: string;
  url: string | null;
  thumbnailUrl: string | null;
  /** ISO-8601 instant: when it was published, or when it arrived if the feed gave no date. */
  publishedAt: string;
  read: boolean;
  bookmarked: boolean;
  cursor: string;
  /** With folded stories: how many articles the row's story has (1 when it stands alone). */
  storySize?: number;
}

export interface ArticlePage {
  rows: ArticleRow[];
  /** Pass as `after` to get the next page; null when this was the last page. */
  nextCursor: string | null;
}

export interface ArticleDetail extends ArticleRow {
  author: string | null;
  /** The article body as stored (the page's full text when it was read); the renderer sanitizes it. */
  contentHtml: string;
  /**
   * Where the body comes from: the feed (which carried all of it, or was not to be
   * read), the article's page ('extracted'), or the feed's summary because the page
   * could not be read ('failed', with the reason) or has not been read yet ('pending').
   */
  fullText: { status: 'feed' | 'extracted' | 'failed' | 'pending'; error: string | null };
  /** The article's pictures kept for offline reading: original URL → the app's address of the copy. */
  offlineImages: Record<string, string>;
  /** The other articles of its story: the same event in other sources' words. */
  alsoCoveredBy: StoryArticle[];
  /** The feed's choice: pictures without an offline copy may be loaded from their hosts. */
  remotePictures: boolean;
}

/** What the library takes on disk, for the storage readout. */
export interface StorageReport {
  articles: number;
  bookmarks: number;
  images: number;
  imageBytes: number;
  imageCacheLimitBytes: number;
  databaseBytes: number;
}

export type BookmarkFormat = 'html' | 'md' | 'json';

export interface BackupReport {
  path: string;
  bytes: number;
}

/** A backup in the data folder's backups, newest first. */
export interface BackupInfo {
  /** The file's name in the backups folder: what `restoreBackup` takes. */
  name: string;
  bytes: number;
  createdAt: string;
  /** Taken by the daily backup (kept a week), rather than by hand (kept until deleted). */
  automatic: boolean;
}

/** How the library file fared at start, and the ways back. */
export interface LibraryHealth {
  /** Set when the library was found damaged at start and set aside for a fresh one. */
  damaged: { file: string; reason: string; setAsideAs: string; message: string } | null;
  /** The newest backup that checks out: what to offer when the library was damaged. */
  newestBackup: BackupInfo | null;
  backups: BackupInfo[];
}

export interface RestoreReport {
  restoredFrom: string;
  /** Where the library that was replaced was kept, in case the restore was a mistake. */
  previousSavedAs: string | null;
  schemaVersion: number;
}

export interface SearchQuery {
  text: string;
  sectionId?: number;
  bookmarkedOnly?: boolean;
  limit?: number;
}

/** Which articles "mark all as read" covers: the list on screen. */
export interface ViewFilter {
  view: ArticleQuery['view'];
  sectionId?: number;
}

/** One article of a story, for "Also covered by" and the trending list's details. */
export interface StoryArticle {
  id: number;
  feedTitle: string;
  title: string;
  url: string | null;
  publishedAt: string;
}

/** A story the news is converging on: several sources' articles about one event. */
export interface TrendingItem {
  storyId: number;
  /** The story's most representative article: its headline is the story's, opening the story opens it. */
  articleId: number;
  sectionName: string | null;
  headline: string;
  /** The story's latest article. */
  publishedAt: string;
  /** Distinct publishers covering it in the window. */
  sources: number;
  score: number;
  /** Its articles in the window, newest first (at most 20). */
  articles: StoryArticle[];
}

export interface TrendingQuery {
  sectionId?: number;
  /** How far back coverage counts, in hours (default: the setting, 72 unless changed). */
  windowHours?: number;
  limit?: number;
}

export interface ImportReport {
  sectionsAdded: number;
  feedsAdded: number;
  articlesAdded: number;
  /** Entries that could not be imported, each with its reason in words. */
  problems: string[];
}

export interface Settings {
  theme: Theme;
  readerFontSize: number;
  /** The reading column's width, in ems of the reading font. */
  readerWidth: number;
  /** How often feeds are fetched in the background (a feed's own ttl may stretch it). */
  syncIntervalMinutes: number;
  /** Articles older than this are removed by retention — never bookmarked ones. */
  retentionDays: number;
  /** Retention always keeps at least this many of each feed's newest articles. */
  keepPerFeed: number;
  /** The image cache's cap; the least recently shown images go first, never a bookmark's. */
  imageCacheMB: number;
  /** Show one row per story in article lists (its newest article), with how many more there are. */
  foldStories: boolean;
  /** While lists fold stories: reading a story's row marks the story's other articles read too. */
  readStoryOnce: boolean;
  /** How far back coverage counts for trending, in hours. */
  trendingWindowHours: number;
  /** A daily copy of the library in the data folder's backups, kept for a week. */
  autoBackup: boolean;
}

export interface SyncProgress {
  feedsDone: number;
  feedsTotal: number;
  newArticles: number;
  failures: number;
  running: boolean;
  /**
   * While running: fetching feeds, then (every new article already in the lists) making
   * them searchable, then putting them into stories.
   */
  phase?: 'feeds' | 'indexing' | 'stories';
  /** Set when a finished sync failed only for network reasons: the machine looks offline. */
  offline?: boolean;
}

/** Push events from main to renderer, by name. */
export interface NewsEvents {
  'sync-progress': SyncProgress;
  'library-changed': { reason: string };
}
export type NewsEventName = keyof NewsEvents;
export const NEWS_EVENT_NAMES: readonly NewsEventName[] = ['sync-progress', 'library-changed'];

export interface NewsApi {
  getStatus(): Promise<LibraryStatus>;
  listSections(): Promise<SectionSummary[]>;
  listFeeds(): Promise<FeedSummary[]>;
  listArticles(query: ArticleQuery): Promise<ArticlePage>;
  getArticle(id: number): Promise<ArticleDetail | null>;
  setRead(id: number, read: boolean): Promise<void>;
  setBookmarked(id: number, bookmarked: boolean): Promise<void>;
  /** Marks every unread article of a view read; returns their ids, so it can be undone. */
  markAllRead(filter: ViewFilter): Promise<number[]>;
  /** Sets the read state of many articles at once (the undo of markAllRead). */
  setReadMany(ids: number[], read: boolean): Promise<void>;
  /** Full-text search over titles and bodies, best matches first. */
  search(query: SearchQuery): Promise<ArticleRow[]>;
  /** The stories the news is converging on, highest score first (see docs/trending.md). */
  getTrending(query: TrendingQuery): Promise<TrendingItem[]>;
  loadSampleLibrary(): Promise<ImportReport>;
  importOpml(opmlText: string): Promise<ImportReport>;
  subscribe(url: string, sectionName?: string): Promise<FeedSummary>;
  renameFeed(feedId: number, title: string): Promise<void>;
  /** Moves a feed into the named section (created if new), or out of sections with null. */
  moveFeed(feedId: number, sectionName: string | null): Promise<void>;
  /** Stops following a feed; its bookmarked articles stay in Bookmarks. */
  unsubscribe(feedId: number): Promise<{ keptBookmarks: number }>;
  renameSection(sectionId: number, name: string): Promise<void>;
  /** Deletes a section; its feeds stay, outside any section. */
  deleteSection(sectionId: number): Promise<void>;
  /** The subscriptions as OPML 2.0, sections as folders. */
  exportOpml(): Promise<string>;
  syncNow(): Promise<SyncProgress>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  setFeedFullText(feedId: number, mode: FullTextMode): Promise<void>;
  setFeedRemotePictures(feedId: number, allowed: boolean): Promise<void>;
  /** Names the feed's publisher for trending; null goes back to the one worked out from its site. */
  setFeedPublisher(feedId: number, publisher: string | null): Promise<void>;
  getStorage(): Promise<StorageReport>;
  /** Removes every cached image no bookmark needs. */
  clearImageCache(): Promise<{ removed: number; freedBytes: number }>;
  /** Bookmarks as a browser bookmarks file (html), Markdown, or JSON with full text. */
  exportBookmarks(format: BookmarkFormat): Promise<string>;
  /** Takes a JSON export back; bookmarks already here are not duplicated. */
  importBookmarks(json: string): Promise<{ imported: number; alreadyBookmarked: number }>;
  /** A consistent copy of the library, taken while the app runs, into the data folder's backups. */
  backupLibrary(): Promise<BackupReport>;
  /** Whether the library was found damaged at start, and the backups there are to go back to. */
  getLibraryHealth(): Promise<LibraryHealth>;
  /** Replaces the library with a backup from the backups folder; the current one is set aside, not deleted. */
  restoreBackup(name: string): Promise<RestoreReport>;
}

export type NewsMethod = keyof NewsApi;

/** What the renderer gets as `window.news`: the contract plus push-event subscription. */
export interface NewsBridge extends NewsApi {
  on<E extends NewsEventName>(event: E, listener: (payload: NewsEvents[E]) => void): () => void;
}

/** Every method of the contract, for the bridges that forward calls by name. */
export const NEWS_METHODS = [
  'getStatus',
  'listSections',
  'listFeeds',
  'listArticles',
  'getArticle',
  'setRead',
  'setBookmarked',
  'markAllRead',
  'setReadMany',
  'search',
  'getTrending',
  'loadSampleLibrary',
  'importOpml',
  'subscribe',
  'renameFeed',
  'moveFeed',
  'unsubscribe',
  'renameSection',
  'deleteSection',
  'exportOpml',
  'syncNow',
  'getSettings',
  'updateSettings',
  'setFeedFullText',
  'setFeedRemotePictures',
  'setFeedPublisher',
  'getStorage',
  'clearImageCache',
  'exportBookmarks',
  'importBookmarks',
  'backupLibrary',
  'getLibraryHealth',
  'restoreBackup',
] as const satisfies readonly NewsMethod[];

// Fails to compile if a method of NewsApi is missing from NEWS_METHODS.
type MissingMethods = Exclude<NewsMethod, (typeof NEWS_METHODS)[number]>;
const _allMethodsListed: MissingMethods extends never ? true : MissingMethods = true;
void _allMethodsListed;

/** What a failed call rejects with, on both shells: a code to branch on and words to show. */
export interface ApiErrorShape {
  code: 'invalid-argument' | 'not-found' | 'feed-error' | 'internal';
  message: string;
}

/** What crosses the boundary for every call, on both shells: a value or an error, never a throw. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

export class ApiError extends Error implements ApiErrorShape {
  readonly code: ApiErrorShape['code'];
  constructor(code: ApiErrorShape['code'], message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Unwraps a CallResult on the renderer side, rethrowing failures as ApiError. */
export function unwrapResult(result: CallResult): unknown {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message);
}
