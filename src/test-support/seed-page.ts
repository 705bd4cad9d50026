import fs from 'node:fs';
import { SHARED_DIR } from '../main/repo-paths.ts';
import type { PageContent } from './article-pages.ts';

/**
 * The page Broadsheet grew from (../shared/seeds/news-article-page.txt), as structured
 * content: its section label, headline, body (sub-headings as headings) and the
 * trending list beneath it ("Politics" / "4 days ago" / headline, separated by "-").
 */
export function seedPage(): PageContent & { bodyLines: string[]; trending: { section: string; age: string; headline: string }[] } {
  const lines = fs.readFileSync(`${SHARED_DIR}/seeds/news-article-page.txt`, 'utf8').split('\n');
  const [section = '', headline = ''] = lines;
  const firstTrending = lines.indexOf('-');
  const bodyLines = lines.slice(2, firstTrending).filter((line) => line.trim());
  const trending: { section: string; age: string; headline: string }[] = [];
  for (let i = firstTrending; i < lines.length; i++) {
    const label = /^(.*?)(\d+ days? ago)$/.exec(lines[i] ?? '');
    if (label) trending.push({ section: label[1] ?? '', age: label[2] ?? '', headline: lines[i + 1] ?? '' });
  }
  const isHeading = (line: string) => line.length < 110 && !/[.!?”"]$/.test(line);
  const bodyHtml = bodyLines.map((line) => (isHeading(line) ? `<h2>${line}</h2>` : `<p>${line}</p>`)).join('\n');
  return { section, headline, bodyHtml, bodyLines, trending, otherHeadlines: trending.map((t) => t.headline) };
}
