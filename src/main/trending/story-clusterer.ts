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

export const DEFAULT_THRESHOLD = 0.11;
export const STORY_SPAN_MS = 72 * 60 * 60 * 1000;
/** Closeness in time: e^(−gap / 30 h) — 0.8 seven hours apart, 0.45 a day apart, 0.2 two days apart. */
const FADE_MS = 30 * 60 * 60 * 1000;
/** Pairs are found through each article's most telling terms (its highest TF-IDF weights)… */
const TELLING_TERMS = 8;
/**
 * …that are not everywhere: in more than this share of the window, or more than
 * COMMON_TERM_ARTICLES articles, they only add weight (the pairs such a term would offer
 * are mostly unlike, and a large library's window would offer thousands per article).
 */
const COMMON_TERM_SHARE = 0.05;
const COMMON_TERM_ARTICLES = 100;
/** Pairs less alike than this are left out of the graph: they could never lift a story's average. */
const MIN_EDGE = 0.05;
/** A name (a term the window's articles write as one) weighs this much more than a word. */
const NAME_WEIGHT = 1.5;
/**
 * A term's burst is how much more often the window uses it within this many hours of
 * an article than its average over the window…
 */
const BURST_HOURS = 12;
/** …counted at most this many times more or less (a window of 96 h is four times 24 h). */
const BURST_CAP = 4;

/**
 * Groups a window of articles into stories, the same way whatever order they arrived
 * in: centroid-linkage agglomerative clustering over a sparse similarity graph.
 *
 * - An article is a TF-IDF vector of its fingerprint (headline and lead; words rare in
 *   the window count more, names 1.5×: whatever the window's articles write capitalised
 *   inside a sentence more often than in lower case — "Medtronic", "BOE", "Kardashian",
 *   not "jumps" however a Title Case headline writes it), each term times its burst
 *   at the article's time (see burst(): names of the day over names of every day).
 * - Two articles are linked when they share enough to tell: two things (a phrase and
 *   its words are one), or one name. One ordinary word in common ("rivers") is chance,
 *   most of all in a small library where every word is rare.
 * - A story is the sum of its articles' vectors, so its vocabulary grows with its
 *   members: a report that shares "Medtronic" and "Covidien" with the story joins it even
 *   if no single earlier report used both. Stories merge, most alike first, while the
 *   cosine of their sums times their closeness in time (e^(−gap between their mean times
 *   / 30 h)) is ≥ the threshold; reports of one event come within hours, the same names
 *   two days apart are more often a new event (a Tesla recall and Tesla's sales record).
 * - A story keeps the id it had (its earliest article's previous story), else takes its
 *   earliest article's id. Ties are broken by ids: the result is deterministic.
 *
 * Returns article id → story id for the articles it clustered.
 */
export function clusterStories(input: readonly StoryDoc[], options: ClusterOptions = {}): Map<number, number> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const spanMs = options.spanMs ?? STORY_SPAN_MS;
  // One order whatever order they came in: every tie below is broken by position.
  const docs = [...input].sort((a, b) => a.publishedAt - b.publishedAt || a.id - b.id);
  const index = new WindowIndex(docs, spanMs);
  const scope = options.changed ? index.affectedBy(options.changed) : docs.map((_, i) => i);
  const inScope = new Set(scope);
  const stories = new StoryMerger(index, scope, spanMs);
  for (const i of scope) {
    for (const j of index.neighbours(i, options.changed ? inScope : undefined).keys()) if (i < j) stories.consider(i, j);
  }
  const groups = stories.mergeWhile(threshold);
  const untouched = new Set(docs.filter((_, i) => !inScope.has(i)).flatMap((d) => (d.storyId === null ? [] : [d.storyId])));
  return nameStories(docs, groups, untouched);
}

/** A candidate merge: how alike two stories were when it was measured. */
interface Candidate {
  similarity: number;
  a: number;
  b: number;
  /** The two stories' sizes then: a story that grew since is measured again. */
  sizeA: number;
  sizeB: number;
}

/** Stories being formed: each is named by one of its articles' positions and holds the sum of their vectors. */
class StoryMerger {
  private readonly sums = new Map<number, Map<number, number>>();
  private readonly norms = new Map<number, number>();
  private readonly meanTime = new Map<number, number>();
  private readonly members = new Map<number, number[]>();
  private readonly linked = new Map<number, Set<number>>();
  private readonly queue = new CandidateQueue();
  private readonly spanMs: number;

  constructor(index: WindowIndex, scope: readonly number[], spanMs: number) {
    this.spanMs = spanMs;
    for (const i of scope) {
      const vector = index.vectorOf(i);
      const sum = new Map<number, number>();
      for (let k = 0; k < vector.terms.length; k++) sum.set(vector.terms[k] as number, vector.weights[k] as number);
      this.sums.set(i, sum);
      this.norms.set(i, 1);
      this.meanTime.set(i, index.publishedAt(i));
      this.members.set(i, [i]);
      this.linked.set(i, new Set());
    }
  }

