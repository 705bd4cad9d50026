import { describe, expect, it } from 'vitest';
import { type StoryMember, scoreStories } from './score.ts';

const HOUR = 3600_000;
const NOW = Date.UTC(2026, 10, 27, 12);
const WINDOW = 72 * HOUR;
let nextId = 1;
const member = (storyId: number, source: string, hoursAgo: number, engaged = false): StoryMember => ({
  articleId: nextId++,
  storyId,
  source,
  publishedAt: NOW - hoursAgo * HOUR,
  engaged,
});

describe('trending score', () => {
  it('one prolific feed cannot make its own story trend over one covered by several sources', () => {
    const prolific = Array.from({ length: 20 }, (_, i) => member(1, 'parish.example', i * 0.1));
    const covered = [member(2, 'a.example', 20), member(2, 'b.example', 22)];
    const [first] = scoreStories([...prolific, ...covered], NOW, WINDOW);
    expect(first?.storyId).toBe(2);
    expect(scoreStories(prolific, NOW, WINDOW)[0]?.sources).toBe(1);
  });

  it('old stories decay: the same coverage a day later scores lower', () => {
    const fresh = [member(1, 'a', 1), member(1, 'b', 2), member(1, 'c', 3)];
    const stale = [member(2, 'a', 49), member(2, 'b', 50), member(2, 'c', 51)];
    const [top, bottom] = scoreStories([...stale, ...fresh], NOW, WINDOW);
    expect(top?.storyId).toBe(1);
    expect(bottom?.score).toBeLessThan((top?.score ?? 0) / 2);
  });

  it('accelerating coverage outranks the same coverage that has gone quiet', () => {
    const joiningNow = [member(1, 'a', 30), member(1, 'b', 2), member(1, 'c', 1)];
    const quiet = [member(2, 'a', 30), member(2, 'b', 29), member(2, 'c', 1)];
    expect(scoreStories([...quiet, ...joiningNow], NOW, WINDOW)[0]?.storyId).toBe(1);
  });

  it('the reader’s own interest nudges but never dominates', () => {
    const read = [member(1, 'a', 10, true), member(1, 'b', 10)];
    const wider = [member(2, 'a', 10), member(2, 'b', 10), member(2, 'c', 10)];
    const ranked = scoreStories([...read, ...wider], NOW, WINDOW);
    expect(ranked.map((s) => s.storyId)).toEqual([2, 1]);
    const unread = scoreStories([member(3, 'a', 10), member(3, 'b', 10)], NOW, WINDOW)[0]?.score ?? 0;
    expect(ranked[1]?.score).toBeCloseTo(unread * 1.1);
  });

  it('ties are stable: the more recent story, then the older story id', () => {
    const a = [member(5, 'a', 3), member(5, 'b', 3)];
    const b = [member(9, 'a', 3), member(9, 'b', 3)];
    expect(scoreStories([...b, ...a], NOW, WINDOW).map((s) => s.storyId)).toEqual([5, 9]);
    expect(scoreStories([...a, ...b], NOW, WINDOW).map((s) => s.storyId)).toEqual([5, 9]);
  });
});

describe('contenders for the first places', () => {
  it('keeps exactly the stories the reader’s own reading could still lift into them', () => {
    const stories = [
      [member(1, 'a', 1), member(1, 'b', 1), member(1, 'c', 1)],
      [member(2, 'a', 1), member(2, 'b', 1)],
      // Within 10 % of second place: reading it could lift it past.
      [member(3, 'a', 3), member(3, 'b', 3)],
      // Far behind: nothing the reader does can bring it up.
      [member(4, 'a', 40), member(4, 'b', 40)],
    ].flat();
    const all = scoreStories(stories, NOW, WINDOW);
    const kept = scoreStories(stories, NOW, WINDOW, { contendersFor: 2 });
    expect(all.map((s) => s.storyId)).toEqual([1, 2, 3, 4]);
    expect(kept.map((s) => s.storyId)).toEqual([1, 2, 3]);
  });
});
