import { formatBytes } from '../../shared/format-bytes.ts';
import { type LibraryCommand, print } from './command.ts';

/** `status`, `load-sample`, `storage`, `clear-cache`: the library as a whole. */
export const status: LibraryCommand = async (service, _args, opts) => {
  const s = await service.getStatus();
  if (opts.json) return print(s);
  console.log(
    `Library ${s.databasePath} (schema ${s.schemaVersion})\n` +
      `${s.sections} sections, ${s.feeds} feeds, ${s.articles} articles (${s.unread} unread), ${s.bookmarks} bookmarks`,
  );
  return 0;
};

export const loadSample: LibraryCommand = async (service, _args, opts) => {
  const report = await service.loadSampleLibrary();
  if (opts.json) return print(report);
  console.log(`Loaded ${report.feedsAdded} feeds and ${report.articlesAdded} articles in ${report.sectionsAdded} new sections.`);
  return 0;
};

export const storage: LibraryCommand = async (service, _args, opts) => {
  const s = await service.getStorage();
  if (opts.json) return print(s);
  console.log(
    `${s.articles} articles (${s.bookmarks} bookmarked), database ${formatBytes(s.databaseBytes)}; ${s.images} pictures, ${formatBytes(s.imageBytes)} of ${formatBytes(s.imageCacheLimitBytes)}.`,
  );
  return 0;
};

export const clearCache: LibraryCommand = async (service) => {
  const result = await service.clearImageCache();
  console.log(`Removed ${result.removed} cached pictures (${formatBytes(result.freedBytes)}); bookmarked articles keep theirs.`);
  return 0;
};
