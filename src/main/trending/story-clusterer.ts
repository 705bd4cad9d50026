import type { Fingerprint } from './fingerprint.ts';

/** An article as clustering sees it. `storyId` is null until it is assigned. */
export interface StoryDoc {
  id: number;
  publishedAt: number;
  fingerprint: Fingerprint;
  storyId: number | null;
}

export interface ClusterOptions {
  /** How alike (TF-IDF cosine, 0–1) an article must be to a story to join it. */
  threshold?: number;
  /** Articles further apart in time than this are never the same story. */
  spanMs?: number;
}

export const DEFAULT_THRESHOLD = 0.2;
export const STORY_SPAN_MS = 72 * 60 * 60 * 1000;

/**
 * Groups articles into stories, incrementally and deterministically: each new article
 * (oldest first) joins the story it is most like — by TF-IDF cosine over headline and
 * lead, entities weighing most, averaged over the story's members so that one chance
 * resemblance cannot chain two stories together — or starts a story of its own. A
 * story is named by its first article's id.
 *
 * Terms are weighed by how rare they are among the articles of the window (IDF), so
 * "Rwanda" and "Belgium" count for more than "government".
 */
export class StoryClusterer {
  private readonly docs: StoryDoc[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly df = new Map<string, number>();
  private readonly norms = new Map<number, number>();
  private readonly members = new Map<number, number[]>();
  private readonly threshold: number;
  private readonly spanMs: number;
  private readonly total: number;

  /** `known` are the articles already clustered; `incoming` only count towards term rarity here. */
  constructor(known: StoryDoc[], incoming: StoryDoc[], options: ClusterOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.spanMs = options.spanMs ?? STORY_SPAN_MS;
    this.total = known.length + incoming.length;
    for (const doc of [...known, ...incoming]) for (const term of doc.fingerprint.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
    for (const doc of known) this.index(doc);
  }

  private idf(term: string): number {
    return Math.log((this.total + 1) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  private norm(doc: StoryDoc): number {
    let norm = this.norms.get(doc.id);
    if (norm === undefined) {
      let sum = 0;
      for (const [term, w] of doc.fingerprint) sum += (w * this.idf(term)) ** 2;
      norm = Math.sqrt(sum) || 1;
      this.norms.set(doc.id, norm);
    }
    return norm;
  }

  private index(doc: StoryDoc): void {
    const at = this.docs.length;
    this.docs.push(doc);
    for (const term of doc.fingerprint.keys()) {
      const list = this.postings.get(term);
      if (list) list.push(at);
      else this.postings.set(term, [at]);
    }
    if (doc.storyId !== null) {
      const list = this.members.get(doc.storyId);
      if (list) list.push(at);
      else this.members.set(doc.storyId, [at]);
    }
  }

  /** Assigns a new article to a story (returning the story's id) and remembers it. */
  assign(doc: StoryDoc): number {
    const story = this.bestStory(doc) ?? doc.id;
    this.index({ ...doc, storyId: story });
    return story;
  }

  /**
   * Reports of one event come within hours of each other; the same people in the news
   * two days apart are more often a new event. Similarity fades to half across the span.
   */
  private closeness(a: StoryDoc, b: StoryDoc): number {
    return 1 - (0.5 * Math.abs(a.publishedAt - b.publishedAt)) / this.spanMs;
  }

  private bestStory(doc: StoryDoc): number | null {
    // Accumulate dot products through the postings of the doc's terms (like a search engine).
    const dots = new Map<number, number>();
    for (const [term, w] of doc.fingerprint) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      const weight = w * idf * idf;
      for (const at of list) {
        const other = this.docs[at] as StoryDoc;
        if (Math.abs(other.publishedAt - doc.publishedAt) > this.spanMs) continue;
        dots.set(at, (dots.get(at) ?? 0) + weight * (other.fingerprint.get(term) ?? 0));
      }
    }
    if (dots.size === 0) return null;
    const docNorm = this.norm(doc);
    const candidates = new Set<number>();
    const similarity = new Map<number, number>();
    for (const [at, dot] of dots) {
      const other = this.docs[at] as StoryDoc;
      similarity.set(at, dot / (docNorm * this.norm(other)));
      if (other.storyId !== null) candidates.add(other.storyId);
    }
    let best: { story: number; link: number } | null = null;
    for (const story of [...candidates].sort((a, b) => a - b)) {
      const members = (this.members.get(story) ?? []).filter(
        (at) => Math.abs((this.docs[at] as StoryDoc).publishedAt - doc.publishedAt) <= this.spanMs,
      );
      if (members.length === 0) continue;
      const sims = members.map((at) => (similarity.get(at) ?? 0) * this.closeness(doc, this.docs[at] as StoryDoc));
      const link = sims.reduce((a, b) => a + b, 0) / sims.length;
      if (link >= this.threshold && (!best || link > best.link)) best = { story, link };
    }
    return best?.story ?? null;
  }
}
