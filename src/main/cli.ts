/**
 * `npm run cli -- <command> [options]`: Broadsheet for scripts and tests, on the same
 * services as the app. Errors are printed in words with a non-zero exit code. Each
 * command group lives in its own file under cli/; this file reads the options and
 * dispatches.
 */
import { parseArgs } from 'node:util';
import type { CliOptions, LibraryCommand } from './cli/command.ts';
import { describeError } from './cli/describe-error.ts';
import { resolveDataDir } from './data-dir.ts';

const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  status [--json]                      what the library holds
  load-sample                          load the bundled sample library
  parse <file-or-url…> [--base-url U]  print feeds as normalized JSON (JSON Lines for several)
  subscribe <url> [--section NAME]     subscribe to a feed or a site that links to one
  import-opml <file>                   import subscriptions (folders become sections)
  export-opml [file]                   write subscriptions as OPML (to stdout without a file)
  feeds [--json]                       the subscriptions with their settings and last errors
  feed <id|url> [--full-text auto|always|never] [--remote-pictures on|off] [--publisher NAME|auto]
                                       show or change one feed's settings (remote pictures off:
                                       the reader shows only the pictures kept offline; publisher:
                                       who trending counts as its source, auto to work it out)
  sync [--json]                        fetch every feed now and report per feed, then save
                                       new articles for offline reading (full text, pictures)
  articles [--section NAME] [--limit N] [--json]
  search <query> [--limit N] [--json]
  trending [--section NAME] [--window 72h] [--limit N | --all] [--json]
                                       the stories several sources are covering now, highest score first
                                       (--all: every story of the window, with all its articles)
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

/** Command name → its group's module and export; modules load per command (see main). */
const LIBRARY_COMMANDS: Record<string, () => Promise<LibraryCommand>> = {
  status: async () => (await import('./cli/library-commands.ts')).status,
  'load-sample': async () => (await import('./cli/library-commands.ts')).loadSample,
  storage: async () => (await import('./cli/library-commands.ts')).storage,
  'clear-cache': async () => (await import('./cli/library-commands.ts')).clearCache,
  subscribe: async () => (await import('./cli/subscription-commands.ts')).subscribe,
  'import-opml': async () => (await import('./cli/subscription-commands.ts')).importOpml,
  'export-opml': async () => (await import('./cli/subscription-commands.ts')).exportOpml,
  feeds: async () => (await import('./cli/subscription-commands.ts')).feeds,
  feed: async () => (await import('./cli/subscription-commands.ts')).feed,
  sync: async () => (await import('./cli/sync-command.ts')).sync,
  articles: async () => (await import('./cli/reading-commands.ts')).articles,
  search: async () => (await import('./cli/reading-commands.ts')).search,
  trending: async () => (await import('./cli/reading-commands.ts')).trending,
  bookmarks: async () => (await import('./cli/bookmark-commands.ts')).bookmarks,
  backup: async () => (await import('./cli/backup-commands.ts')).backup,
  backups: async () => (await import('./cli/backup-commands.ts')).backups,
};

const { values, positionals } = (() => {
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
        all: { type: 'boolean', default: false },
        'full-text': { type: 'string' },
        'remote-pictures': { type: 'string' },
        publisher: { type: 'string' },
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
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  // Modules are loaded per command: `parse` runs once per file in scripts, and must not
  // pay for SQLite and the services it does not use.
  if (command === 'parse') {
    const { parseCommand } = await import('./cli/parse-command.ts');
    return parseCommand(rest, values['base-url']);
  }
  const load = LIBRARY_COMMANDS[command];
  if (!load && command !== 'restore') {
    console.error(`broadsheet: unknown command “${command}”\n\n${HELP}`);
    return 2;
  }
  const { parseLimit } = await import('./cli/command.ts');
  const opts: CliOptions = {
    json: values.json,
    section: values.section,
    limit: parseLimit(values.limit),
    format: values.format,
    window: values.window,
    all: values.all,
    fullText: values['full-text'],
    remotePictures: values['remote-pictures'],
    publisher: values.publisher,
  };
  const dataDir = resolveDataDir(process.argv.slice(2));
  if (!load) return (await import('./cli/backup-commands.ts')).restore(dataDir, rest, opts);

  const run = await load();
  const { NewsService } = await import('./library/news-service.ts');
  const { RESOURCES_DIR } = await import('./repo-paths.ts');
  // A damaged library is reported, never set aside, by a command line: scripts change nothing unasked.
  const service = new NewsService({ dataDir, resourcesDir: RESOURCES_DIR, whenDamaged: 'refuse', workerUrls: bundledThreads() });
  try {
    return await run(service, rest, opts);
  } finally {
    await service.close();
  }
}

/**
 * Run from its bundle (cli/launch.mjs), this file's threads are the bundle's own files
 * beside it; run from the sources, the service bundles them itself.
 */
function bundledThreads() {
  if (!import.meta.url.endsWith('.js')) return undefined;
  return { sync: new URL('./sync-worker.js', import.meta.url), reader: new URL('./reader-worker.js', import.meta.url) };
}

// A reader that went away (`broadsheet sync | head -1`) is not the command's failure:
// it finishes its work (a sync still stores what it fetched) with nobody to tell.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

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
