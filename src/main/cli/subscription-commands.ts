import fs from 'node:fs';
import { ApiError, type FeedSummary, type FullTextMode } from '../../shared/api.ts';
import type { NewsService } from '../library/news-service.ts';
import { type LibraryCommand, print } from './command.ts';
import { readInputFile } from './describe-error.ts';

/** `subscribe`, `import-opml`, `export-opml`, `feeds`, `feed`: what the person follows and how. */
export const subscribe: LibraryCommand = async (service, [url], opts) => {
  if (!url) throw new ApiError('invalid-argument', 'subscribe needs an address');
  const feed = await service.subscribe(url, opts.section);
  if (opts.json) return print(feed);
  console.log(`Subscribed to ${feed.title} (${feed.url}).`);
  return 0;
};

export const importOpml: LibraryCommand = async (service, [file], opts) => {
  if (!file) throw new ApiError('invalid-argument', 'import-opml needs a file');
  const report = await service.importOpml(readInputFile(file).toString('utf8'));
  if (opts.json) return print(report);
  console.log(`Imported ${report.feedsAdded} feeds into ${report.sectionsAdded} new sections.`);
  for (const problem of report.problems) console.log(`  skipped ${problem}`);
  return 0;
};

export const exportOpml: LibraryCommand = async (service, [file]) => {
  const opml = await service.exportOpml();
  if (file) fs.writeFileSync(file, opml);
  else process.stdout.write(opml);
  return 0;
};

export const feeds: LibraryCommand = async (service, _args, opts) => {
  const list = await service.listFeeds();
  if (opts.json) return print(list);
  for (const f of list) console.log(describeFeed(f));
  return 0;
};

const FULL_TEXT_MODES: readonly FullTextMode[] = ['auto', 'always', 'never'];

/** `feed <id|address> [--full-text auto|always|never] [--remote-pictures on|off] [--publisher NAME|auto]`: one feed's settings. */
export const feed: LibraryCommand = async (service, [which], opts) => {
  if (!which)
    throw new ApiError(
      'invalid-argument',
      'use: feed <id or address> [--full-text auto|always|never] [--remote-pictures on|off] [--publisher NAME|auto]',
    );
  if (opts.publisher !== undefined && (!opts.publisher.trim() || opts.publisher.length > 200))
    throw new ApiError('invalid-argument', '--publisher must be a name (up to 200 characters), or auto');
  const fullText = opts.fullText;
  if (fullText !== undefined && !FULL_TEXT_MODES.includes(fullText as FullTextMode))
    throw new ApiError('invalid-argument', '--full-text must be auto, always or never');
  const remote = opts.remotePictures;
  if (remote !== undefined && remote !== 'on' && remote !== 'off')
    throw new ApiError('invalid-argument', '--remote-pictures must be on or off');
  const target = await findFeed(service, which);
  if (fullText !== undefined) await service.setFeedFullText(target.id, fullText as FullTextMode);
  if (remote !== undefined) await service.setFeedRemotePictures(target.id, remote === 'on');
  if (opts.publisher !== undefined) await service.setFeedPublisher(target.id, opts.publisher.trim() === 'auto' ? null : opts.publisher);
  const updated = await findFeed(service, String(target.id));
  if (opts.json) return print(updated);
  console.log(describeFeed(updated));
  return 0;
};

async function findFeed(service: NewsService, which: string): Promise<FeedSummary> {
  const list = await service.listFeeds();
  const found = /^\d+$/.test(which) ? list.find((f) => f.id === Number(which)) : list.find((f) => f.url === which);
  if (!found) throw new ApiError('not-found', `There is no feed ${which} among the subscriptions (see: feeds).`);
  return found;
}

function describeFeed(f: FeedSummary): string {
  const pictures = f.remotePictures ? 'pictures from the web' : 'offline pictures only';
  const publisher = f.publisher ? ` · publisher ${f.publisher}` : '';
  return `${String(f.id).padStart(5)}  ${f.title || f.url}  (${f.url}) · ${f.sectionName ?? 'no section'} · full text ${f.fullText} · ${pictures}${publisher}${f.lastError ? ` · last error: ${f.lastError}` : ''}`;
}
