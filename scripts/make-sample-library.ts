/**
 * Regenerates resources/sample/ — the bundled sample library — from the seed page
 * (../shared/seeds/news-article-page.txt) plus a few short stories written for it.
 * Run once by hand (`node scripts/make-sample-library.ts`); the output is committed,
 * so the app never needs ../shared at run time.
 *
 * Each section is a different feed format, so loading the sample also exercises
 * every reader: RSS 2.0, Atom 1.0, RSS 1.0 and JSON Feed.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'resources', 'sample');
const seed = fs.readFileSync(path.resolve(root, '../shared/seeds/news-article-page.txt'), 'utf8');

interface Story {
  title: string;
  daysAgo: number;
  hoursAgo?: number;
  author: string;
  paragraphs: string[];
  /** Paragraph indexes that are sub-headings. */
  headings?: number[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
// Fixed reference instant: the loader shifts dates so the newest story reads as recent.
const REFERENCE = Date.UTC(2025, 2, 18, 12, 0, 0);
const when = (s: Story) => new Date(REFERENCE - s.daysAgo * 86_400_000 - (s.hoursAgo ?? 0) * 3_600_000);
const bodyHtml = (s: Story) => s.paragraphs.map((p, i) => (s.headings?.includes(i) ? `<h2>${esc(p)}</h2>` : `<p>${esc(p)}</p>`)).join('\n');

function seedStory(): Story {
  const lines = seed.split('\n').map((l) => l.trim());
  const end = lines.indexOf('-');
  const body = lines.slice(3, end).filter(Boolean);
  // The seed's short lines without a closing full stop are its sub-headings.
  const headings = body.flatMap((line, i) => (line.length < 120 && !/[.!?]$/.test(line) ? [i] : []));
  return { title: lines[1] ?? '', daysAgo: 0, hoursAgo: 2, author: 'Broadsheet Africa desk', paragraphs: body, headings };
}

const para = (...p: string[]) => p;

const sections: Record<string, Story[]> = {
  Africa: [
    seedStory(),
    {
      title: 'Kenya opens a second rail link to the port of Mombasa',
      daysAgo: 1,
      author: 'Amina Odhiambo',
      paragraphs: para(
        'The new line doubles freight capacity between the coast and Nairobi.',
        'Officials expect container traffic to grow by a fifth within two years.',
      ),
    },
    {
      title: 'Ghana’s cocoa farmers push for a higher farm-gate price',
      daysAgo: 3,
      author: 'Kwame Mensah',
      paragraphs: para(
        'Growers say rising input costs have outpaced the price set by the regulator.',
        'The cocoa board is expected to announce a review next month.',
      ),
    },
  ],
  Politics: [
    {
      title: 'White House video rips Senate Dems with their own words for ‘hypocrisy’ over looming shutdown',
      daysAgo: 4,
      author: 'Politics desk',
      paragraphs: para(
        'A video released by the White House strings together past statements by Senate Democrats on government shutdowns.',
        'Democratic leaders called it a distraction from the budget talks.',
      ),
    },
    {
      title: 'Trump admin cracks down on groups tied to Iran targeting US citizens, sanctions Iranian-linked Swedish gang',
      daysAgo: 3,
      author: 'Politics desk',
      paragraphs: para(
        'The Treasury Department announced sanctions against a criminal network it says acted for Iran.',
        'Officials said the network had targeted dissidents living abroad.',
      ),
    },
  ],
  Canada: [
    {
      title: 'Canada’s Wonderland scrapping popular 20-year rollercoaster ahead of 2025 season',
      daysAgo: 3,
      author: 'Canada desk',
      paragraphs: para(
        'The park said the ride had reached the end of its service life.',
        'Fans have started sharing memories of their first rides online.',
      ),
    },
  ],
  Lifestyle: [
    {
      title: '2025 Mercury retrograde in Aries and Pisces: How to survive and thrive',
      daysAgo: 3,
      author: 'Lifestyle desk',
      paragraphs: para(
        'Astrologers say the retrograde begins in Aries before slipping back into Pisces.',
        'Their advice: double-check travel plans and re-read important messages.',
      ),
    },
  ],
  World: [
    {
      // The seed story in another outlet's words: trending shows it with two sources.
      title: 'Belgium expels Rwandan envoys as Kigali cuts diplomatic relations',
      daysAgo: 0,
      hoursAgo: 1,
      author: 'World desk',
      paragraphs: para(
        'Belgium declared Rwandan diplomats unwelcome on Monday, hours after Rwanda announced it was severing diplomatic ties with Brussels over the conflict in eastern Congo.',
        'Belgian officials called the decision by Kigali disproportionate and said they regretted the end of relations.',
      ),
    },
    {
      title: 'Oregon mental health advisory board includes member who identifies as terrapin species',
      daysAgo: 5,
      author: 'World desk',
      paragraphs: para(
        'A state advisory board’s membership list drew attention online this week.',
        'The agency said members are chosen for their lived experience.',
      ),
    },
  ],
  Tech: [
    {
      title: 'Best Wireless Home Security Cameras of 2025',
      daysAgo: 2,
      author: 'Tech desk',
      paragraphs: para(
        'We tested battery life, image quality and app privacy settings across a dozen cameras.',
        'Local storage options matter more than ever for people wary of the cloud.',
      ),
    },
    {
      title: 'France vs. Scotland: How to Watch 2025 Six Nations Rugby Live From Anywhere',
      daysAgo: 2,
      hoursAgo: 5,
      author: 'Tech desk',
      paragraphs: para(
        'The final weekend of the Six Nations brings France and Scotland to Paris.',
        'Here is where the match streams in each country.',
      ),
    },
    {
      title: 'How to Watch ‘American Idol’ 2025: Stream Season 23',
      daysAgo: 1,
      author: 'Tech desk',
      paragraphs: para('Season 23 returns with a familiar judging panel.', 'Episodes stream the next day on the network’s service.'),
    },
  ],
};

// Each section is its own (imaginary) publisher, so stories covered by two of them count two sources.
const site = (section: string) => `https://${slug(section)}.sample.broadsheet.example/`;
const link = (section: string, s: Story) => `${site(section)}${slug(s.title)}`;

function rss2(section: string, stories: Story[]): string {
  const items = stories
    .map(
      (s) => `    <item>
      <title>${esc(s.title)}</title>
      <link>${link(section, s)}</link>
      <guid isPermaLink="true">${link(section, s)}</guid>
      <pubDate>${when(s).toUTCString()}</pubDate>
      <dc:creator>${esc(s.author)}</dc:creator>
      <category>${esc(section)}</category>
      <description>${esc(s.paragraphs[0] ?? '')}</description>
      <content:encoded><![CDATA[${bodyHtml(s)}]]></content:encoded>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Sample ${esc(section)}</title>
    <link>${site(section)}</link>
    <description>${esc(section)} stories from the Broadsheet sample library</description>
    <language>en</language>
${items}
  </channel>
</rss>
`;
}

function atom(section: string, stories: Story[]): string {
  const entries = stories
    .map(
      (s) => `  <entry>
    <id>${link(section, s)}</id>
    <title>${esc(s.title)}</title>
    <link rel="alternate" type="text/html" href="${link(section, s)}"/>
    <published>${when(s).toISOString()}</published>
    <updated>${when(s).toISOString()}</updated>
    <author><name>${esc(s.author)}</name></author>
    <category term="${esc(section)}"/>
    <content type="html">${esc(bodyHtml(s))}</content>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Sample ${esc(section)}</title>
  <link rel="alternate" href="${site(section)}"/>
  <id>${site(section)}</id>
  <updated>${when(stories[0] as Story).toISOString()}</updated>
${entries}
</feed>
`;
}

function rss1(section: string, stories: Story[]): string {
  const items = stories
    .map(
      (s) => `  <item rdf:about="${link(section, s)}">
    <title>${esc(s.title)}</title>
    <link>${link(section, s)}</link>
    <dc:date>${when(s).toISOString()}</dc:date>
    <dc:creator>${esc(s.author)}</dc:creator>
    <description>${esc(bodyHtml(s))}</description>
  </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="${site(section)}">
    <title>Sample ${esc(section)}</title>
    <link>${site(section)}</link>
    <description>${esc(section)} stories from the Broadsheet sample library</description>
  </channel>
${items}
</rdf:RDF>
`;
}

function jsonFeed(section: string, stories: Story[]): string {
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: `Sample ${section}`,
      home_page_url: site(section),
      language: 'en',
      items: stories.map((s) => ({
        id: link(section, s),
        url: link(section, s),
        title: s.title,
        date_published: when(s).toISOString(),
        authors: [{ name: s.author }],
        tags: [section],
        content_html: bodyHtml(s),
      })),
    },
    null,
    2,
  )}\n`;
}

const writers: Record<string, [string, (section: string, stories: Story[]) => string]> = {
  Africa: ['africa.xml', rss2],
  Politics: ['politics.atom', atom],
  Canada: ['canada.xml', rss2],
  Lifestyle: ['lifestyle.rdf', rss1],
  World: ['world.xml', rss2],
  Tech: ['tech.json', jsonFeed],
};

fs.mkdirSync(out, { recursive: true });
const manifest = Object.entries(sections).map(([section, stories]) => {
  const [file, write] = writers[section] ?? ['', rss2];
  fs.writeFileSync(path.join(out, file), write(section, stories));
  return { section, file, title: `Sample ${section}`, siteUrl: site(section) };
});
fs.writeFileSync(
  path.join(out, 'library.json'),
  `${JSON.stringify({ referenceTime: new Date(REFERENCE).toISOString(), feeds: manifest }, null, 2)}\n`,
);
console.log(`wrote ${manifest.length} sample feeds to ${path.relative(root, out)}`);
