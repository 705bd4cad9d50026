/**
 * The trending score of a story, from its articles in the window. A story trends when
 * several distinct sources cover it, recently, and more of them are joining:
 *
 *   score = heat × breadth × momentum × engagement
 *   heat       = Σ over sources of e^(−age of the source's latest article / (window / 3))
 *   breadth    = 1 with two sources or more, 0.25 with one (one feed cannot make a trend)
 *   momentum   = 1 + ½ × the share of sources that joined in the window's last twelfth
 *   engagement = 1.1 if the user opened or bookmarked one of its articles, else 1
 *
 * Ties go to the more recent story, then to the older story id: the order is stable.
 */

export interface StoryMember {
  articleId: number;
  storyId: number;
  /** Who published it: articles of one publisher's feeds count as one source. */
  source: string;
  publishedAt: number;
  engaged: boolean;
}

export interface ScoredStory {
  storyId: number;
  score: number;
  sources: number;
  latestPublished: number;
  members: StoryMember[];
}

export const SINGLE_SOURCE_BREADTH = 0.25;
const MOMENTUM = 0.5;
/** The most the reader's own reading can lift a story. */
export const ENGAGEMENT = 1.1;

/**
 * `contendersFor: n` keeps only the stories that the reader's own reading could still
 * lift into the first n places (score ≥ the n-th score / ENGAGEMENT): the sidebar then
 * reads reading state for those alone.
 */
export function scoreStories(
  members: readonly StoryMember[],
  now: number,
  windowMs: number,
  options: { contendersFor?: number } = {},
): ScoredStory[] {
  // Grouped by story without a list per story: most stories are one article.
  const byStory = new Map<number, StoryMember | StoryMember[]>();
  for (const member of members) {
    const found = byStory.get(member.storyId);
    if (found === undefined) byStory.set(member.storyId, member);
    else if (Array.isArray(found)) found.push(member);
    else byStory.set(member.storyId, [found, member]);
  }
  const decay = windowMs / 3;
  const recent = now - windowMs / 12;
  const stories: ScoredStory[] = [];
  for (const [storyId, group] of byStory) {
    if (!Array.isArray(group)) {
      // One article: the same formula, without the bookkeeping.
      const only = group;
      const heat = Math.exp(-Math.max(0, now - only.publishedAt) / decay);
      const momentum = 1 + (only.publishedAt >= recent ? MOMENTUM : 0);
      const score = heat * SINGLE_SOURCE_BREADTH * momentum * (only.engaged ? ENGAGEMENT : 1);
      stories.push({ storyId, score, sources: 1, latestPublished: only.publishedAt, members: [only] });
      continue;
    }
    const list = group;
    const latestBySource = new Map<string, number>();
    const firstBySource = new Map<string, number>();
    for (const m of list) {
      latestBySource.set(m.source, Math.max(latestBySource.get(m.source) ?? -Infinity, m.publishedAt));
      firstBySource.set(m.source, Math.min(firstBySource.get(m.source) ?? Infinity, m.publishedAt));
    }
    let heat = 0;
    for (const latest of latestBySource.values()) heat += Math.exp(-Math.max(0, now - latest) / decay);
    const sources = latestBySource.size;
    const joinedRecently = [...firstBySource.values()].filter((first) => first >= recent).length;
    const breadth = sources >= 2 ? 1 : SINGLE_SOURCE_BREADTH;
    const momentum = 1 + (MOMENTUM * joinedRecently) / sources;
    const engagement = list.some((m) => m.engaged) ? ENGAGEMENT : 1;
    stories.push({
      storyId,
      score: heat * breadth * momentum * engagement,
      sources,
      latestPublished: list.reduce((latest, m) => Math.max(latest, m.publishedAt), -Infinity),
      members: list,
    });
  }
  let kept = stories;
  if (options.contendersFor !== undefined && stories.length > options.contendersFor) {
    const nth = nthHighest(
      stories.map((story) => story.score),
      options.contendersFor,
    );
    kept = stories.filter((story) => story.score >= nth / ENGAGEMENT);
  }
  return kept.sort((a, b) => b.score - a.score || b.latestPublished - a.latestPublished || a.storyId - b.storyId);
}

/** The n-th highest of the values. */
function nthHighest(values: number[], n: number): number {
  const top: number[] = [];
  for (const value of values) keepHighest(top, value, n);
  return top[n - 1] ?? 0;
}

/** Keeps `top` as the n highest values seen so far, highest first (n is small). */
export function keepHighest(top: number[], value: number, n: number): void {
  if (top.length === n && value <= (top[n - 1] as number)) return;
  let at = top.length;
  while (at > 0 && (top[at - 1] as number) < value) at--;
  top.splice(at, 0, value);
  if (top.length > n) top.pop();
}

/**
 * The most a story can score, from its size and its latest article alone (each article
 * a source of its own, published at the latest time, every source just joined, and
 * read): what the sidebar uses to skip stories that cannot reach the top.
 */
export function scoreBound(articles: number, latestAt: number, now: number, windowMs: number): number {
  const breadth = articles >= 2 ? articles : SINGLE_SOURCE_BREADTH;
  return breadth * Math.exp(-Math.max(0, now - latestAt) / (windowMs / 3)) * (1 + MOMENTUM) * ENGAGEMENT;
}
