import { create } from 'zustand';
import type { ArticleDetail, ArticleRow, FeedSummary, SectionSummary, Settings, SyncProgress, TrendingItem } from '../../../shared/api.ts';
import { DEFAULT_SETTINGS } from '../../../shared/default-settings.ts';
import { news } from '../api/client.ts';

export type SmartView = 'all' | 'unread' | 'bookmarks';

/** Stories in the trending sidebar. */
const TRENDING_LIMIT = 8;
export interface Selection {
  view: SmartView;
  sectionId?: number;
}

/** What the last "mark all as read" changed, until it is undone or replaced. */
export interface UndoableMarkRead {
  ids: number[];
  label: string;
}

const PAGE_SIZE = 100;

interface LibraryState {
  loaded: boolean;
  sections: SectionSummary[];
  feeds: FeedSummary[];
  articleCount: number;
  selection: Selection;
  rows: ArticleRow[];
  nextCursor: string | null;
  currentId: number | null;
  article: ArticleDetail | null;
  trending: TrendingItem[];
  /** The trending window changed and its stories are being formed again. */
  storiesRegrouping: boolean;
  settings: Settings;
  sync: SyncProgress | null;
  order: 'newest' | 'oldest';
  /** The search box's text; when not empty the list shows search results instead of the view. */
  searchText: string;
  bookmarkedOnly: boolean;
  undo: UndoableMarkRead | null;
  /** The last error, in words, shown in an alert until dismissed. */
  error: string | null;

  refresh(): Promise<void>;
  select(selection: Selection): Promise<void>;
  loadMore(): Promise<void>;
  open(id: number): Promise<void>;
  moveCurrent(step: 1 | -1): Promise<void>;
  toggleBookmark(id: number): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<void>;
  run<T>(task: () => Promise<T>): Promise<T | undefined>;
  setSync(progress: SyncProgress): void;
  setOrder(order: 'newest' | 'oldest'): Promise<void>;
  search(text: string, bookmarkedOnly?: boolean): Promise<void>;
  markAllRead(label: string): Promise<void>;
  undoMarkRead(): Promise<void>;
  toggleRead(id: number): Promise<void>;
  dismissError(): void;
}

/**
 * What is on screen, not the library: the sections, one page of rows at a time, the
 * open article and the sidebar. Everything else stays in the main process's database.
 */
