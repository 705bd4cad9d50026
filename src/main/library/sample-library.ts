import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportReport } from '../../shared/api.ts';
import { parseFeed } from '../feeds/parse/index.ts';
import { writeFeedItems } from './article-writer.ts';
import { addFeed, ensureSection } from './sections.ts';

interface SampleManifest {
  /** The instant the sample's dates were written relative to. */
  referenceTime: string;
  feeds: { section: string; file: string; title: string; siteUrl: string }[];
}

/** Bundled feeds are stored under this scheme, which sync never fetches. */
export const BUNDLED_SCHEME = 'bundled:';

/**
 * Loads the sample library shipped in resources/sample — several sections, each a
 * different feed format, the seed story among them — through the same parser and
 * writer as real feeds. Dates are moved forward so the newest story reads as recent,
 * as it would in a library that had just synced.
 */
export function loadSampleLibrary(db: Database, resourcesDir: string, now = Date.now()): ImportReport {
  const dir = path.join(resourcesDir, 'sample');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'library.json'), 'utf8')) as SampleManifest;
  const shift = now - Date.parse(manifest.referenceTime);
  const report: ImportReport = { sectionsAdded: 0, feedsAdded: 0, articlesAdded: 0, problems: [] };
  const sectionsBefore = (db.prepare('SELECT count(*) AS n FROM sections').get() as { n: number }).n;
  for (const entry of manifest.feeds) {
    try {
      const parsed = parseFeed(fs.readFileSync(path.join(dir, entry.file)), { baseUrl: entry.siteUrl });
      const items = parsed.items.map((item) => ({ ...item, published: moved(item.published, shift), updated: moved(item.updated, shift) }));
      db.transaction(() => {
        const sectionId = ensureSection(db, entry.section);
        const feed = addFeed(
          db,
          { url: `${BUNDLED_SCHEME}sample/${entry.file}`, title: entry.title, siteUrl: entry.siteUrl, sectionId },
          now,
        );
        if (feed.created) report.feedsAdded++;
        report.articlesAdded += writeFeedItems(db, feed.id, items, now).added;
        db.prepare('UPDATE feeds SET last_success_at = ? WHERE id = ?').run(now, feed.id);
      }).immediate();
    } catch (error) {
      report.problems.push(`${entry.title}: ${(error as Error).message}`);
    }
  }
  report.sectionsAdded = (db.prepare('SELECT count(*) AS n FROM sections').get() as { n: number }).n - sectionsBefore;
  return report;
}

function moved(iso: string | null, shift: number): string | null {
  return iso ? new Date(Date.parse(iso) + shift).toISOString() : null;
}
