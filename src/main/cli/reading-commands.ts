import { ApiError } from '../../shared/api.ts';
import { type LibraryCommand, print, sectionIdByName } from './command.ts';

/** `articles`, `search`, `trending`: what the library shows a reader. */
export const articles: LibraryCommand = async (service, _args, opts) => {
  const sectionId = opts.section ? await sectionIdByName(service, opts.section) : undefined;
  const page = await service.listArticles({ view: 'all', sectionId, limit: opts.limit ?? 50 });
  if (opts.json) return print(page.rows);
  for (const a of page.rows) console.log(`${a.publishedAt.slice(0, 16)}  ${a.sectionName ?? '-'}  ${a.title}`);
  return 0;
};

export const search: LibraryCommand = async (service, words, opts) => {
  const query = words.join(' ');
  if (!query.trim()) throw new ApiError('invalid-argument', 'search needs words to look for');
  const rows = await service.search({ text: query, limit: opts.limit ?? 50 });
  if (opts.json) return print(rows);
  for (const a of rows) console.log(`${a.publishedAt.slice(0, 10)}  ${a.title}`);
  return 0;
};

export const trending: LibraryCommand = async (service, _args, opts) => {
  const windowHours = opts.window === undefined ? undefined : parseWindow(opts.window);
  const sectionId = opts.section ? await sectionIdByName(service, opts.section) : undefined;
  const { updateStories } = await import('../trending/update-stories.ts');
  // Articles added since the app last clustered (it may not have run) join their stories first.
  updateStories(service.db);
  if (opts.all && opts.limit !== undefined) throw new ApiError('invalid-argument', 'trending takes --all or --limit, not both');
  const stories = opts.all
    ? await service.allStories({ sectionId, windowHours })
    : await service.getTrending({ sectionId, windowHours, limit: opts.limit ?? 10 });
  if (opts.json) {
    return print(
      stories.map((s) => ({
        id: s.storyId,
        headline: s.headline,
        section: s.sectionName,
        sources: s.sources,
        score: s.score,
        latestPublished: s.publishedAt,
        articles: s.articles.map((a) => ({ id: a.id, feedTitle: a.feedTitle, title: a.title, url: a.url, published: a.publishedAt })),
      })),
    );
  }
  if (stories.length === 0) console.log('Nothing is trending in that window.');
  for (const s of stories)
    console.log(
      `${s.score.toFixed(2).padStart(6)}  ${s.sectionName ?? '-'} · ${s.sources === 1 ? '1 source' : `${s.sources} sources`} · ${s.headline}`,
    );
  return 0;
};

/** "72h", "3d" or a number of hours, as the trending window. */
function parseWindow(text: string): number {
  const match = /^(\d+)\s*(h|d)?$/i.exec(text.trim());
  const hours = match ? Number(match[1]) * (match[2]?.toLowerCase() === 'd' ? 24 : 1) : Number.NaN;
  if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 14)
    throw new ApiError('invalid-argument', '--window must be like 72h or 3d (1 hour to 14 days)');
  return hours;
}
