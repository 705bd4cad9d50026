import { describe, expect, it } from 'vitest';
import type { FeedSummary } from '../../shared/api.ts';
import { writeOpml } from './export-opml.ts';
import { readOpml } from './opml.ts';

describe('OPML', () => {
  it('reads nested folders as sections (joined), in any attribute case, with a report of what it skipped', () => {
    const result = readOpml(`<?xml version="1.0"?>
      <opml version="1.0"><head><title>Export & more</title></head><body>
        <outline TEXT="News"><outline title="World"><outline text="Wire" XMLURL="https://wire.example/rss?a=1&b=2"/></outline></outline>
        <outline text="Top level" xmlUrl="http://top.example/feed" htmlUrl="http://top.example/"/>
        <outline text="No address"/>
        <outline text="Local file" xmlUrl="file:///home/me/feed.xml"/>
      </body></opml>`);
    expect(result.entries).toEqual([
      { url: 'https://wire.example/rss?a=1&b=2', title: 'Wire', siteUrl: null, section: 'News / World' },
      { url: 'http://top.example/feed', title: 'Top level', siteUrl: 'http://top.example/', section: null },
    ]);
    expect(result.problems).toEqual([
      '“No address”: no feed address (xmlUrl)',
      '“Local file”: file:///home/me/feed.xml is not a web address',
    ]);
  });

  it('keeps what it can of a truncated file', () => {
    const result = readOpml('<opml><body><outline text="A" xmlUrl="https://a.example/f"/><outline text="B" xmlUrl="https://b.exa');
    expect(result.entries.map((e) => e.url)).toEqual(['https://a.example/f']);
  });

  it('says plainly when a file is not OPML', () => {
    expect(() => readOpml('<html><body>hello</body></html>')).toThrow('This is not an OPML file');
  });

  it('exports sections as folders and reads back the same subscriptions', () => {
    const feed = (id: number, title: string, url: string, sectionName: string | null): FeedSummary => ({
      id,
      title,
      url,
      siteUrl: null,
      sectionId: sectionName ? 1 : null,
      sectionName,
      unreadCount: 0,
      lastSuccessAt: null,
      lastError: null,
      fullText: 'auto',
      remotePictures: true,
      publisher: null,
    });
    const opml = writeOpml([
      feed(1, 'Tom & Jerry "Daily"', 'https://tj.example/rss?x=1&y=2', 'Cartoons'),
      feed(2, 'Loose', 'https://loose.example/feed', null),
      feed(3, 'Sample', 'bundled:sample/africa.xml', 'Africa'),
    ]);
    expect(readOpml(opml).entries).toEqual([
      { url: 'https://tj.example/rss?x=1&y=2', title: 'Tom & Jerry "Daily"', siteUrl: null, section: 'Cartoons' },
      { url: 'https://loose.example/feed', title: 'Loose', siteUrl: null, section: null },
    ]);
  });
});
