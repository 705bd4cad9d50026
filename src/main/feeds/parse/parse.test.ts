import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed } from './index.ts';

const rss = (items: string, channelExtra = '', attrs = '') =>
  `<?xml version="1.0"?><rss version="2.0" ${attrs}><channel><title>Chan</title><link>https://example.com/</link>${channelExtra}${items}</channel></rss>`;

describe('parseFeed: formats', () => {
  it('reads RSS 2.0 with content:encoded, dc:creator, enclosures, categories and media thumbnails', () => {
    const feed = parseFeed(
      rss(
        `<item><title>Hello &amp; welcome</title><link>/posts/1</link><guid isPermaLink="false">abc-1</guid>
         <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><dc:creator>Ada</dc:creator>
         <description>&lt;p&gt;Short&lt;/p&gt;</description>
         <content:encoded><![CDATA[<p>Full <a href="/x">text</a></p>]]></content:encoded>
         <category>Tech</category><category>Tech</category><category>AI</category>
         <enclosure url="/a.mp3" type="audio/mpeg" length="123"/>
         <media:thumbnail url="https://cdn.example.com/t.jpg"/></item>`,
        '',
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"',
      ),
      { baseUrl: 'https://example.com/feed.xml' },
    );
    expect(feed.format).toBe('rss2');
    expect(feed.title).toBe('Chan');
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: 'abc-1',
      title: 'Hello & welcome',
      link: 'https://example.com/posts/1',
      published: '2003-06-10T04:00:00.000Z',
      author: 'Ada',
      summary: 'Short',
      contentHtml: '<p>Full <a href="https://example.com/x">text</a></p>',
      categories: ['Tech', 'AI'],
      enclosures: [{ url: 'https://example.com/a.mp3', type: 'audio/mpeg', length: 123 }],
      thumbnail: 'https://cdn.example.com/t.jpg',
    });
  });

  it('reads Atom 1.0 with xhtml content and xml:base', () => {
    const feed = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/">
        <title type="html">A &lt;b&gt;bold&lt;/b&gt; blog</title><link href="/"/>
        <entry xml:base="/2024/"><id>urn:1</id><title>Post</title><link href="post.html"/>
          <updated>2024-03-01T10:00:00+01:00</updated>
          <author><name>Grace</name></author>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <img src="pic.png"/></p></div></content>
        </entry></feed>`,
    );
    expect(feed.format).toBe('atom1');
    expect(feed.title).toBe('A bold blog');
    expect(feed.link).toBe('https://blog.example.org/');
    expect(feed.items[0]).toMatchObject({
      id: 'urn:1',
      link: 'https://blog.example.org/2024/post.html',
      published: null,
      updated: '2024-03-01T09:00:00.000Z',
      author: 'Grace',
    });
    expect(feed.items[0]?.contentHtml).toContain('src="https://blog.example.org/2024/pic.png"');
  });

  it('reads RSS 1.0 (RDF) items that sit beside the channel', () => {
    const feed = parseFeed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://ex.org/"><title>RDF</title><link>https://ex.org/</link></channel>
        <item rdf:about="https://ex.org/1"><title>One</title><link>https://ex.org/1</link><dc:date>2020-01-02</dc:date></item>
      </rdf:RDF>`,
    );
    expect(feed.format).toBe('rss1');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ id: 'https://ex.org/1', title: 'One', published: null, updated: '2020-01-02T00:00:00.000Z' });
  });

  it('reads JSON Feed 1.1', () => {
    const feed = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'JF',
        home_page_url: 'https://jf.example/',
        items: [
          {
            id: 7,
            url: 'https://jf.example/7',
            title: 'Seven',
            content_text: 'a < b',
            date_published: '2021-05-05T05:05:05Z',
            authors: [{ name: 'Lin' }],
          },
        ],
      }),
    );
    expect(feed.format).toBe('json1');
    expect(feed.items[0]).toMatchObject({
      id: '7',
      title: 'Seven',
      author: 'Lin',
      contentHtml: 'a &lt; b',
      published: '2021-05-05T05:05:05.000Z',
    });
  });

  it('decides the format from the content, not a misleading Content-Type', () => {
    const feed = parseFeed(new TextEncoder().encode(rss('<item><title>x</title></item>')), { contentType: 'text/html' });
    expect(feed.format).toBe('rss2');
  });
});