export const useLibrary = create<LibraryState>((set, get) => ({
  loaded: false,
  sections: [],
  feeds: [],
  articleCount: 0,
  selection: { view: 'all' },
  rows: [],
  nextCursor: null,
  currentId: null,
  article: null,
  trending: [],
  storiesRegrouping: false,
  settings: DEFAULT_SETTINGS,
  sync: null,
  order: 'newest',
  searchText: '',
  bookmarkedOnly: false,
  undo: null,
  error: null,

  async refresh() {
    const generation = ++refreshes;
    const edits = settingsEdits;
    await get().run(async () => {
      const [status, sections, feeds, settings, trending] = await Promise.all([
        news.getStatus(),
        news.listSections(),
        news.listFeeds(),
        news.getSettings(),
        news.getTrending(trendingQuery()),
      ]);
      // Refreshes overlap (a change, and the event it sent): an older answer, read
      // before the change, must not replace a newer one.
      if (generation !== refreshes) return;
      set({
        articleCount: status.articles,
        sections,
        feeds,
        // Settings read before the person changed one would undo the change on screen.
        settings: edits === settingsEdits ? settings : get().settings,
        trending,
        storiesRegrouping: status.storiesRegrouping,
        loaded: true,
      });
      await reloadRows(get().selection);
      // The open article may have changed underneath (its full text or pictures were just saved).
      const open = get().currentId;
      if (open !== null) {
        const article = await news.getArticle(open);
        if (get().currentId === open) set({ article });
      }
    });
  },

  async select(selection) {
    const sectionChanged = selection.sectionId !== get().selection.sectionId;
    set({ selection, searchText: '' });
    await get().run(() => reloadRows(selection));
    if (sectionChanged) await get().run(reloadTrending);
  },

  async setOrder(order) {
    set({ order });
    await get().run(() => reloadRows(get().selection));
  },

  async search(text, bookmarkedOnly = get().bookmarkedOnly) {
    set({ searchText: text, bookmarkedOnly });
    await get().run(() => reloadRows(get().selection));
  },

  async markAllRead(label) {
    const { selection } = get();
    await get().run(async () => {
      const ids = await news.markAllRead({ view: selection.view, sectionId: selection.sectionId });
      set({ undo: ids.length > 0 ? { ids, label } : null });
    });
  },

  async undoMarkRead() {
    const undo = get().undo;
    if (!undo) return;
    set({ undo: null });
    await get().run(() => news.setReadMany(undo.ids, false));
  },

  async toggleRead(id) {
    const row = onScreen(id);
    if (row) await get().run(() => markRead(id, !row.read));
  },

  async loadMore() {
    const { nextCursor, selection, rows, order } = get();
    if (!nextCursor) return;
    await get().run(async () => {
      const page = await news.listArticles({
        ...selection,
        order,
        after: nextCursor,
        limit: PAGE_SIZE,
        foldStories: get().settings.foldStories,
      });
      set({ rows: [...rows, ...page.rows], nextCursor: page.nextCursor });
    });
  },

  async open(id) {
    set({ currentId: id });
    await get().run(async () => {
      const article = await news.getArticle(id);
      if (get().currentId !== id) return;
      set({ article });
      if (article && !article.read) await markRead(id, true);
    });
  },

  async moveCurrent(step) {
    const { rows, currentId } = get();
    if (rows.length === 0) return;
    const index = rows.findIndex((r) => r.id === currentId);
    const next = rows[Math.min(rows.length - 1, Math.max(0, index === -1 ? 0 : index + step))];
    if (next && next.id !== currentId) await get().open(next.id);
    if (index >= rows.length - 10) await get().loadMore();
  },

  async toggleBookmark(id) {
    const row = onScreen(id);
    if (!row) return;
    const bookmarked = !row.bookmarked;
    await get().run(async () => {
      await news.setBookmarked(id, bookmarked);
      patchArticle(id, { bookmarked });
    });
  },

  async updateSettings(patch) {
    // Shown at once (a control must not lag behind the click), then as the library stored
    // it — unless a later change was made meanwhile (its answer comes after).
    const edit = ++settingsEdits;
    set({ settings: { ...get().settings, ...patch } });
    await get().run(async () => {
      const stored = await news.updateSettings(patch);
      if (edit === settingsEdits) set({ settings: stored });
    });
    // Folding changes what a row stands for: the list is read again.
    if (patch.foldStories !== undefined) await get().run(() => reloadRows(get().selection));
    if (patch.trendingWindowHours !== undefined) await get().run(reloadTrending);
  },

  async run(task) {
    try {
      return await task();
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  },

  setSync(progress) {
    set({ sync: progress });
  },

  dismissError() {
    set({ error: null });
  },
}));

/** The sidebar follows the section on screen: what is trending in it, or everywhere. */
function trendingQuery() {
  return { limit: TRENDING_LIMIT, sectionId: useLibrary.getState().selection.sectionId };
}

async function reloadTrending(): Promise<void> {
  useLibrary.setState({ trending: await news.getTrending(trendingQuery()) });
}

/** How many refreshes and row reloads have started: only the latest may set what it read. */
let refreshes = 0;
/** Settings changes made so far: a refresh or an answer from before the latest keeps its hands off the settings. */
let settingsEdits = 0;
let rowReloads = 0;

async function reloadRows(selection: Selection): Promise<void> {
  const generation = ++rowReloads;
  const { searchText, bookmarkedOnly, order, settings } = useLibrary.getState();
  if (searchText.trim()) {
    const rows = await news.search({ text: searchText, sectionId: selection.sectionId, bookmarkedOnly, limit: PAGE_SIZE });
    // Results of an older keystroke (or reload) must not replace newer ones.
    if (generation === rowReloads) useLibrary.setState({ rows, nextCursor: null });
    return;
  }
  const page = await news.listArticles({ ...selection, order, limit: PAGE_SIZE, foldStories: settings.foldStories });
  if (generation === rowReloads) useLibrary.setState({ rows: page.rows, nextCursor: page.nextCursor });
}

/** The article as shown: its row in the list, or the one open in the reader. */
function onScreen(id: number): ArticleRow | null {
  const { rows, article } = useLibrary.getState();
  return rows.find((r) => r.id === id) ?? (article?.id === id ? article : null);
}

/** Marks an article read or unread, on screen and in the section counts. */
async function markRead(id: number, read: boolean): Promise<void> {
  const shown = onScreen(id);
  await news.setRead(id, read);
  patchArticle(id, { read });
  // One article changes one section's count by one: counted here rather than asking the
  // library to recount every section (tens of ms at 100k) on every article opened.
  if (shown && shown.read !== read && shown.sectionName !== null) {
    const step = read ? -1 : 1;
    useLibrary.setState((state) => ({
      sections: state.sections.map((section) =>
        section.name === shown.sectionName ? { ...section, unreadCount: Math.max(0, section.unreadCount + step) } : section,
      ),
    }));
  }
}

/** Applies a state change to an article wherever it is on screen: its row and the reader. */
function patchArticle(id: number, patch: Partial<Pick<ArticleRow, 'read' | 'bookmarked'>>): void {
  useLibrary.setState((state) => ({
    rows: state.rows.map((r) => (r.id === id ? { ...r, ...patch } : r)),
    article: state.article?.id === id ? { ...state.article, ...patch } : state.article,
  }));
}
