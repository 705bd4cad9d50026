import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  ApiError,
  type BackupInfo,
  type BookmarkFormat,
  type FullTextMode,
  type ImportReport,
  type LibraryHealth,
  type NewsApi,
  type NewsEventName,
  type NewsEvents,
  type RestoreReport,
  type SyncProgress,
  type TrendingQuery,
} from '../../shared/api.ts';
import { type BackupFile, backupLibrary, listBackups, newestSoundBackup, restoreLibrary } from '../db/backup.ts';
import { DATABASE_FILE, openDatabase } from '../db/connection.ts';
import { damagedWords, inspectLibrary, LibraryDamagedError, setLibraryAside, stampCleanClose } from '../db/library-health.ts';
import type { CaptureSummary } from '../offline/capture.ts';
import { cachedImage, clearImageCache } from '../offline/image-cache.ts';
import { storageReport } from '../offline/storage.ts';
import { writeOpml } from '../opml/export-opml.ts';
import { readOpml } from '../opml/opml.ts';
import { subscribe } from '../sync/subscribe.ts';
import type { SyncSummary } from '../sync/sync-all.ts';
import { SyncRunner, type WorkerUrls } from '../sync/sync-runner.ts';
import { trendingStories } from '../trending/trending-stories.ts';
import { updateStories } from '../trending/update-stories.ts';
import { getArticle, listArticles, markAllRead, setBookmarked, setRead, setReadMany, setStoryRead } from './articles.ts';
import { exportBookmarks, importBookmarks } from './bookmarks-transfer.ts';
import { loadSampleLibrary } from './sample-library.ts';
import { searchArticles } from './search.ts';
import { addFeed, ensureSection, getFeed, listFeeds, listSections } from './sections.ts';
import { readSettings, writeSettings } from './settings.ts';
import { libraryStatus } from './status.ts';
import { deleteSection, moveFeed, renameFeed, renameSection, unsubscribe } from './subscriptions.ts';

export interface NewsServiceOptions {
  dataDir: string;
  /** The app's resources folder (the bundled sample library lives there). */
  resourcesDir: string;
  /** The sync and reader threads' scripts, when they are not next to the sources (the bundled app). */
  workerUrls?: WorkerUrls;
  /**
   * Keep articles readable offline after each sync and on bookmarking (page text,
   * pictures). On by default; the sync benchmark turns it off to time feeds alone.
   */
  offlineCapture?: boolean;
  /** A damaged library: set it aside and start afresh (the app), or refuse with the reason (the CLI). */
  whenDamaged?: 'set-aside' | 'refuse';
}

/** How often the background scheduler looks for feeds that are due. */
const SCHEDULER_TICK_MS = 60_000;

type Listener<E extends NewsEventName> = (payload: NewsEvents[E]) => void;

/**
 * The main process's implementation of the contract, in plain Node: both shells, the
 * CLI and the tests use this one object. It owns the database connection.
 */
export class NewsService implements NewsApi {
  private connection: Database;
  readonly dataDir: string;
  private readonly resourcesDir: string;
  private readonly events = new EventEmitter();
  private sync: SyncRunner;
  private readonly workerUrls: WorkerUrls | undefined;
  /** Set when the library was found damaged at start (and set aside). */
  private damaged: LibraryHealth['damaged'] = null;
  private scheduler: NodeJS.Timeout | null = null;
  private readonly offlineCapture: boolean;
  private closing = false;
  /** Regroupings of stories under way (see regroupStories). */
  private storiesRegrouping = 0;
  /** The capture pass the last sync started when its articles were listed. */
  private syncCapture: Promise<{ summary: CaptureSummary; finishedAt: number } | null> = Promise.resolve(null);

  constructor(options: NewsServiceOptions) {
    this.dataDir = options.dataDir;
    this.resourcesDir = options.resourcesDir;
    this.offlineCapture = options.offlineCapture ?? true;
    this.workerUrls = options.workerUrls;
    this.checkLibrary(options.whenDamaged ?? 'set-aside');
    // The sync thread checkpoints the WAL; this thread answers the UI and never does.
    this.connection = openDatabase(options.dataDir, { checkpoint: 'manual' });
    this.sync = this.syncRunner();
  }

  /** The library's connection on this thread (replaced when a backup is restored). */
  get db(): Database {
    return this.connection;
  }

  private syncRunner(): SyncRunner {
    return new SyncRunner({
      dataDir: this.dataDir,
      workerUrls: this.workerUrls,
      onProgress: (progress) => this.emit('sync-progress', progress),
      onListed: (progress) => this.listed(progress),
    });
  }