describe('parseFeed: encodings', () => {
  it('decodes a windows-1252 feed declared in the XML declaration', () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Caf'),
      Buffer.from([0xe9, 0x20, 0x93, 0x71, 0x94]),
      Buffer.from('</title></channel></rss>'),
    ]);
    expect(parseFeed(bytes).title).toBe('Café “q”');
  });

  it('prefers valid UTF-8 bytes over a wrong Latin-1 label', () => {
    const bytes = Buffer.from(
      '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>Zürich “news”</title></channel></rss>',
      'utf8',
    );
    expect(parseFeed(bytes).title).toBe('Zürich “news”');
  });

  it('honours a UTF-16 byte-order mark', () => {
    const text = '<rss version="2.0"><channel><title>Ωmega</title></channel></rss>';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(parseFeed(bytes).title).toBe('Ωmega');
  });

  it('decodes Shift_JIS from the HTTP charset', () => {
    const sjis = Buffer.from([0x93, 0xfa, 0x96, 0x7b]); // 日本
    const bytes = Buffer.concat([Buffer.from('<rss version="2.0"><channel><title>'), sjis, Buffer.from('</title></channel></rss>')]);
    expect(parseFeed(bytes, { contentType: 'application/rss+xml; charset=Shift_JIS' }).title).toBe('日本');
  });
});

describe('parseFeed: encodings seen on real feeds the corpus lacks', () => {
  const rssTitled = (title: Buffer, declaration = '') =>
    Buffer.concat([Buffer.from(`${declaration}<rss version="2.0"><channel><title>`), title, Buffer.from('</title></channel></rss>')]);

  it('reads a document declared UTF-16 whose bytes are UTF-8 (the declaration outlived a re-save)', () => {
    const bytes = Buffer.from(
      '<?xml version="1.0" encoding="utf-16"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Köln</title><entry><id>1</id><title>Straße</title></entry></feed>',
    );
    const feed = parseFeed(bytes);
    expect(feed).toMatchObject({ format: 'atom1', title: 'Köln' });
    expect(feed.items[0]?.title).toBe('Straße');
  });

  it('decodes every WHATWG encoding, under its Python and IANA spellings too', () => {
    const privet = Buffer.from([143, 240, 232, 226, 229, 242]); // "Привет" in Mac Cyrillic
    for (const label of ['x-mac-cyrillic', 'mac-cyrillic', 'MacCyrillic', 'mac_cyrillic']) {
      expect(parseFeed(rssTitled(privet, `<?xml version="1.0" encoding="${label}"?>`)).title, label).toBe('Привет');
    }
    const koi8 = Buffer.from([240, 210, 201, 215, 197, 212]);
    expect(parseFeed(rssTitled(koi8), { contentType: 'text/xml; charset=KOI8_R' }).title).toBe('Привет');
    expect(parseFeed(rssTitled(Buffer.from([0x43, 0x61, 0x66, 0xe9])), { contentType: 'text/xml; charset=ISO8859_1' }).title).toBe('Café');
  });

  it('reads a label no decoder knows as Windows-1252, never as replacement characters', () => {
    const feed = parseFeed(rssTitled(Buffer.from([0x43, 0x61, 0x66, 0xe9]), '<?xml version="1.0" encoding="x-unheard-of"?>'));
    expect(feed.title).toBe('Café');
  });

  it('keeps the valid UTF-8 of a file with a stray Latin-1 byte, and reads that byte as Latin-1', () => {
    const bytes = rssTitled(
      Buffer.concat([Buffer.from('Ѩ and Espa'), Buffer.from([0xf1]), Buffer.from('a')]),
      '<?xml version="1.0" encoding="utf-8"?>',
    );
    expect(parseFeed(bytes).title).toBe('Ѩ and España');
  });

  it('repairs UTF-8 encoded twice, in text and in character references, and leaves real accents alone', () => {
    const twice = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    const bytes = Buffer.from(
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${twice('Kölner Stadt-Anzeiger')}</title>` +
        `<item><title>${twice('Fußball: Łódź – “Zürich”')}</title><description>&#226;&#128;&#166;</description></item>` +
        '<item><title>CAFÉ\u00a0! Ça va, Ötzi</title><description>À LA CAFÉ&#160;!</description></item></channel></rss>',
    );
    const feed = parseFeed(bytes);
    expect(feed.title).toBe('Kölner Stadt-Anzeiger');
    expect(feed.items[0]?.title).toBe('Fußball: Łódź – “Zürich”');
    expect(feed.items[0]?.summary).toBe('…');
    expect(feed.items[1]?.title).toBe('CAFÉ ! Ça va, Ötzi');
    expect(feed.items[1]?.contentHtml).toBe('À LA CAFÉ\u00a0!');
  });

  it('leaves text alone that a single-byte decoding produced (CJK without a label reads like double encoding)', () => {
    const sjis = Buffer.from([0x82, 0xc9, 0x8b, 0x4c]); // Shift_JIS bytes, no label: Windows-1252 "‚É‹L"
    expect(parseFeed(rssTitled(sjis)).title).toBe('‚É‹L');
  });
});

