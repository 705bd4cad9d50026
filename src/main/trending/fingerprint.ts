/**
 * What an article is about, as weighted terms: the words of its headline and lead,
 * stemmed, without stop words, and how the article writes each (as a name, in lower
 * case). Stories are matched on these (see story-clusterer.ts), names weighing most.
 */

export interface Fingerprint {
  weights: Map<string, number>;
  /**
   * Terms this article writes as a name would be written: capitalised inside a sentence
   * of a sentence-case text, acronyms, figures. Title Case capitalises every word, so it
   * proves nothing; what a term is, the window decides (story-clusterer.ts): a name when
   * its articles write it as one more often than in lower case.
   */
  entities: Set<string>;
  /** Terms this article writes in lower case: evidence that they are ordinary words. */
  lower: Set<string>;
}

const TITLE_WEIGHT = 2;

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does
  doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just
  me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the
  their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who
  whom why will with would you your yours yourself yourselves said says say new news one two three first last year years day days week weeks
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow after amid over under ahead how what why may might must
  per cent percent mr mrs ms dr st told according report reports update latest live via`.split(/\s+/),
);

/** Crude English stemming: enough to meet "rates"/"rate", "raises"/"raised"/"raise", "ties"/"tie". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  if (word.endsWith('e')) return word.slice(0, -1);
  return word;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/**
 * How a text writes its words: capitalised words that do not start a sentence,
 * acronyms and figures go to `names` (unless the whole text is in Title Case, or in
 * capitals, where capitals say nothing), words in lower case to `lower`.
 */
function caseEvidence(text: string, names: Set<string>, lower: Set<string>): void {
  const capitalsSayNothing = isTitleCase(text) || !/\p{Ll}/u.test(text);
  for (const sentence of text.split(/(?<=[.!?:;“”"])\s+|\s+[-–—|]\s+/)) {
    const words = sentence.match(WORD) ?? [];
    words.forEach((raw, i) => {
      const word = raw.replace(/['’]s$/u, '');
      if (/^\p{Ll}/u.test(word)) {
        lower.add(normalise(word));
        return;
      }
      // Figures name an event ("24-21", "€1.8bn", "iPhone 17"); years are everywhere.
      const isFigure = /\d/.test(word) && word.length >= 2 && !/^(19|20)\d\d$/.test(word);
      const isAcronym = /^\p{Lu}{2,}$/u.test(word) && !capitalsSayNothing;
      const isCapitalised = i > 0 && /^\p{Lu}/u.test(word) && !capitalsSayNothing;
      if (isAcronym || isFigure || isCapitalised) names.add(normalise(word));
    });
  }
}

function isTitleCase(title: string): boolean {
  const words = (title.match(WORD) ?? []).filter((w) => w.length > 3);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length >= 3 && capitalised / words.length > 0.7;
}

function normalise(word: string): string {
  return stem(
    word
      .toLowerCase()
      .replace(/['’]s$/u, '')
      .replace(/[’']/g, '')
      .replace(/\.$/, ''),
  );
}

function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.match(WORD) ?? []) {
    const lower = raw.toLowerCase();
    if (STOP_WORDS.has(lower) || (lower.length < 3 && !/\d/.test(lower))) continue;
    const term = normalise(raw);
    if (term.length >= 2 && !STOP_WORDS.has(term)) out.push(term);
  }
  return out;
}

export function fingerprint(title: string, lead: string): Fingerprint {
  // Many feeds repeat the headline as the description: it is one text, not two.
  const ownLead = lead.trim() === title.trim() || title.trim().startsWith(lead.trim().replace(/\s*(…|\.\.\.)$/u, '')) ? '' : lead;
  const names = new Set<string>();
  const lower = new Set<string>();
  caseEvidence(title, names, lower);
  caseEvidence(ownLead, names, lower);
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, (weights.get(term) ?? 0) + weight);
  for (const term of terms(title)) add(term, TITLE_WEIGHT);
  for (const term of terms(ownLead)) add(term, 1);
  // Sub-linear in repetition: a word said five times is not five times the topic.
  for (const [term, tf] of weights) weights.set(term, 1 + Math.log(tf));
  const kept = (set: Set<string>) => new Set([...set].filter((term) => weights.has(term)));
  return { weights, entities: kept(names), lower: kept(lower) };
}

/** Compact storage form: "term:weight" pairs, written as a name "term:weight:e", in lower case "term:weight:l" (or both, ":el"). */
export function encodeFingerprint(fp: Fingerprint): string {
  return [...fp.weights]
    .map(([term, weight]) => {
      const marks = `${fp.entities.has(term) ? 'e' : ''}${fp.lower.has(term) ? 'l' : ''}`;
      return `${term}:${Math.round(weight * 100) / 100}${marks ? `:${marks}` : ''}`;
    })
    .join(' ');
}

export function decodeFingerprint(text: string): Fingerprint {
  const fp: Fingerprint = { weights: new Map(), entities: new Set(), lower: new Set() };
  for (const part of text.split(' ')) {
    const [term, weight, marks] = part.split(':');
    if (!term || weight === undefined) continue;
    fp.weights.set(term, Number(weight));
    if (marks?.includes('e')) fp.entities.add(term);
    if (marks?.includes('l')) fp.lower.add(term);
  }
  return fp;
}

/** Plain cosine similarity of two fingerprints (no term rarity): for ranking a story's own articles. */
export function cosine(a: Fingerprint, b: Fingerprint): number {
  let dot = 0;
  for (const [term, w] of a.weights) dot += w * (b.weights.get(term) ?? 0);
  const norm = (fp: Fingerprint) => Math.sqrt([...fp.weights.values()].reduce((sum, w) => sum + w * w, 0)) || 1;
  return dot / (norm(a) * norm(b));
}