  /**
   * A damaged library is found before anything writes to it. The app sets it aside
   * (never deletes it), starts on a fresh one and offers the newest backup; a command
   * line refuses, in the same words, and changes nothing.
   */
  private checkLibrary(whenDamaged: 'set-aside' | 'refuse'): void {
    const reason = inspectLibrary(this.dataDir);
    if (!reason) return;
    const file = path.join(this.dataDir, DATABASE_FILE);
    const backup = newestSoundBackup(this.dataDir);
    if (whenDamaged === 'refuse') {
      const way = backup
        ? `the newest backup is ${backup.path} (restore it with: restore "${backup.path}")`
        : 'there is no backup to restore';
      throw new LibraryDamagedError(file, reason, `Nothing was changed; ${way}.`);
    }
    const setAsideAs = setLibraryAside(this.dataDir, 'damaged');
    const message = `${damagedWords(file, reason)} It was set aside as ${setAsideAs}, and a fresh library was started.`;
    console.error(`broadsheet: ${message}`);
    this.damaged = { file, reason, setAsideAs, message };
  }

  /**
   * A sync's articles are all in the lists: the UI shows them now, and offline capture
   * starts beside the index build and the stories rather than after them.
   */
  private listed(progress: SyncProgress): void {
    this.emit('library-changed', { reason: 'listed' });
    this.syncCapture =
      this.offlineCapture && !progress.offline
        ? this.capture().then((summary) => ({ summary, finishedAt: Date.now() }), this.captureFailed)
        : Promise.resolve(null);
  }

  private readonly captureFailed = (error: Error): null => {
    // Closing cuts a capture short on purpose; what is left waits for the next pass.
    if (!this.closing) console.error('broadsheet: offline capture failed:', error.message);
    return null;
  };

  /** Fetches due feeds in the background from now on (the desktop app and browser mode). */
  startBackgroundSync(tickMs = SCHEDULER_TICK_MS): void {
    if (this.scheduler) return;
    const tick = () => {
      if (this.sync.isRunning) return;
      void this.runSync(false).catch((error) => console.error('broadsheet: background sync failed:', error));
    };
    this.scheduler = setInterval(tick, tickMs);
    this.scheduler.unref();
    setTimeout(tick, 2_000).unref();
  }