  /** Two articles the graph links: a possible merge. */
  consider(i: number, j: number): void {
    this.linked.get(i)?.add(j);
    this.linked.get(j)?.add(i);
    this.measure(i, j);
  }

  private measure(a: number, b: number): void {
    const [x, y] = a < b ? [a, b] : [b, a];
    const gap = Math.abs((this.meanTime.get(x) as number) - (this.meanTime.get(y) as number));
    if (gap > this.spanMs) return;
    let sx = this.sums.get(x) as Map<number, number>;
    let sy = this.sums.get(y) as Map<number, number>;
    if (sx.size > sy.size) [sx, sy] = [sy, sx];
    let dot = 0;
    for (const [term, w] of sx) dot += w * (sy.get(term) ?? 0);
    const similarity = (dot / Math.sqrt((this.norms.get(x) as number) * (this.norms.get(y) as number))) * Math.exp(-gap / FADE_MS);
    const sizeA = (this.members.get(x) as number[]).length;
    const sizeB = (this.members.get(y) as number[]).length;
    this.queue.push({ similarity, a: x, b: y, sizeA, sizeB });
  }

  /** Merges the most alike pair of stories, again and again, while they are alike enough; returns the stories' members. */
  mergeWhile(threshold: number): number[][] {
    for (let next = this.queue.pop(); next && next.similarity >= threshold; next = this.queue.pop()) {
      const { a, b } = next;
      const ma = this.members.get(a);
      const mb = this.members.get(b);
      if (!ma || !mb) continue;
      // Measured before one of them grew: measured again, and put back in its place.
      if (ma.length !== next.sizeA || mb.length !== next.sizeB) {
        this.measure(a, b);
        continue;
      }
      this.merge(a, b, ma, mb);
    }
    return [...this.members.values()];
  }

  private merge(a: number, b: number, ma: number[], mb: number[]): void {
    const sa = this.sums.get(a) as Map<number, number>;
    for (const [term, w] of this.sums.get(b) as Map<number, number>) sa.set(term, (sa.get(term) ?? 0) + w);
    let norm = 0;
    for (const w of sa.values()) norm += w * w;
    this.norms.set(a, norm);
    this.meanTime.set(
      a,
      ((this.meanTime.get(a) as number) * ma.length + (this.meanTime.get(b) as number) * mb.length) / (ma.length + mb.length),
    );
    ma.push(...mb);
    for (const key of [this.sums, this.norms, this.meanTime, this.members] as Map<number, unknown>[]) key.delete(b);
    const la = this.linked.get(a) as Set<number>;
    for (const other of this.linked.get(b) as Set<number>) {
      if (other === a) continue;
      la.add(other);
      const lo = this.linked.get(other) as Set<number>;
      lo.delete(b);
      lo.add(a);
    }
    la.delete(b);
    this.linked.delete(b);
    for (const other of la) this.measure(a, other);
  }
}

/** Candidates, most alike first (ties: lower positions first), as a binary heap. */
class CandidateQueue {
  private readonly heap: Candidate[] = [];

  private static before(x: Candidate, y: Candidate): boolean {
    return x.similarity > y.similarity || (x.similarity === y.similarity && (x.a < y.a || (x.a === y.a && x.b < y.b)));
  }

  push(candidate: Candidate): void {
    const heap = this.heap;
    heap.push(candidate);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!CandidateQueue.before(heap[i] as Candidate, heap[parent] as Candidate)) break;
      [heap[i], heap[parent]] = [heap[parent] as Candidate, heap[i] as Candidate];
      i = parent;
    }
  }

  pop(): Candidate | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && CandidateQueue.before(heap[l] as Candidate, heap[m] as Candidate)) m = l;
        if (r < heap.length && CandidateQueue.before(heap[r] as Candidate, heap[m] as Candidate)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Candidate, heap[i] as Candidate];
        i = m;
      }
    }
    return top;
  }
}

/** A normalised TF-IDF vector: term numbers ascending, with their weights. */
interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

/**
 * What the window says of one term: the articles using it (positions, ascending) and
 * their publication times, and how many write it as a name and how many in lower case.
 */
interface TermStats {
  docs: number[];
  times: number[];
  names: number;
  lower: number;
}

/**
 * The window's term statistics (how many articles use each term, and how many write it
 * as a name or in lower case) and postings of its uncommon terms; each article's
 * normalised TF-IDF vector and telling terms are worked out when first needed, so an
 * update that touches a few hundred articles does not pay for the whole window.
 */
