/**
 * Extraction quality: real article texts (the seed page, and articles from the shared
 * conformance corpus's real feeds) inside publishers' page layouts; Readability must
 * return the article and leave the page around it. Measured per page as word recall
 * (how much of the article came out) and precision (how much of what came out is the
 * article).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articlePage, PAGE_LAYOUTS, type PageContent } from '../../test-support/article-pages.ts';
import { seedPage } from '../../test-support/seed-page.ts';
import { parseFeed } from '../feeds/parse/index.ts';
import { htmlToWords } from '../feeds/parse/text.ts';
import { SHARED_DIR } from '../repo-paths.ts';
import { extractArticle } from './extract-article.ts';

/** Real articles with several paragraphs: news, politics, tech blogs, a tutorial with code. */
const CORPUS_ARTICLES: [file: string, title: string][] = [
  ['feedjira__TechCrunch.xml', 'Google Launches Native Gmail App'],
  ['feedjira__HuffPostCanada.xml', 'The Once-In-A-Lifetime Thrill'],
  ['nodefp__tpm.atom', "Menendez 'Convinced'"],
  ['nnw__DaringFireball.atom', 'Medium and the Scourge'],
  ['nnw__cloudblog.rss', 'Want to keep your employees productive'],
  ['nnw__natasha.xml', 'Swift: Alternative to Default Implementations'],
  ['feedrs__rss_2.0_element_io.xml', 'Simpler plans for Element'],
  ['nnw__pxlnv.json', 'Everything Easy is Hard Again'],
  ['laminas__wordpress-rss2-dc-atom.xml', 'My first few weeks in New Zealand'],
  ['nnw__yakubin.atom', 'Thoughts about Prolog'],
  ['feedjira__TrotterCashionHome.xml', 'git-bisect Is Your New Best Friend'],
];

function words(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(word, (bag.get(word) ?? 0) + 1);
  return bag;
}

function score(expected: string, extracted: string): { recall: number; precision: number } {
  const want = words(expected);
  const got = words(extracted);
  let common = 0;
  for (const [word, n] of got) common += Math.min(n, want.get(word) ?? 0);
  const total = (bag: Map<string, number>) => [...bag.values()].reduce((a, b) => a + b, 0);
  return { recall: common / Math.max(1, total(want)), precision: common / Math.max(1, total(got)) };
}

function corpusPages(): { name: string; content: PageContent }[] {
  const dir = path.join(SHARED_DIR, 'conformance', 'corpus', 'real');
  const headlines: string[] = [];
  const articles = CORPUS_ARTICLES.map(([file, title]) => {
    const feed = parseFeed(fs.readFileSync(path.join(dir, file)));
    headlines.push(...feed.items.slice(0, 3).map((item) => item.title ?? ''));
    const item = feed.items.find((i) => i.title?.includes(title));
    if (!item?.contentHtml) throw new Error(`${file}: no article "${title}"`);
    return { name: file, headline: item.title ?? title, bodyHtml: item.contentHtml };
  });
  return articles.map((a, i) => ({
    name: a.name,
    content: {
      section: 'Tech',
      headline: a.headline,
      bodyHtml: a.bodyHtml,
      otherHeadlines: headlines.filter((h) => h && h !== a.headline).slice(i),
    },
  }));
}

describe('article extraction', () => {
  it("extracts the seed page's body without its navigation and trending list", () => {
    const seed = seedPage();
    const page = articlePage('news-site', seed);
    const extracted = extractArticle(page, 'https://news.example/africa/rwanda-belgium');
    const { recall, precision } = score(seed.bodyLines.join(' '), `${extracted.text}`);
    console.log(`seed page: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    for (const trending of seed.trending) expect(extracted.text).not.toContain(trending.headline);
    expect(extracted.text).not.toContain('Privacy policy');
    expect(extracted.text).not.toContain('Sign in');
  });

  it('reaches 0.9 recall and precision on most real articles in every layout', () => {
    const results: { page: string; recall: number; precision: number }[] = [];
    corpusPages().forEach(({ name, content }, i) => {
      const layout = PAGE_LAYOUTS[i % PAGE_LAYOUTS.length] ?? 'minimal';
      const expected = `${htmlToWords(content.bodyHtml)}`;
      let extracted = '';
      try {
        extracted = extractArticle(articlePage(layout, content), `https://blog.example/${i}/post.html`).text;
      } catch {
        // Counted as a page with nothing extracted.
      }
      results.push({ page: `${name} (${layout})`, ...score(expected, extracted) });
    });
    console.table(results.map((r) => ({ ...r, recall: r.recall.toFixed(3), precision: r.precision.toFixed(3) })));
    const good = results.filter((r) => r.recall >= 0.9 && r.precision >= 0.9).length;
    expect(good / results.length).toBeGreaterThanOrEqual(0.8);
    const mean = (key: 'recall' | 'precision') => results.reduce((a, r) => a + r[key], 0) / results.length;
    expect(mean('recall')).toBeGreaterThanOrEqual(0.9);
    expect(mean('precision')).toBeGreaterThanOrEqual(0.9);
  });

  it('makes relative links and lazy images absolute against the page', () => {
    const paragraphs = Array.from(
      { length: 6 },
      (_, i) => `<p>Paragraph ${i} of a long enough story about harbour cranes and tides, with detail.</p>`,
    ).join('');
    const html = `<html><body><article><h1>Cranes</h1><img src="/img/a.jpg" srcset="b.jpg 2x"><a href="../other">more</a>${paragraphs}</article></body></html>`;
    const { html: out } = extractArticle(html, 'https://port.example/news/story/');
    expect(out).toContain('src="https://port.example/img/a.jpg"');
    expect(out).toContain('srcset="https://port.example/news/story/b.jpg 2x"');
    expect(out).toContain('href="https://port.example/news/other"');
  });

  it('says so when a page has no article (an error page, a cookie wall)', () => {
    expect(() =>
      extractArticle('<html><body><nav><a href="/">Home</a></nav><p>Please accept cookies.</p></body></html>', 'https://x.example/'),
    ).toThrow(/no readable article/);
  });
});
