import type { Fingerprint } from './fingerprint.ts';

/** An article as clustering sees it; `storyId` is its story from the last run, if any. */
export interface StoryDoc {
  id: number;
  publishedAt: number;
  fingerprint: Fingerprint;
  storyId: number | null;
}

export interface ClusterOptions {
  /** How alike (TF-IDF cosine × closeness in time, 0–1) two stories must be on average to merge. */
  threshold?: number;
  /** Articles further apart in time than this are never the same story. */
  spanMs?: number;
}

export const DEFAULT_THRESHOLD = 0.15;
export const STORY_SPAN_MS = 72 * 60 * 60 * 1000;
/** Closeness in time: e^(−gap / 30 h) — 0.8 seven hours apart, 0.45 a day apart, 0.2 two days apart. */
const FADE_MS = 30 * 60 * 60 * 1000;
/** Terms in more than this share of the window's articles only add weight, they do not find candidates. */
const COMMON_TERM_SHARE = 0.05;

/**
 * Groups a window of articles into stories, the same way whatever order they arrived
 * in: average-linkage agglomerative clustering over a sparse similarity graph.
 *
 * - Similarity is the TF-IDF cosine of two fingerprints (headline and lead, names
 *   weighing most; rarer words count more), times their closeness in time: reports of
 *   one event come within hours; the same people in the news two days apart are more
 *   often a new event (a Tesla recall and Tesla's sales record, say).
 * - Pairs are found through rare shared terms (like a search engine's postings), then
 *   scored exactly.
 * - Pairs are taken most alike first; two stories merge when their articles are alike
 *   *on average* (sum of pair similarities over all pairs), so one chance resemblance
 *   cannot chain two stories together.
 * - A story keeps the id it had (its earliest article's previous story), else takes its
 *   earliest article's id. Ties are broken by ids: the result is deterministic.
 */
export function clusterStories(docs: readonly StoryDoc[], options: ClusterOptions = {}): Map<number, number> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const spanMs = options.spanMs ?? STORY_SPAN_MS;
  const n = docs.length;
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc.fingerprint.weights.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = (term: string) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;
  const vectors = docs.map((doc) => {
    const v = new Map<string, number>();
    let sum = 0;
    for (const [term, w] of doc.fingerprint.weights) {
      const x = w * idf(term);
      v.set(term, x);
      sum += x * x;
    }
    const norm = Math.sqrt(sum) || 1;
    for (const [term, x] of v) v.set(term, x / norm);
    return v;
  });

  // Candidate pairs through rare terms; each scored once, exactly.
  const maxDf = Math.max(8, Math.ceil(n * COMMON_TERM_SHARE));
  const postings = new Map<string, number[]>();
  docs.forEach((doc, i) => {
    for (const term of doc.fingerprint.weights.keys()) {
      if ((df.get(term) ?? 0) > maxDf) continue;
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  const edges: { a: number; b: number; weight: number }[] = [];
  for (let i = 0; i < n; i++) {
    const seen = new Set<number>();
    const doc = docs[i] as StoryDoc;
    for (const term of doc.fingerprint.weights.keys()) {
      for (const j of postings.get(term) ?? []) {
        if (j <= i || seen.has(j)) continue;
        seen.add(j);
        const other = docs[j] as StoryDoc;
        const gap = Math.abs(other.publishedAt - doc.publishedAt);
        if (gap > spanMs) continue;
        const weight = dot(vectors[i] as Map<string, number>, vectors[j] as Map<string, number>) * Math.exp(-gap / FADE_MS);
        if (weight > 0) edges.push({ a: i, b: j, weight });
      }
    }
  }
  edges.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);

  // Average-linkage merging. `links[c]` holds, per neighbouring cluster, the sum of pair similarities.
  const cluster = Array.from({ length: n }, (_, i) => i);
  const members = new Map<number, number[]>(docs.map((_, i) => [i, [i]]));
  const links = new Map<number, Map<number, number>>(docs.map((_, i) => [i, new Map()]));
  for (const { a, b, weight } of edges) {
    const ca = links.get(a);
    const cb = links.get(b);
    if (!ca || !cb) continue;
    ca.set(b, (ca.get(b) ?? 0) + weight);
    cb.set(a, (cb.get(a) ?? 0) + weight);
  }
  for (const { a, b } of edges) {
    const x = cluster[a] as number;
    const y = cluster[b] as number;
    if (x === y) continue;
    const mx = members.get(x) as number[];
    const my = members.get(y) as number[];
    const sum = links.get(x)?.get(y) ?? 0;
    if (sum / (mx.length * my.length) < threshold) continue;
    // Merge y into x: its members, and its links to every other cluster.
    for (const m of my) cluster[m] = x;
    mx.push(...my);
    members.delete(y);
    const lx = links.get(x) as Map<number, number>;
    for (const [other, s] of links.get(y) as Map<number, number>) {
      if (other === x) continue;
      lx.set(other, (lx.get(other) ?? 0) + s);
      const lo = links.get(other) as Map<number, number>;
      lo.set(x, (lo.get(x) ?? 0) + s);
      lo.delete(y);
    }
    lx.delete(y);
    links.delete(y);
  }
  return nameStories(docs, [...members.values()]);
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, x] of small) sum += x * (large.get(term) ?? 0);
  return sum;
}

/** Story ids: the one the earliest article had, if still free, else the earliest article's own id. */
function nameStories(docs: readonly StoryDoc[], groups: number[][]): Map<number, number> {
  const byTime = (i: number, j: number) =>
    (docs[i] as StoryDoc).publishedAt - (docs[j] as StoryDoc).publishedAt || (docs[i] as StoryDoc).id - (docs[j] as StoryDoc).id;
  const ordered = groups.map((g) => [...g].sort(byTime)).sort((g, h) => byTime(g[0] as number, h[0] as number));
  const used = new Set<number>();
  const story = new Map<number, number>();
  for (const group of ordered) {
    const earliest = docs[group[0] as number] as StoryDoc;
    const choices = [earliest.storyId, ...group.map((i) => (docs[i] as StoryDoc).id)];
    const id = choices.find((c): c is number => c !== null && !used.has(c)) as number;
    used.add(id);
    for (const i of group) story.set((docs[i] as StoryDoc).id, id);
  }
  return story;
}
