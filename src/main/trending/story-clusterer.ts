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
  /**
   * The ids of the articles that are new since the last run. Only they, the articles
   * like them, and the stories of those are clustered again; the rest keep their
   * stories. Without it, every article is clustered.
   */
  changed?: ReadonlySet<number>;
}

export const DEFAULT_THRESHOLD = 0.15;
export const STORY_SPAN_MS = 72 * 60 * 60 * 1000;
/** Closeness in time: e^(−gap / 30 h) — 0.8 seven hours apart, 0.45 a day apart, 0.2 two days apart. */
const FADE_MS = 30 * 60 * 60 * 1000;
/** Pairs are found through each article's most telling terms (its highest TF-IDF weights)… */
const TELLING_TERMS = 8;
/** …that are not everywhere: in more than this share of the window they only add weight. */
const COMMON_TERM_SHARE = 0.02;
/** Pairs less alike than this are left out of the graph: they could never lift a story's average. */
const MIN_EDGE = 0.1;

/**
 * Groups a window of articles into stories, the same way whatever order they arrived
 * in: average-linkage agglomerative clustering over a sparse similarity graph.
 *
 * - Similarity is the TF-IDF cosine of two fingerprints (headline and lead, names
 *   weighing most; words rare in the window count more), times their closeness in
 *   time: reports of one event come within hours; the same people in the news two days
 *   apart are more often a new event (a Tesla recall and Tesla's sales record, say).
 * - Pairs are found through shared telling terms (like a search engine's postings),
 *   then scored exactly.
 * - Pairs are taken most alike first; two stories merge when their articles are alike
 *   *on average* (sum of pair similarities over all pairs), so one chance resemblance
 *   cannot chain two stories together.
 * - A story keeps the id it had (its earliest article's previous story), else takes its
 *   earliest article's id. Ties are broken by ids: the result is deterministic.
 *
 * Returns article id → story id for the articles it clustered.
 */
export function clusterStories(docs: readonly StoryDoc[], options: ClusterOptions = {}): Map<number, number> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const spanMs = options.spanMs ?? STORY_SPAN_MS;
  const index = new WindowIndex(docs, spanMs);
  const scope = options.changed ? index.affectedBy(options.changed) : docs.map((_, i) => i);
  const inScope = new Set(scope);

  // Each pair once, whichever of the two found the other through its telling terms.
  const pairs = new Map<number, { a: number; b: number; weight: number }>();
  for (const i of scope) {
    for (const [j, weight] of index.neighbours(i, options.changed ? inScope : undefined)) {
      const [a, b] = i < j ? [i, j] : [j, i];
      pairs.set(a * docs.length + b, { a, b, weight });
    }
  }
  const edges = [...pairs.values()].sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);

  // Average-linkage merging. `links[c]` holds, per neighbouring cluster, the sum of pair similarities.
  const cluster = new Map<number, number>(scope.map((i) => [i, i]));
  const members = new Map<number, number[]>(scope.map((i) => [i, [i]]));
  const links = new Map<number, Map<number, number>>(scope.map((i) => [i, new Map()]));
  for (const { a, b, weight } of edges) {
    links.get(a)?.set(b, weight);
    links.get(b)?.set(a, weight);
  }
  for (const { a, b } of edges) {
    const x = cluster.get(a) as number;
    const y = cluster.get(b) as number;
    if (x === y) continue;
    const mx = members.get(x) as number[];
    const my = members.get(y) as number[];
    const sum = links.get(x)?.get(y) ?? 0;
    if (sum / (mx.length * my.length) < threshold) continue;
    // Merge y into x: its members, and its links to every other cluster.
    for (const m of my) cluster.set(m, x);
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
  const untouched = new Set(docs.filter((_, i) => !inScope.has(i)).flatMap((d) => (d.storyId === null ? [] : [d.storyId])));
  return nameStories(docs, [...members.values()], untouched);
}

/** A normalised TF-IDF vector: term numbers ascending, with their weights. */
interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

/**
 * The window's term statistics and postings of its uncommon terms; each article's
 * normalised TF-IDF vector and telling terms are worked out when first needed, so an
 * update that touches a few hundred articles does not pay for the whole window.
 */
class WindowIndex {
  private readonly docs: readonly StoryDoc[];
  private readonly spanMs: number;
  private readonly df = new Map<string, number>();
  private readonly termNumbers = new Map<string, number>();
  private readonly maxDf: number;
  private readonly vectors = new Map<number, SparseVector>();
  private readonly postings = new Map<string, number[]>();

