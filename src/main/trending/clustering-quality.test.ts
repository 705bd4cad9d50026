/**
 * Story clustering against a labelled corpus (src/test-support/story-corpus.ts): events
 * reported by several sources in their own words, near-misses about the same people and
 * places, one-offs, and one prolific feed. Measured as pairwise precision (articles put
 * together belong together) and recall (articles that belong together were put
 * together), through the real database path.
 */
import { describe, expect, it } from 'vitest';
import { EXPECTED_TOP_STORIES, heldOutCorpus, storyCorpus } from '../../test-support/story-corpus.ts';
import { storeCorpus } from '../../test-support/story-library.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import { scoreStories } from './score.ts';
import { trendingStories } from './trending-stories.ts';
import { updateStories } from './update-stories.ts';

const NOW = Date.UTC(2026, 10, 27, 12);

function pairwise(events: Map<number, string>, stories: Map<number, number>) {
  const ids = [...events.keys()];
  let truePairs = 0;
  let falsePairs = 0;
  let missedPairs = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] as number;
      const b = ids[j] as number;
      const same = events.get(a) === events.get(b);
      const together = stories.get(a) === stories.get(b);
      if (same && together) truePairs++;
      else if (together) falsePairs++;
      else if (same) missedPairs++;
    }
  }
  return { precision: truePairs / (truePairs + falsePairs), recall: truePairs / (truePairs + missedPairs) };
}

function storiesOf(db: ReturnType<typeof openDatabase>): Map<number, number> {
  const rows = db.prepare('SELECT id, story_id AS storyId FROM articles').all() as { id: number; storyId: number }[];
  return new Map(rows.map((r) => [r.id, r.storyId]));
}

