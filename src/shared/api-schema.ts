import { z } from 'zod';
import { ApiError, type CallResult, type NewsApi, type NewsMethod } from './api.ts';

/**
 * Runtime shapes of every method's arguments. Both shells call `parseArgs` before a
 * service sees anything, so a hostile or buggy renderer gets an `invalid-argument`
 * error instead of reaching SQL or the network with garbage.
 */
const id = z.number().int().positive();
const limit = z.number().int().min(1).max(500);
/** How far back trending looks, in hours: up to two weeks. */
const windowHours = z
  .number()
  .int()
  .min(1)
  .max(24 * 14);
const url = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .refine((value) => /^https?:\/\//i.test(value) || !/^[a-z][a-z0-9+.-]*:/i.test(value), {
    message: 'only http and https addresses can be subscribed to',
  });

const argSchemas = {
  getStatus: z.tuple([]),
  listSections: z.tuple([]),
  listFeeds: z.tuple([]),
  listArticles: z.tuple([
    z.strictObject({
      view: z.enum(['all', 'unread', 'bookmarks']),
      sectionId: id.optional(),
      feedId: id.optional(),
      order: z.enum(['newest', 'oldest']).optional(),
      after: z.string().max(64).optional(),
      limit: limit.optional(),
      foldStories: z.boolean().optional(),
      readStoryOnce: z.boolean().optional(),
    }),
  ]),
  getArticle: z.tuple([id]),
  setRead: z.tuple([id, z.boolean()]),
  setBookmarked: z.tuple([id, z.boolean()]),
  markAllRead: z.tuple([z.strictObject({ view: z.enum(['all', 'unread', 'bookmarks']), sectionId: id.optional() })]),
  setReadMany: z.tuple([z.array(id).max(100_000), z.boolean()]),
  search: z.tuple([
    z.strictObject({
      text: z.string().max(500),
      sectionId: id.optional(),
      bookmarkedOnly: z.boolean().optional(),
      limit: limit.optional(),
    }),
  ]),
  getTrending: z.tuple([
    z.strictObject({
      sectionId: id.optional(),
      windowHours: windowHours.optional(),
      limit: limit.optional(),
    }),
  ]),
  loadSampleLibrary: z.tuple([]),
  importOpml: z.tuple([z.string().max(20_000_000)]),
  subscribe: z.tuple([url, z.string().trim().min(1).max(200).optional()]),
  renameFeed: z.tuple([id, z.string().trim().min(1).max(200)]),
  moveFeed: z.tuple([id, z.string().trim().max(200).nullable()]),
  unsubscribe: z.tuple([id]),
  renameSection: z.tuple([id, z.string().trim().min(1).max(200)]),
  deleteSection: z.tuple([id]),
  exportOpml: z.tuple([]),
  syncNow: z.tuple([]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([
    z.strictObject({
      theme: z.enum(['light', 'dark', 'system']).optional(),
      readerFontSize: z.number().int().min(12).max(32).optional(),
      readerWidth: z.number().int().min(28).max(80).optional(),
      syncIntervalMinutes: z
        .number()
        .int()
        .min(5)
        .max(24 * 60)
        .optional(),
      retentionDays: z.number().int().min(1).max(36500).optional(),
      keepPerFeed: z.number().int().min(0).max(10_000).optional(),
      imageCacheMB: z.number().int().min(50).max(100_000).optional(),
      foldStories: z.boolean().optional(),
      trendingWindowHours: windowHours.optional(),
      autoBackup: z.boolean().optional(),
    }),
  ]),
  setFeedFullText: z.tuple([id, z.enum(['auto', 'always', 'never'])]),
  setFeedRemotePictures: z.tuple([id, z.boolean()]),
  setFeedPublisher: z.tuple([id, z.string().trim().min(1).max(200).nullable()]),
  getStorage: z.tuple([]),
  clearImageCache: z.tuple([]),
  exportBookmarks: z.tuple([z.enum(['html', 'md', 'json'])]),
  importBookmarks: z.tuple([z.string().max(24_000_000)]),
  backupLibrary: z.tuple([]),
  getLibraryHealth: z.tuple([]),
  // A name in the backups folder, never a path: the renderer cannot point at other files.
  restoreBackup: z.tuple([z.string().regex(/^[\w.-]{1,200}\.db$/, 'a backup file name from the backups folder')]),
} satisfies { [M in NewsMethod]: z.ZodType<Parameters<NewsApi[M]>> };

export function isNewsMethod(name: unknown): name is NewsMethod {
  return typeof name === 'string' && Object.hasOwn(argSchemas, name);
}

export function parseArgs<M extends NewsMethod>(method: M, args: unknown): Parameters<NewsApi[M]> {
  const result = argSchemas[method].safeParse(args);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` (argument ${issue.path.join('.')})` : '';
    throw new ApiError('invalid-argument', `${method}: ${issue?.message ?? 'invalid arguments'}${where}`);
  }
  return result.data as Parameters<NewsApi[M]>;
}

/** Calls a method on an implementation after validating its arguments. */
export async function dispatch(api: NewsApi, method: unknown, args: unknown): Promise<unknown> {
  if (!isNewsMethod(method)) throw new ApiError('invalid-argument', `unknown method ${String(method)}`);
  const parsed = parseArgs(method, args);
  return (api[method] as (...a: unknown[]) => Promise<unknown>)(...parsed);
}

/**
 * Validates and runs one call, never throwing: both shells send the result as it is.
 * Unexpected errors are logged here and reach the renderer as words, not stacks.
 */
export async function handleCall(api: NewsApi, method: unknown, args: unknown): Promise<CallResult> {
  try {
    return { ok: true, value: await dispatch(api, method, args) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
    console.error(`broadsheet: ${String(method)} failed:`, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message } };
  }
}
