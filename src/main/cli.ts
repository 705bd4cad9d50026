/**
 * `npm run cli -- <command> [options]`: Broadsheet for scripts and tests, on the same
 * services as the app. Errors are printed in words with a non-zero exit code.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ApiError } from '../shared/api.ts';
import { formatBytes } from '../shared/format-bytes.ts';
import { describeError, readInputFile } from './cli/describe-error.ts';
import { resolveDataDir } from './data-dir.ts';
import type { NewsService } from './library/news-service.ts';

const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  status [--json]                      what the library holds
  load-sample                          load the bundled sample library
  parse <file-or-url…> [--base-url U]  print feeds as normalized JSON (JSON Lines for several)
  subscribe <url> [--section NAME]     subscribe to a feed or a site that links to one
  import-opml <file>                   import subscriptions (folders become sections)
  export-opml [file]                   write subscriptions as OPML (to stdout without a file)
  sync [--json]                        fetch every feed now and report per feed, then save
                                       new articles for offline reading (full text, pictures)
  articles [--section NAME] [--limit N] [--json]
  search <query> [--limit N] [--json]
  trending [--section NAME] [--window 72h] [--limit N] [--json]
                                       the stories several sources are covering now, highest score first
  bookmarks export [--format html|md|json] [file]   (json keeps the full text)
  bookmarks import <file>                           (a JSON export; nothing is duplicated)
  storage [--json]                     what the library keeps on disk (articles, pictures, database)
  clear-cache                          remove cached pictures no bookmark needs
  backup [file]                        a consistent copy of the library (safe while the app runs)
  backups [--json]                     the backups in the data folder (daily ones are kept a week)
  restore <file>                       replace the library with a backup (quit the app first;
                                       the current library is set aside, not deleted)

Options:
  --data-dir DIR   the library folder (default: BROADSHEET_DATA_DIR, then the app's data folder)
  -h, --help       this help`;

const { values: opts, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        section: { type: 'string' },
        limit: { type: 'string' },
        'base-url': { type: 'string' },
        format: { type: 'string' },
        window: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`broadsheet: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
})();

const [command, ...rest] = positionals;

async function main(): Promise<number> {
  if (opts.help || !command) {
    console.log(HELP);
    return command || opts.help ? 0 : 2;
  }
  // Modules are loaded per command: `parse` runs once per file in scripts, and must not
  // pay for SQLite and the services it does not use.
  if (command === 'parse') {
    const { parseCommand } = await import('./cli/parse-command.ts');
    return parseCommand(rest, opts['base-url']);
  }

  const dataDir = resolveDataDir(process.argv.slice(2));
  if (command === 'restore') {
    if (!rest[0]) throw new ApiError('invalid-argument', 'use: restore <backup file>');
    const { restoreLibrary } = await import('./db/backup.ts');
    const report = restoreLibrary(dataDir, rest[0]);
    if (opts.json) return print(report);
    console.log(`Restored the library from ${report.restoredFrom} (schema ${report.schemaVersion}).`);
    if (report.previousSavedAs) console.log(`The library it replaced was kept as ${report.previousSavedAs}.`);
    return 0;
  }

  const { NewsService } = await import('./library/news-service.ts');
  const { RESOURCES_DIR } = await import('./repo-paths.ts');
  // A damaged library is reported, never set aside, by a command line: scripts change nothing unasked.
  const service = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, whenDamaged: 'refuse' });
  try {
    return await runLibraryCommand(service);
  } finally {
    await service.close();
  }
}

async function runLibraryCommand(service: NewsService): Promise<number> {
  const limit = opts.limit === undefined ? undefined : Number(opts.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 500))
    throw new ApiError('invalid-argument', '--limit must be a whole number from 1 to 500');
  switch (command) {
    case 'status': {
      const status = await service.getStatus();
      if (opts.json) return print(status);
      console.log(
        `Library ${status.databasePath} (schema ${status.schemaVersion})\n` +
          `${status.sections} sections, ${status.feeds} feeds, ${status.articles} articles (${status.unread} unread), ${status.bookmarks} bookmarks`,
      );
      return 0;
    }
    case 'load-sample': {
      const report = await service.loadSampleLibrary();
      if (opts.json) return print(report);
      console.log(`Loaded ${report.feedsAdded} feeds and ${report.articlesAdded} articles in ${report.sectionsAdded} new sections.`);
      return 0;
    }
    case 'subscribe': {
      const url = rest[0];
      if (!url) throw new ApiError('invalid-argument', 'subscribe needs an address');
      const feed = await service.subscribe(url, opts.section);
      if (opts.json) return print(feed);
      console.log(`Subscribed to ${feed.title} (${feed.url}).`);
      return 0;
    }
    case 'import-opml': {
      const file = rest[0];
      if (!file) throw new ApiError('invalid-argument', 'import-opml needs a file');
      const report = await service.importOpml(readInputFile(file).toString('utf8'));
      if (opts.json) return print(report);
      console.log(`Imported ${report.feedsAdded} feeds into ${report.sectionsAdded} new sections.`);
      for (const problem of report.problems) console.log(`  skipped ${problem}`);
      return 0;
    }
    case 'export-opml': {
      const opml = await service.exportOpml();
      if (rest[0]) fs.writeFileSync(rest[0], opml);
      else process.stdout.write(opml);
      return 0;
    }
    case 'sync': {
      const summary = await service.runSync(true);
      const titles = new Map((await service.listFeeds()).map((f) => [f.id, f]));
      const report = {
        feeds: summary.feedsTotal,
        ok: summary.results.filter((r) => r.status === 'ok').length,
        notModified: summary.results.filter((r) => r.status === 'not-modified').length,
        failed: summary.results.flatMap((r) =>
          r.status === 'failed' ? [{ feed: titles.get(r.feedId)?.url ?? r.feedId, error: r.error }] : [],
        ),
        newArticles: summary.newArticles,
        durationMs: summary.durationMs,
        offline: summary.offline,
        capture: summary.offline ? null : await service.capture(),
      };
      // Scripts learn from the exit code that some feeds failed, with or without --json.
      const exitCode = report.failed.length > 0 ? 1 : 0;
      if (opts.json) {
        print(report);
        return exitCode;
      }
      console.log(
        `Synced ${report.feeds} feeds in ${(report.durationMs / 1000).toFixed(1)} s: ${report.ok} updated, ${report.notModified} unchanged, ${report.failed.length} failed, ${report.newArticles} new articles.`,
      );
      for (const f of report.failed) console.log(`  ${f.feed}: ${f.error}`);
      if (report.offline) console.log('The network looks unreachable; nothing was lost, and the next sync tries again.');
      const c = report.capture;
      if (c) {
        console.log(
          `Saved for offline reading: ${c.extracted} full texts (${c.failed} pages could not be read), ${c.images} pictures (${formatBytes(c.imageBytes)}).`,
        );
        if (c.unstored > 0) console.log(`  ${c.unstored} could not be stored (${c.storageError}); the next sync tries them again.`);
      }
      return exitCode;
    }
    case 'articles': {
      const sectionId = opts.section ? await sectionIdByName(service, opts.section) : undefined;
      const page = await service.listArticles({ view: 'all', sectionId, limit: limit ?? 50 });
      if (opts.json) return print(page.rows);
      for (const a of page.rows) console.log(`${a.publishedAt.slice(0, 16)}  ${a.sectionName ?? '-'}  ${a.title}`);
      return 0;
    }
    case 'search': {
      const query = rest.join(' ');
      if (!query.trim()) throw new ApiError('invalid-argument', 'search needs words to look for');
      const { searchArticles } = await import('./library/search.ts');
      const rows = searchArticles(service.db, query, { limit: limit ?? 50 });
      if (opts.json) return print(rows);
      for (const a of rows) console.log(`${a.publishedAt.slice(0, 10)}  ${a.title}`);
      return 0;
    }
    case 'bookmarks': {
      const { exportBookmarks, importBookmarks } = await import('./library/bookmarks-transfer.ts');
      const [action, file] = rest;
      if (action === 'export') {
        const format = opts.format ?? 'json';
        if (format !== 'html' && format !== 'md' && format !== 'json')
          throw new ApiError('invalid-argument', '--format must be html, md or json');
        const text = exportBookmarks(service.db, format);
        if (file) fs.writeFileSync(file, text);
        else process.stdout.write(text);
        return 0;
      }
      if (action === 'import' && file) {
        const result = importBookmarks(service.db, readInputFile(file).toString('utf8'));
        if (opts.json) return print(result);
        console.log(`Imported ${result.imported} bookmarks (${result.alreadyBookmarked} were already here).`);
        return 0;
      }
      throw new ApiError('invalid-argument', 'use: bookmarks export [--format html|md|json] [file] | bookmarks import <file>');
    }
    case 'trending': {
      const windowHours = opts.window === undefined ? undefined : parseWindow(opts.window);
      const sectionId = opts.section ? await sectionIdByName(service, opts.section) : undefined;
      const { updateStories } = await import('./trending/update-stories.ts');
      // Articles added since the app last clustered (it may not have run) join their stories first.
      updateStories(service.db);
      const stories = await service.getTrending({ sectionId, windowHours, limit: limit ?? 10 });
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
    }
    case 'storage': {
      const storage = await service.getStorage();
      if (opts.json) return print(storage);
      console.log(
        `${storage.articles} articles (${storage.bookmarks} bookmarked), database ${formatBytes(storage.databaseBytes)}; ${storage.images} pictures, ${formatBytes(storage.imageBytes)} of ${formatBytes(storage.imageCacheLimitBytes)}.`,
      );
      return 0;
    }
    case 'clear-cache': {
      const result = await service.clearImageCache();
      console.log(`Removed ${result.removed} cached pictures (${formatBytes(result.freedBytes)}); bookmarked articles keep theirs.`);
      return 0;
    }
    case 'backups': {
      const { backups } = await service.getLibraryHealth();
      if (opts.json) return print(backups);
      if (backups.length === 0) console.log('No backups yet.');
      for (const b of backups)
        console.log(
          `${b.createdAt.slice(0, 16).replace('T', ' ')}  ${formatBytes(b.bytes).padStart(9)}  ${b.automatic ? 'daily ' : 'manual'}  ${b.name}`,
        );
      return 0;
    }
    case 'backup': {
      const report = await service.backupLibrary(rest[0]);
      if (opts.json) return print(report);
      console.log(`Backed up the library to ${report.path} (${formatBytes(report.bytes)}).`);
      return 0;
    }
    default:
      console.error(`broadsheet: unknown command “${command}”\n\n${HELP}`);
      return 2;
  }
}

/** "72h", "3d" or a number of hours, as the trending window. */
function parseWindow(text: string): number {
  const match = /^(\d+)\s*(h|d)?$/i.exec(text.trim());
  const hours = match ? Number(match[1]) * (match[2]?.toLowerCase() === 'd' ? 24 : 1) : Number.NaN;
  if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 14)
    throw new ApiError('invalid-argument', '--window must be like 72h or 3d (1 hour to 14 days)');
  return hours;
}

async function sectionIdByName(service: NewsService, name: string): Promise<number> {
  const section = (await service.listSections()).find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!section) throw new ApiError('not-found', `There is no section “${name}”.`);
  return section.id;
}

function print(value: unknown): number {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return 0;
}

// Set the exit code rather than calling process.exit(): exiting at once would cut off
// large outputs still being written to a pipe.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`broadsheet: ${describeError(error)}`);
    process.exitCode = 1;
  },
);
