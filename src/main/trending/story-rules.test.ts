/**
 * The rules that decide when two articles are one story, each on a small library made
 * for it: one ordinary word in common is chance, one name is not; a feed's own formulas
 * tell nothing; a story grows as reports join it; a name the news is about every day is
 * not enough, a name of the day is.
 */
import { describe, expect, it } from 'vitest';
import type { CorpusArticle } from '../../test-support/story-corpus.ts';
import { storeCorpus } from '../../test-support/story-library.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import { updateStories } from './update-stories.ts';

const NOW = Date.UTC(2026, 10, 27, 12);

/** Stores the articles, clusters them, and returns each title's story id. */
function storiesOf(corpus: CorpusArticle[]): Map<string, number> {
  const db = openDatabase(tempDir());
  storeCorpus(db, corpus, NOW);
  updateStories(db, NOW);
  const rows = db.prepare('SELECT title, story_id AS story FROM articles').all() as { title: string; story: number }[];
  return new Map(rows.map((r) => [r.title, r.story]));
}

const article = (source: string, title: string, hoursAgo: number, lead = ''): CorpusArticle => ({
  event: '',
  source,
  title,
  lead,
  hoursAgo,
});

describe('when two articles are one story', () => {
  it('one ordinary word in common is chance, even in a library so small that every word is rare', () => {
    const stories = storiesOf([
      article('Video Channel', 'How rivers shape cities', 3),
      article('Sahel Podcast', 'Episode 12: Rivers of the Sahel', 2),
      article('Garden Blog', 'Tulips in spring', 1, 'Planting bulbs before the frost.'),
    ]);
    expect(new Set(stories.values()).size).toBe(3);
  });

  it('one name in common is enough, however Title Case writes the headlines', () => {
    // Title Case capitalises every word; the sentence-case headline shows which are names.
    const stories = storiesOf([
      article('Wire', 'Medtronic Seeks Reach', 5),
      article('Daily', 'Medtronic Explained', 4),
      article('Metals', 'Gold Jumps Most In 14 Weeks', 3),
      article('Motors', 'Tesla Shares Jumps After Patent Pledge', 2),
      article('Desk', 'Oil jumps as refinery shuts', 2),
    ]);
    expect(stories.get('Medtronic Seeks Reach')).toBe(stories.get('Medtronic Explained'));
    // "jumps" is written in lower case by the window: a word, so gold and Tesla stay apart.
    expect(stories.get('Gold Jumps Most In 14 Weeks')).not.toBe(stories.get('Tesla Shares Jumps After Patent Pledge'));
  });

  it('a feed’s own formula ("… - Analyst Blog") links nothing', () => {
    const blog = (title: string, hoursAgo: number) => article('Stock Blog', `${title} - Analyst Blog`, hoursAgo);
    const stories = storiesOf([
      blog('GM Recalls Cars', 6),
      blog('Tesla Gains', 5),
      blog('Visa Beats Estimates', 4),
      blog('Red Hat Raises Forecast', 3),
      blog('FedEx Profit Rises', 2),
      article('Wire', 'Analyst blog posts are not investment advice, regulator reminds', 1),
    ]);
    expect(new Set(stories.values()).size).toBe(6);
  });

  it('a story grows as reports join it, each through what it shares with the story', () => {
    const stories = storiesOf([
      article('Wire', 'Medtronic agrees to buy Covidien', 6),
      article('Daily', 'Covidien shareholders cheer the Medtronic offer', 5),
      article('Markets', 'Medtronic moves its tax home to Ireland with the Covidien offer', 4),
    ]);
    expect(new Set(stories.values()).size).toBe(1);
  });

  it('a name the news is about every day is not enough; a name of the day is', () => {
    // Kardashian is in the news every nine hours of the last days, Leibovitz only today;
    // the rest of the library is other news, so that neither name is everywhere.
    const everyDay = Array.from({ length: 6 }, (_, i) =>
      article(`Celebrity Desk ${i % 4}`, `Kim Kardashian ${DAILY[i] as string}`, 9 * i + 10),
    );
    const otherNews = Array.from({ length: 20 }, (_, i) =>
      article(`Local ${i}`, `Town${i} fair draws visitor${i} crowd${i}`, ((i * 97) % 95) + 0.5),
    );
    const stories = storiesOf([
      ...otherNews,
      ...everyDay,
      article('Games Wire', 'Kim Kardashian launches a mobile game about fame', 3),
      article('Photo Desk', 'Kim Kardashian wedding portrait took four days to edit', 2),
      article('Style Daily', 'Annie Leibovitz pulled out of the wedding shoot', 3),
      article('Arts Page', 'Why Leibovitz walked away before the ceremony', 2),
    ]);
    expect(stories.get('Kim Kardashian launches a mobile game about fame')).not.toBe(
      stories.get('Kim Kardashian wedding portrait took four days to edit'),
    );
    expect(stories.get('Annie Leibovitz pulled out of the wedding shoot')).toBe(
      stories.get('Why Leibovitz walked away before the ceremony'),
    );
  });
});

const DAILY = [
  'opens a juice bar in Calabasas',
  'shares gym routine',
  'spotted at a Malibu beach',
  'launches lipstick line',
  'talks about her divorce',
  'buys a ranch in Wyoming',
  'wears a yellow gown at the gala',
  'posts a throwback picture',
  'visits her grandmother',
  'signs a perfume deal',
  'hosts a charity auction',
  'denies feud rumours',
  'adopts a rescue puppy',
  'returns from holiday in Bali',
];
