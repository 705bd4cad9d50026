/**
 * A deterministic benchmark corpus: `feeds` feeds of mixed formats (RSS 2.0, Atom,
 * RSS 1.0, JSON Feed), 20–100 items each, several KB of HTML per item. The same seed
 * always gives the same bytes, so runs on different days compare.
 */
export interface CorpusFeed {
  path: string;
  body: Buffer;
  etag: string;
  lastModified: string;
  items: number;
  contentType: string;
}

const WORDS =
  'the of and to in a is that for on with as by at from minister government election market city council report police court health energy climate school water border trade bank price rise fall talks deal vote law record storm rain heat power data study team season match league coach player fans club launch phone chip cloud software update security privacy network design space rocket launchpad mission museum art film music festival book author river bridge road rail port airport flight strike union wage budget tax growth inflation'.split(
    ' ',
  );

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function generateCorpus(feeds = 300, seed = 42): CorpusFeed[] {
  const rand = prng(seed);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)] as string;
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, pick);
    const first = words[0] ?? 'the';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(' ')}.`;
  };
  const html = (feed: number, item: number) => {
    const paragraphs = 10 + Math.floor(rand() * 9);
    const parts: string[] = [];
    for (let p = 0; p < paragraphs; p++) {
      const sentences = Array.from({ length: 5 + Math.floor(rand() * 5) }, () => sentence(8 + Math.floor(rand() * 12)));
      parts.push(`<p>${sentences.join(' ')} <a href="/story/${feed}/${item}/${p}">more</a></p>`);
      if (p === 2)
        parts.push(`<figure><img src="/img/${feed}/${item}.jpg" alt="${pick()}"><figcaption>${sentence(6)}</figcaption></figure>`);
    }
    return parts.join('\n');
  };
  const base = Date.UTC(2026, 10, 1);
  const out: CorpusFeed[] = [];
  for (let f = 0; f < feeds; f++) {
    const count = 20 + Math.floor(rand() * 81);
    const kind = f % 10 < 6 ? 'rss2' : f % 10 < 8 ? 'atom' : f % 10 < 9 ? 'rss1' : 'json';
    const items = Array.from({ length: count }, (_, i) => ({
      id: `https://news${f}.example/story/${i}`,
      title: sentence(6 + Math.floor(rand() * 6)).slice(0, -1),
      date: new Date(base - ((f * 7919 + i * 3_600_000 * (1 + rand())) % (60 * 86_400_000))),
      body: html(f, i),
    }));
    let body: string;
    let contentType: string;
    if (kind === 'rss2') {
      contentType = 'application/rss+xml';
      body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News ${f}</title><link>https://news${f}.example/</link><description>Feed ${f}</description>${items
        .map(
          (it) =>
            `<item><title>${esc(it.title)}</title><link>${it.id}</link><guid>${it.id}</guid><pubDate>${it.date.toUTCString()}</pubDate><description>${esc(it.title)}</description><content:encoded><![CDATA[${it.body}]]></content:encoded></item>`,
        )
        .join('\n')}</channel></rss>`;
    } else if (kind === 'atom') {
      contentType = 'application/atom+xml';
      body = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News ${f}</title><link href="https://news${f}.example/"/><id>urn:feed:${f}</id>${items
        .map(
          (it) =>
            `<entry><id>${it.id}</id><title>${esc(it.title)}</title><link href="${it.id}"/><published>${it.date.toISOString()}</published><updated>${it.date.toISOString()}</updated><content type="html">${esc(it.body)}</content></entry>`,
        )
        .join('\n')}</feed>`;
    } else if (kind === 'rss1') {
      contentType = 'application/rdf+xml';
      body = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel rdf:about="https://news${f}.example/"><title>News ${f}</title><link>https://news${f}.example/</link></channel>${items
        .map(
          (it) =>
            `<item rdf:about="${it.id}"><title>${esc(it.title)}</title><link>${it.id}</link><dc:date>${it.date.toISOString()}</dc:date><content:encoded><![CDATA[${it.body}]]></content:encoded></item>`,
        )
        .join('\n')}</rdf:RDF>`;
    } else {
      contentType = 'application/feed+json';
      body = JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: `News ${f}`,
        home_page_url: `https://news${f}.example/`,
        items: items.map((it) => ({
          id: it.id,
          url: it.id,
          title: it.title,
          date_published: it.date.toISOString(),
          content_html: it.body,
        })),
      });
    }
    out.push({
      path: `/feeds/${f}.${kind === 'json' ? 'json' : 'xml'}`,
      body: Buffer.from(body),
      etag: `"f${f}-${seed}"`,
      lastModified: new Date(base).toUTCString(),
      items: count,
      contentType,
    });
  }
  return out;
}