describe('parseFeed: links', () => {
  it('uses an Atom entry’s web-address id as its link when it has no <link>', () => {
    const feed = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>' +
        '<entry><id>https://example.org/posts/1</id><title>One</title></entry>' +
        '<entry><id>tag:example.org,2024:2</id><title>Two</title></entry>' +
        '<entry><id>https://example.org/posts/3</id><link href="https://example.org/three"/><title>Three</title></entry></feed>',
    );
    expect(feed.items.map((item) => item.link)).toEqual(['https://example.org/posts/1', null, 'https://example.org/three']);
  });
});

describe('parseFeed: hostile and broken input', () => {
  it('reads nesting past 256 levels as text, and refuses a document nested 100,000 deep', () => {
    const nested = (depth: number) =>
      `<rss version="2.0"><channel><title>T</title><item><title>Deep</title><description>${'<b>'.repeat(depth)}kept${'</b>'.repeat(depth)}</description></item></channel></rss>`;
    const feed = parseFeed(nested(2_000));
    expect(feed.items[0]?.summary).toBe('kept');
    // Refused early: the XML parser's bookkeeping is quadratic in the depth (a million
    // levels, 3 MB, took minutes before), and no feed nests like this.
    expect(() => parseFeed(`<rss><channel>${'<x>'.repeat(100_000)}</channel></rss>`)).toThrow(FeedParseError);
    expect(() => parseFeed(`<rss><channel>${'<x>'.repeat(100_000)}</channel></rss>`)).toThrow(/nest more than 10,000 deep/);
  });

  it('does not expand entity bombs or read external entities', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><title>&lol3;&xxe;</title></channel></rss>`;
    const feed = parseFeed(bomb);
    expect(feed.title?.length ?? 0).toBeLessThan(100);
    expect(feed.title ?? '').not.toContain('root:');
  });

  it('reads HTML entities and stray ampersands that strict XML parsers reject', () => {
    const feed = parseFeed(rss('<item><title>Tom &amp; Jerry&nbsp;&mdash; AT&T</title></item>'));
    expect(feed.items[0]?.title).toBe('Tom & Jerry — AT&T');
  });

  it('keeps what it can of a truncated feed', () => {
    const feed = parseFeed(rss('<item><title>First</title></item><item><title>Seco').slice(0, -30));
    expect(feed.items[0]?.title).toBe('First');
  });

  it('explains what an HTML page or garbage is', () => {
    expect(() => parseFeed('<!doctype html><html><body>hi</body></html>')).toThrow(FeedParseError);
    expect(() => parseFeed('<!doctype html><html><body>hi</body></html>')).toThrow(/HTML page/);
    expect(() => parseFeed('hello world')).toThrow(/neither XML nor JSON/);
    expect(() => parseFeed('{"hello": 1}')).toThrow(/not a JSON Feed/);
  });
});