class WindowIndex {
  private readonly docs: readonly StoryDoc[];
  private readonly spanMs: number;
  private readonly termNumbers = new Map<string, number>();
  private readonly maxDf: number;
  private readonly vectors = new Map<number, SparseVector>();
  /** Per term, in one entry so the window is read once: see TermStats. */
  private readonly terms = new Map<string, TermStats>();

  constructor(docs: readonly StoryDoc[], spanMs: number) {
    this.docs = docs;
    this.spanMs = spanMs;
    this.maxDf = Math.max(8, Math.min(Math.ceil(docs.length * COMMON_TERM_SHARE), COMMON_TERM_ARTICLES));
    docs.forEach((doc, i) => {
      const { weights, entities, lower } = doc.fingerprint;
      for (const term of weights.keys()) {
        let stats = this.terms.get(term);
        if (!stats) {
          stats = { docs: [], times: [], names: 0, lower: 0 };
          this.terms.set(term, stats);
        }
        stats.docs.push(i);
        stats.times.push(doc.publishedAt);
        if (entities.has(term)) stats.names++;
        if (lower.has(term)) stats.lower++;
      }
    });
  }

  private df(term: string): number {
    return this.terms.get(term)?.docs.length ?? 0;
  }

  private idf(term: string): number {
    return Math.log((this.docs.length + 1) / (this.df(term) + 1)) + 1;
  }

  /**
   * A name unless the window writes it in lower case at least as often as capitalised
   * mid-sentence. A term never seen in lower case counts as a name (only ever in Title
   * Case, say): ordinary words turn up in lower case somewhere in a window of headlines.
   */
  isName(term: string): boolean {
    const stats = this.terms.get(term);
    return !stats || stats.lower === 0 || stats.names > stats.lower;
  }

  /**
   * How bursty a term is at time t: how many articles use it within BURST_HOURS of t,
   * against how many would if its uses were spread evenly over the window (the window's
   * edges counted as the part of it that lies there). What tells one event from another
   * comes in a burst ("Leibovitz", "Silevo", "egg" on the day); a name the news is
   * always about ("Kardashian", "Fed") is used as much any day, and stories that only
   * share it are more often two stories.
   */
  private burst(term: string, t: number): number {
    const { times } = this.terms.get(term) as TermStats;
    const reach = BURST_HOURS * 3_600_000;
    const near = firstAtOrAfter(times, t + reach + 1) - firstAtOrAfter(times, t - reach);
    const first = (this.docs[0] as StoryDoc).publishedAt;
    const last = (this.docs[this.docs.length - 1] as StoryDoc).publishedAt;
    const covered = Math.max(Math.min(t + reach, last) - Math.max(t - reach, first), reach);
    const expected = (times.length * covered) / Math.max(last - first, 2 * reach);
    return Math.min(Math.max(near / expected, 1 / BURST_CAP), BURST_CAP);
  }

  publishedAt(i: number): number {
    return (this.docs[i] as StoryDoc).publishedAt;
  }

  vectorOf(i: number): SparseVector {
    return this.vector(i);
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
        const x = w * this.idf(term) * (this.isName(term) ? NAME_WEIGHT : 1) * this.burst(term, this.publishedAt(i));
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
      .filter(([term]) => this.df(term) <= this.maxDf)
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
      const stats = this.terms.get(term) as TermStats;
      if (stats.docs.length > this.maxDf) continue;
      for (const j of stats.docs) {
        if (seen.has(j) || (within && !within.has(j))) continue;
        seen.add(j);
        const gap = Math.abs((this.docs[j] as StoryDoc).publishedAt - doc.publishedAt);
        if (gap > this.spanMs) continue;
        const weight = dot(own, this.vector(j)) * Math.exp(-gap / FADE_MS);
        if (weight >= MIN_EDGE && this.shareEnough(i, j)) out.set(j, weight);
      }
    }
    if (!within) this.neighbourCache.set(i, out);
    return out;
  }

  /**
   * Enough in common to tell, not chance: two things, or one name. A phrase and its two
   * words are one thing ("milhares de pessoas", thousands of people, in a flood and at a
   * book fair), so the words of a shared phrase count once between them.
   */
  private shareEnough(i: number, j: number): boolean {
    let a = (this.docs[i] as StoryDoc).fingerprint.weights;
    let b = (this.docs[j] as StoryDoc).fingerprint.weights;
    if (a.size > b.size) [a, b] = [b, a];
    let things = 0;
    for (const term of a.keys()) {
      if (!b.has(term)) continue;
      if (this.isName(term)) return true;
      const words = term.split('_');
      // A phrase whose words are both shared takes one of them back.
      if (words.length === 2) things -= words.every((word) => a.has(word) && b.has(word)) ? 1 : 0;
      else things += 1;
    }
    return things >= 2;
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

/** The position of the first time ≥ t in an ascending list. */
function firstAtOrAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