  constructor(docs: readonly StoryDoc[], spanMs: number) {
    this.docs = docs;
    this.spanMs = spanMs;
    for (const doc of docs) for (const term of doc.fingerprint.weights.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    this.maxDf = Math.max(8, Math.ceil(docs.length * COMMON_TERM_SHARE));
    docs.forEach((doc, i) => {
      for (const term of doc.fingerprint.weights.keys()) {
        if ((this.df.get(term) as number) > this.maxDf) continue;
        const list = this.postings.get(term);
        if (list) list.push(i);
        else this.postings.set(term, [i]);
      }
    });
  }

  private idf(term: string): number {
    return Math.log((this.docs.length + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  private vector(i: number): SparseVector {
    let vector = this.vectors.get(i);
    if (!vector) {
      const entries: [number, number][] = [];
      let sum = 0;
      for (const [term, w] of (this.docs[i] as StoryDoc).fingerprint.weights) {
        let number = this.termNumbers.get(term);
        if (number === undefined) {
          number = this.termNumbers.size;
          this.termNumbers.set(term, number);
        }
        const x = w * this.idf(term);
        entries.push([number, x]);
        sum += x * x;
      }
      const norm = Math.sqrt(sum) || 1;
      entries.sort((p, q) => p[0] - q[0]);
      vector = { terms: Int32Array.from(entries, ([t]) => t), weights: Float64Array.from(entries, ([, x]) => x / norm) };
      this.vectors.set(i, vector);
    }
    return vector;
  }

  /** An article's telling terms: its uncommon terms with the highest TF-IDF weights. */
  private telling(i: number): string[] {
    return [...(this.docs[i] as StoryDoc).fingerprint.weights]
      .filter(([term]) => (this.df.get(term) as number) <= this.maxDf)
      .map(([term, w]) => [term, w * this.idf(term)] as const)
      .sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1))
      .slice(0, TELLING_TERMS)
      .map(([term]) => term);
  }

  private readonly neighbourCache = new Map<number, Map<number, number>>();

  /** The articles like article i, with how alike: those within the span sharing one of its telling terms, scored exactly. */
  neighbours(i: number, within?: ReadonlySet<number>): Map<number, number> {
    const cached = this.neighbourCache.get(i);
    if (cached) return cached;
    const doc = this.docs[i] as StoryDoc;
    const out = new Map<number, number>();
    const seen = new Set<number>([i]);
    const own = this.vector(i);
    for (const term of this.telling(i)) {
      for (const j of this.postings.get(term) ?? []) {
        if (seen.has(j) || (within && !within.has(j))) continue;
        seen.add(j);
        const gap = Math.abs((this.docs[j] as StoryDoc).publishedAt - doc.publishedAt);
        if (gap > this.spanMs) continue;
        const weight = dot(own, this.vector(j)) * Math.exp(-gap / FADE_MS);
        if (weight >= MIN_EDGE) out.set(j, weight);
      }
    }
    if (!within) this.neighbourCache.set(i, out);
    return out;
  }

  /** What a batch of new articles can change: them, the articles like them, and all of those articles' stories. */
  affectedBy(changed: ReadonlySet<number>): number[] {
    const scope = new Set<number>();
    this.docs.forEach((doc, i) => {
      if (!changed.has(doc.id)) return;
      scope.add(i);
      for (const j of this.neighbours(i).keys()) scope.add(j);
    });
    const stories = new Set(
      [...scope].flatMap((i) => ((this.docs[i] as StoryDoc).storyId === null ? [] : [(this.docs[i] as StoryDoc).storyId])),
    );
    this.docs.forEach((doc, i) => {
      if (doc.storyId !== null && stories.has(doc.storyId)) scope.add(i);
    });
    return [...scope].sort((a, b) => a - b);
  }
}

/** Dot product of two sparse vectors by merging their sorted term numbers. */
function dot(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y) sum += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * Story ids: the one the earliest article had, if still free, else the earliest
 * article's own id. `taken` are the ids of stories left as they were.
 */
function nameStories(docs: readonly StoryDoc[], groups: number[][], taken: Set<number>): Map<number, number> {
  const byTime = (i: number, j: number) =>
    (docs[i] as StoryDoc).publishedAt - (docs[j] as StoryDoc).publishedAt || (docs[i] as StoryDoc).id - (docs[j] as StoryDoc).id;
  const ordered = groups.map((g) => [...g].sort(byTime)).sort((g, h) => byTime(g[0] as number, h[0] as number));
  const used = new Set(taken);
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
