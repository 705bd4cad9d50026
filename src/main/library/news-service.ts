import { EventEmitter } from 'node:events';
import type { Database } from 'better-sqlite3';
import { ApiError, type ImportReport, type NewsApi, type NewsEventName, type NewsEvents, type SyncProgress } from '../../shared/api.ts';
import { openDatabase } from '../db/connection.ts';
import { readOpml } from '../opml/opml.ts';
import { subscribe } from '../sync/subscribe.ts';
import { syncAll } from '../sync/sync-all.ts';
import { getArticle, listArticles, setBookmarked, setRead } from './articles.ts';
import { loadSampleLibrary } from './sample-library.ts';
import { addFeed, ensureSection, getFeed, listFeeds, listSections } from './sections.ts';
import { readSettings, writeSettings } from './settings.ts';
import { libraryStatus } from './status.ts';
import { recentBySection } from './trending.ts';

export interface NewsServiceOptions {
  dataDir: string;
  /** The app's resources folder (the bundled sample library lives there). */
  resourcesDir: string;
}

type Listener<E extends NewsEventName> = (payload: NewsEvents[E]) => void;

/**
 * The main process's implementation of the contract, in plain Node: both shells, the
 * CLI and the tests use this one object. It owns the database connection.
 */
export class NewsService implements NewsApi {
  readonly db: Database;
  readonly dataDir: string;
  private readonly resourcesDir: string;
  private readonly events = new EventEmitter();
  private runningSync: Promise<SyncProgress> | null = null;

  constructor(options: NewsServiceOptions) {
    this.dataDir = options.dataDir;
    this.resourcesDir = options.resourcesDir;
    this.db = openDatabase(options.dataDir);
  }

  on<E extends NewsEventName>(event: E, listener: Listener<E>): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  private emit<E extends NewsEventName>(event: E, payload: NewsEvents[E]): void {
    this.events.emit(event, payload);
  }

  close(): void {
    this.events.removeAllListeners();
    if (this.db.open) this.db.close();
  }

  async getStatus() {
    return libraryStatus(this.db, this.dataDir);
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
  }

  async setBookmarked(id: number, bookmarked: boolean) {
    if (!setBookmarked(this.db, id, bookmarked)) throw new ApiError('not-found', `There is no article ${id}.`);
  }

  async getTrending(query: { sectionId?: number; limit?: number }) {
    return recentBySection(this.db, query);
  }

  async loadSampleLibrary() {
    const report = loadSampleLibrary(this.db, this.resourcesDir);
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
    this.db.transaction(() => {
      for (const entry of read.entries) {
        const sectionId = entry.section ? ensureSection(this.db, entry.section) : null;
        const added = addFeed(this.db, { url: entry.url, title: entry.title, siteUrl: entry.siteUrl, sectionId });
        if (added.created) report.feedsAdded++;
      }
    })();
    report.sectionsAdded = listSections(this.db).length - sectionsBefore;
    this.emit('library-changed', { reason: 'opml imported' });
    return report;
  }

  async subscribe(url: string, sectionName?: string) {
    const id = await subscribe(this.db, url, sectionName);
    this.emit('library-changed', { reason: 'subscribed' });
    const feed = getFeed(this.db, id);
    if (!feed) throw new ApiError('internal', 'the new subscription disappeared');
    return feed;
  }

  /** Syncs every due feed; a second call while one runs joins the running sync. */
  syncNow(options: { force?: boolean } = {}): Promise<SyncProgress> {
    this.runningSync ??= syncAll(this.db, (progress) => this.emit('sync-progress', progress), { force: options.force ?? true })
      .then((summary) => {
        this.emit('library-changed', { reason: 'synced' });
        const { results: _results, durationMs: _durationMs, ...progress } = summary;
        return progress;
      })
      .finally(() => {
        this.runningSync = null;
      });
    return this.runningSync;
  }

  async getSettings() {
    return readSettings(this.db);
  }

  async updateSettings(patch: Parameters<NewsApi['updateSettings']>[0]) {
    return writeSettings(this.db, patch);
  }
}
