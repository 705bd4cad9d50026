import { formatBytes } from '../../shared/format-bytes.ts';
import { type LibraryCommand, print } from './command.ts';

/**
 * `sync [--json]`: every feed now, and offline capture of what arrived (it starts once
 * the articles are listed); exit 1 when a feed failed. `phases` says, in ms from the
 * start of the command, when every fetched article was in the lists, searchable, in
 * stories, and kept offline.
 */
export const sync: LibraryCommand = async (service, _args, opts) => {
  const { summary, capture, capturedAt } = await service.syncAndCapture(true);
  const sinceStart = (at: number) => Math.round(at - performance.timeOrigin);
  const phases = summary.phases
    ? {
        listedMs: sinceStart(summary.phases.listedAt),
        indexedMs: sinceStart(summary.phases.indexedAt),
        storiesMs: sinceStart(summary.phases.storiesAt),
        capturedMs: capturedAt === null ? null : sinceStart(capturedAt),
      }
    : null;
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
    phases,
    capture,
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
};