  on<E extends NewsEventName>(event: E, listener: Listener<E>): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  private emit<E extends NewsEventName>(event: E, payload: NewsEvents[E]): void {
    this.events.emit(event, payload);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.scheduler) clearInterval(this.scheduler);
    this.scheduler = null;
    await this.sync.close();
    this.events.removeAllListeners();
    if (this.db.open) this.db.close();
    // Every connection is closed: the next start may skip the thorough check.
    stampCleanClose(this.dataDir);
  }

  async getStatus() {
    return { ...libraryStatus(this.db, this.dataDir), storiesRegrouping: this.storiesRegrouping > 0 };
  }

  async listSections() {
    return listSections(this.db);
  }

  async listFeeds() {
    return listFeeds(this.db);
  }

  async listArticles(query: Parameters<NewsApi['listArticles']>[0]) {
    return listArticles(this.db, query);
  }

  async getArticle(id: number) {
    return getArticle(this.db, id);
  }

  async setRead(id: number, read: boolean) {
    if (!setRead(this.db, id, read)) throw new ApiError('not-found', `There is no article ${id}.`);
    // One row stands for the story: reading it reads the story (marking unread stays one article).
    if (!read) return;
    const settings = readSettings(this.db);
    if (settings.foldStories && settings.readStoryOnce && setStoryRead(this.db, id) > 0)
      this.emit('library-changed', { reason: 'story read' });
  }

  async setBookmarked(id: number, bookmarked: boolean) {
    if (!setBookmarked(this.db, id, bookmarked)) throw new ApiError('not-found', `There is no article ${id}.`);
    // A bookmark is for keeps: its full text and pictures are saved now, whatever its age.
    if (bookmarked) this.captureInBackground([id]);
  }

  async markAllRead(filter: Parameters<NewsApi['markAllRead']>[0]) {
    const ids = markAllRead(this.db, filter);
    this.emit('library-changed', { reason: 'marked read' });
    return ids;
  }

  async setReadMany(ids: number[], read: boolean) {
    setReadMany(this.db, ids, read);
    this.emit('library-changed', { reason: read ? 'marked read' : 'marked unread' });
  }

  async search(query: Parameters<NewsApi['search']>[0]) {
    return searchArticles(this.db, query.text, { sectionId: query.sectionId, bookmarked: query.bookmarkedOnly, limit: query.limit });
  }

  async getTrending(query: Parameters<NewsApi['getTrending']>[0]) {
    return trendingStories(this.db, this.inWindow(query));
  }

  /** A trending query with the window the settings give, when it names none. */
  private inWindow<Q extends TrendingQuery>(query: Q): Q {
    return { ...query, windowHours: query.windowHours ?? readSettings(this.db).trendingWindowHours };
  }

  /** Every story of the window in score order, one-article stories included, each with all its articles (`cli trending --all`); not part of the renderer's contract. */
  async allStories(query: Omit<TrendingQuery, 'limit'>) {
    return trendingStories(this.db, { ...this.inWindow(query), all: true });
  }

  async loadSampleLibrary() {
    const report = loadSampleLibrary(this.db, this.resourcesDir);
    updateStories(this.db);
    this.emit('library-changed', { reason: 'sample library loaded' });
    return report;
  }

  async importOpml(opmlText: string): Promise<ImportReport> {
    let read: ReturnType<typeof readOpml>;
    try {
      read = readOpml(opmlText);
    } catch (error) {
      throw new ApiError('invalid-argument', (error as Error).message);
    }
    const report: ImportReport = { sectionsAdded: 0, feedsAdded: 0, articlesAdded: 0, problems: read.problems };
    const sectionsBefore = listSections(this.db).length;
    this.db
      .transaction(() => {
        for (const entry of read.entries) {
          const sectionId = entry.section ? ensureSection(this.db, entry.section) : null;
          const added = addFeed(this.db, { url: entry.url, title: entry.title, siteUrl: entry.siteUrl, sectionId });
          if (added.created) report.feedsAdded++;
        }
      })
      .immediate();
    report.sectionsAdded = listSections(this.db).length - sectionsBefore;
    this.emit('library-changed', { reason: 'opml imported' });
    return report;
  }

  async subscribe(url: string, sectionName?: string) {
    const id = await subscribe(this.db, url, sectionName);
    updateStories(this.db);
    this.emit('library-changed', { reason: 'subscribed' });
    this.captureInBackground();
    const feed = getFeed(this.db, id);
    if (!feed) throw new ApiError('internal', 'the new subscription disappeared');
    return feed;
  }

  async renameFeed(feedId: number, title: string) {
    renameFeed(this.db, feedId, title);
    this.emit('library-changed', { reason: 'feed renamed' });
  }

  async moveFeed(feedId: number, sectionName: string | null) {
    moveFeed(this.db, feedId, sectionName);
    this.emit('library-changed', { reason: 'feed moved' });
  }

  async unsubscribe(feedId: number) {
    const result = unsubscribe(this.db, feedId);
    this.emit('library-changed', { reason: 'unsubscribed' });
    return result;
  }

  async renameSection(sectionId: number, name: string) {
    renameSection(this.db, sectionId, name);
    this.emit('library-changed', { reason: 'section renamed' });
  }

  async deleteSection(sectionId: number) {
    deleteSection(this.db, sectionId);
    this.emit('library-changed', { reason: 'section deleted' });
  }

  async exportOpml() {
    return writeOpml(listFeeds(this.db));
  }

  /** "Sync now": every feed, on the sync thread; a second call joins the running sync. */
  async syncNow(): Promise<SyncProgress> {
    const { feedsDone, feedsTotal, newArticles, failures, running, offline } = await this.runSync(true);
    return { feedsDone, feedsTotal, newArticles, failures, running, offline };
  }

  /**
   * Offline capture on the sync thread (see offline/capture.ts): the routine pass, or
   * the given articles whatever their age. Tells the UI when something was kept.
   */
  async capture(articleIds?: number[]): Promise<CaptureSummary> {
    const summary = await this.sync.capture(articleIds);
    if (summary.articles > 0 || summary.images > 0 || summary.evicted > 0) this.emit('library-changed', { reason: 'captured' });
    return summary;
  }

  private captureInBackground(articleIds?: number[]): void {
    if (this.offlineCapture) void this.capture(articleIds).catch(this.captureFailed);
  }

  /** A cached image for the shells to serve (browser route, Electron protocol). */
  cachedImage(key: string) {
    return cachedImage(this.db, this.dataDir, key);
  }

  /** Waits until the sync thread has folded the write-ahead log back into the database. */
  checkpoint(): Promise<void> {
    return this.sync.checkpoint();
  }

  /** A sync with its per-feed results, for the CLI and tests (its capture goes on after it; see syncAndCapture). */
  async runSync(force: boolean): Promise<SyncSummary> {
    const summary = await this.sync.sync(force);
    if (summary.feedsTotal > 0) this.emit('library-changed', { reason: 'synced' });
    return summary;
  }

  /**
   * A sync and the offline capture it started once its articles were listed (null: none
   * ran, or offline), with when that capture finished (epoch ms).
   */
  async syncAndCapture(force: boolean): Promise<{ summary: SyncSummary; capture: CaptureSummary | null; capturedAt: number | null }> {
    const summary = await this.runSync(force);
    const captured = await this.syncCapture;
    return { summary, capture: captured?.summary ?? null, capturedAt: captured?.finishedAt ?? null };
  }

  async getSettings() {
    return readSettings(this.db);
  }

  async updateSettings(patch: Parameters<NewsApi['updateSettings']>[0]) {
    const windowBefore = readSettings(this.db).trendingWindowHours;
    const settings = writeSettings(this.db, patch);
    if (settings.trendingWindowHours !== windowBefore) this.regroupStories();
    return settings;
  }

  /**
   * A new trending window: what it now holds is put into stories on the sync thread,
   * and the status says so meanwhile (the sidebar shows it).
   */
  private regroupStories(): void {
    this.storiesRegrouping++;
    this.emit('library-changed', { reason: 'stories regrouping' });
    void this.sync
      .regroupStories()
      // Closing while it runs is no failure: the next start regroups what is left.
      .catch((error: Error) => {
        if (!this.closing) console.error('broadsheet: regrouping stories failed:', error.message);
      })
      .finally(() => {
        this.storiesRegrouping--;
        if (!this.closing) this.emit('library-changed', { reason: 'stories regrouped' });
      });
  }

  async setFeedFullText(feedId: number, mode: FullTextMode) {
    // Articles already judged are judged again under the new mode on the next pass.
    const changed = this.db
      .transaction(() => {
        const updated = this.db.prepare('UPDATE feeds SET full_text = ? WHERE id = ?').run(mode, feedId).changes;
        this.db
          .prepare("UPDATE articles SET captured_at = NULL WHERE feed_id = ? AND full_text_status IN ('feed', 'skipped', 'failed')")
          .run(feedId);
        return updated;
      })
      .immediate();
    if (!changed) throw new ApiError('not-found', `There is no feed ${feedId}.`);
    this.emit('library-changed', { reason: 'feed full-text mode changed' });
    this.captureInBackground();
  }

  async setFeedRemotePictures(feedId: number, allowed: boolean) {
    const changed = this.db.prepare('UPDATE feeds SET remote_pictures = ? WHERE id = ?').run(allowed ? 1 : 0, feedId).changes;
    if (!changed) throw new ApiError('not-found', `There is no feed ${feedId}.`);
    this.emit('library-changed', { reason: 'feed remote pictures changed' });
  }

  async setFeedPublisher(feedId: number, publisher: string | null) {
    const changed = this.db.prepare('UPDATE feeds SET publisher = ? WHERE id = ?').run(publisher?.trim() || null, feedId).changes;
    if (!changed) throw new ApiError('not-found', `There is no feed ${feedId}.`);
    this.emit('library-changed', { reason: 'feed publisher changed' });
  }

  async getStorage() {
    return storageReport(this.db, this.dataDir);
  }

  async clearImageCache() {
    const result = clearImageCache(this.db, this.dataDir);
    this.emit('library-changed', { reason: 'image cache cleared' });
    return result;
  }

  async exportBookmarks(format: BookmarkFormat) {
    return exportBookmarks(this.db, format);
  }

  async importBookmarks(json: string) {
    const result = importBookmarks(this.db, json);
    updateStories(this.db);
    this.emit('library-changed', { reason: 'bookmarks imported' });
    return result;
  }

  async backupLibrary(target?: string) {
    return backupLibrary(this.db, this.dataDir, target);
  }

  async getLibraryHealth(): Promise<LibraryHealth> {
    const strip = ({ path: _path, ...info }: BackupFile): BackupInfo => info;
    const newest = newestSoundBackup(this.dataDir);
    return { damaged: this.damaged, newestBackup: newest ? strip(newest) : null, backups: listBackups(this.dataDir).map(strip) };
  }

  /**
   * Goes back to a backup while the app runs: the sync thread and this connection are
   * closed, the backup checked and put in place (the current library set aside), and
   * both opened again on it.
   */
  async restoreBackup(name: string) {
    const backup = listBackups(this.dataDir).find((b) => b.name === name);
    if (!backup) throw new ApiError('not-found', `There is no backup called ${name}.`);
    return this.restoreFromFile(backup.path);
  }

  /** The same from any file the person picked (the Electron File menu); not part of the renderer's contract. */
  async restoreFromFile(file: string): Promise<RestoreReport> {
    await this.sync.close();
    this.db.close();
    let report: RestoreReport;
    try {
      report = restoreLibrary(this.dataDir, file);
    } catch (error) {
      throw new ApiError('invalid-argument', (error as Error).message);
    } finally {
      this.connection = openDatabase(this.dataDir, { checkpoint: 'manual' });
      this.sync = this.syncRunner();
    }
    this.damaged = null;
    this.emit('library-changed', { reason: 'backup restored' });
    return report;
  }
}