describe('story clustering on the labelled corpus', () => {
  it('reaches 0.9 pairwise precision and recall, and trending puts the widest recent coverage on top', () => {
    const db = openDatabase(tempDir());
    const events = storeCorpus(db, storyCorpus(), NOW);
    updateStories(db, NOW);
    const { precision, recall } = pairwise(events, storiesOf(db));
    console.log(`clustering: pairwise precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} over ${events.size} articles`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);

    const top = trendingStories(db, { now: NOW, limit: 5 });
    const eventOf = (articleId: number) => events.get(articleId);
    expect(new Set(top.map((story) => eventOf(story.articleId)))).toEqual(new Set(EXPECTED_TOP_STORIES));
    // The one prolific feed's story is not among them, however many times it posted.
    expect(top.every((story) => story.sources >= 2)).toBe(true);
    const hurricane = top.find((story) => eventOf(story.articleId) === 'florida-hurricane');
    expect(hurricane?.sources).toBe(5);
    expect(hurricane?.articles).toHaveLength(5);
  });

  it('holds on events that were not used to choose its constants, alone and mixed with the others', () => {
    for (const [name, corpus] of [
      ['held-out', heldOutCorpus()],
      ['all', [...storyCorpus(), ...heldOutCorpus()]],
    ] as const) {
      const db = openDatabase(tempDir());
      const events = storeCorpus(db, corpus, NOW);
      updateStories(db, NOW);
      const { precision, recall } = pairwise(events, storiesOf(db));
      console.log(
        `clustering (${name}): pairwise precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} over ${events.size} articles`,
      );
      expect(precision).toBeGreaterThanOrEqual(0.9);
      expect(recall).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('comes out the same whatever order the feeds arrive in, one sync at a time', () => {
    const corpus = storyCorpus();
    const sources = [...new Set(corpus.map((a) => a.source))];
    // Feeds in three syncs, newest-first publishers in the first: stories form before their older articles arrive.
    const order = [...sources].reverse();
    const db = openDatabase(tempDir());
    const events = new Map<number, string>();
    for (let i = 0; i < 3; i++) {
      const batch = order.slice(i * 6, (i + 1) * 6);
      for (const [id, event] of storeCorpus(
        db,
        corpus.filter((a) => batch.includes(a.source)),
        NOW,
      ))
        events.set(id, event);
      updateStories(db, NOW);
    }
    const { precision, recall } = pairwise(events, storiesOf(db));
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    // A second run with nothing new changes nothing.
    const before = storiesOf(db);
    updateStories(db, NOW);
    expect(storiesOf(db)).toEqual(before);
  });

  it('the sidebar’s shortcut (stories by the most they could score) gives exactly the full ranking', () => {
    const db = openDatabase(tempDir());
    storeCorpus(db, [...storyCorpus(), ...heldOutCorpus()], NOW);
    updateStories(db, NOW);
    // The reader has read one story: the nudge must come out the same both ways.
    db.prepare(
      "UPDATE article_state SET read = 1 WHERE article_id = (SELECT id FROM articles WHERE title LIKE 'Bank of England holds%')",
    ).run();
    const window = 72 * 3600_000;
    const rows = db
      .prepare(
        `SELECT a.id, coalesce(a.story_id, a.id) AS storyId, f.site_url AS site, a.published_at AS publishedAt, st.read | st.bookmarked AS engaged
         FROM articles a JOIN feeds f ON f.id = a.feed_id JOIN article_state st ON st.article_id = a.id WHERE a.published_at >= ?`,
      )
      .all(NOW - window) as { id: number; storyId: number; site: string; publishedAt: number; engaged: number }[];
    const full = scoreStories(
      rows.map((r) => ({
        articleId: r.id,
        storyId: r.storyId,
        source: new URL(r.site).host,
        publishedAt: r.publishedAt,
        engaged: r.engaged === 1,
      })),
      NOW,
      window,
    );
    const shortcut = trendingStories(db, { now: NOW, limit: 8 });
    expect(shortcut.map((s) => s.storyId)).toEqual(full.slice(0, 8).map((s) => s.storyId));
    expect(shortcut.map((s) => s.score)).toEqual(full.slice(0, 8).map((s) => Math.round(s.score * 10_000) / 10_000));
  });

  it('folds a publisher re-posting its own story into it, counting that publisher once', () => {
    const db = openDatabase(tempDir());
    const events = storeCorpus(
      db,
      [
        ...[...storyCorpus(), ...heldOutCorpus()].filter((a) => a.event === 'tesla-recall' || a.event === 'florida-hurricane'),
        {
          event: 'florida-hurricane',
          source: 'Weather Now',
          title: 'UPDATED: Hurricane Milton makes landfall near Tampa as Category 3',
          lead: 'Hurricane Milton came ashore south of Tampa Bay late Wednesday with winds of 120 mph; more than two million Florida homes are without power.',
          hoursAgo: 0.5,
        },
      ],
      NOW,
    );
    updateStories(db, NOW);
    const stories = storiesOf(db);
    const hurricane = [...events].filter(([, event]) => event === 'florida-hurricane').map(([id]) => stories.get(id));
    expect(new Set(hurricane).size).toBe(1);
    const [top] = trendingStories(db, { now: NOW, limit: 1 });
    expect(top?.articles).toHaveLength(6);
    expect(top?.sources).toBe(5);
  });

  it('keeps each story to its section when asked for one section', () => {
    const db = openDatabase(tempDir());
    const corpus = storyCorpus();
    const events = storeCorpus(
      db,
      corpus.filter((a) => a.event.startsWith('six-nations')),
      NOW,
      'Sport',
    );
    storeCorpus(
      db,
      corpus.filter((a) => !a.event.startsWith('six-nations')),
      NOW,
      'News',
    );
    updateStories(db, NOW);
    const sport = db.prepare("SELECT id FROM sections WHERE name = 'Sport'").pluck().get() as number;
    const stories = trendingStories(db, { now: NOW, sectionId: sport });
    expect(stories.map((s) => events.get(s.articleId))).toEqual(['six-nations-scotland-france', 'six-nations-france-ireland']);
    expect(stories.every((s) => s.sectionName === 'Sport')).toBe(true);
  });

  it('counts all of a story’s sources when one section is asked for, whatever section they file it in', () => {
    const db = openDatabase(tempDir());
    const match = storyCorpus().filter((a) => a.event === 'six-nations-scotland-france');
    const half = Math.ceil(match.length / 2);
    const events = storeCorpus(db, match.slice(0, half), NOW, 'Sport');
    for (const [id, event] of storeCorpus(db, match.slice(half), NOW, 'News')) events.set(id, event);
    updateStories(db, NOW);
    const section = (name: string) => db.prepare('SELECT id FROM sections WHERE name = ?').pluck().get(name) as number;
    const [everywhere] = trendingStories(db, { now: NOW });
    for (const name of ['Sport', 'News']) {
      const [inSection] = trendingStories(db, { now: NOW, sectionId: section(name) });
      expect(events.get(inSection?.articleId as number)).toBe('six-nations-scotland-france');
      expect(inSection?.sources).toBe(everywhere?.sources);
      expect(inSection?.articles).toHaveLength(match.length);
    }
  });
});
