/**
 * What an article is about, as weighted terms: the words of its headline and lead,
 * stemmed, without stop words, and how the article writes each (as a name, in lower
 * case). Stories are matched on these (see story-clusterer.ts), names weighing most.
 */

import { detectLanguage, isStopWord, type Language, stemWord, unspacedTerms, withoutUnspaced } from './languages.ts';

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

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/**
 * How a text writes its words: capitalised words that do not start a sentence,
 * acronyms and figures go to `names` (unless the whole text is in Title Case, or in
 * capitals, where capitals say nothing), words in lower case to `lower`.
 */
function caseEvidence(text: string, language: Language, names: Set<string>, lower: Set<string>): void {
  const capitalsSayNothing = isTitleCase(text) || !/\p{Ll}/u.test(text);
  // German capitalises every noun: there a capital says nothing either.
  const capitalisedSaysNothing = capitalsSayNothing || language === 'de';
  for (const sentence of text.split(/(?<=[.!?:;“”"])\s+|\s+[-–—|]\s+/)) {
    const words = sentence.match(WORD) ?? [];
    words.forEach((raw, i) => {
      const word = raw.replace(/['’]s$/u, '');
      if (/^\p{Ll}/u.test(word)) {
        lower.add(normalise(word, language));
        return;
      }
      // Figures name an event ("24-21", "€1.8bn", "iPhone 17"); years are everywhere.
      const isFigure = /\d/.test(word) && word.length >= 2 && !/^(19|20)\d\d$/.test(word);
      const isAcronym = /^\p{Lu}{2,}$/u.test(word) && !capitalsSayNothing;
      const isCapitalised = i > 0 && /^\p{Lu}/u.test(word) && !capitalisedSaysNothing;
      if (isAcronym || isFigure || isCapitalised) names.add(normalise(word, language));
    });
  }
}

function isTitleCase(title: string): boolean {
  const words = (title.match(WORD) ?? []).filter((w) => w.length > 3);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length >= 3 && capitalised / words.length > 0.7;
}

function normalise(word: string, language: Language): string {
  return stemWord(
    word
      .toLowerCase()
      .replace(/['’]s$/u, '')
      // French and Italian elisions: l'élection, dell'Italia.
      .replace(/^(l|d|qu|dell|nell|all|dall|sull)['’]/u, '')
      .replace(/[’']/g, '')
      .replace(/\.$/, ''),
    language,
  );
}

function terms(text: string, language: Language): string[] {
  const out: string[] = [];
  for (const raw of withoutUnspaced(text).match(WORD) ?? []) {
    const lower = raw.toLowerCase();
    // Short words say nothing, unless a capital makes them a name: GM, GE, UK, Oz.
    const shortName = lower.length === 2 && /^\p{Lu}/u.test(raw) && !/\d/.test(raw);
    if (isStopWord(lower, language) || (lower.length < 3 && !/\d/.test(lower) && !shortName)) continue;
    const term = normalise(raw, language);
    if (term.length >= 2 && !isStopWord(term, language)) out.push(term);
  }
  // Chinese and Japanese: character pairs (see languages.ts).
  out.push(...unspacedTerms(text));
  return out;
}

/**
 * The headline's neighbouring terms as phrases ("fire_phone", "fair_condit",
 * "rate_hike"): two reports of one event tend to say it in the same words, while two
 * stories about one person share the name alone. A phrase counts once, like a lead's
 * word; it is a name only when both its terms are (so "chris_brown" is, "rate_hike" is
 * not). Headlines only: a lead's phrases would be many and tell little more.
 */
function addPhrases(headline: readonly string[], weights: Map<string, number>, names: Set<string>, lower: Set<string>): void {
  for (let i = 0; i + 1 < headline.length; i++) {
    const [a, b] = [headline[i] as string, headline[i + 1] as string];
    const phrase = `${a}_${b}`;
    weights.set(phrase, (weights.get(phrase) ?? 0) + 1);
    if (names.has(a) && names.has(b)) names.add(phrase);
    else lower.add(phrase);
  }
}

/** The language of some text (a feed's headlines and leads together, best), told from its stop words. */
export function languageOf(text: string): Language {
  return detectLanguage((withoutUnspaced(text).match(WORD) ?? []).map((w) => w.toLowerCase()));
}

/** `language`: the feed's, when known; else told from the article itself. */
export function fingerprint(title: string, lead: string, language?: Language): Fingerprint {
  // Many feeds repeat the headline as the description: it is one text, not two.
  const ownLead = lead.trim() === title.trim() || title.trim().startsWith(lead.trim().replace(/\s*(…|\.\.\.)$/u, '')) ? '' : lead;
  language ??= languageOf(`${title} ${ownLead}`);
  const names = new Set<string>();
  const lower = new Set<string>();
  caseEvidence(title, language, names, lower);
  caseEvidence(ownLead, language, names, lower);
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, (weights.get(term) ?? 0) + weight);
  for (const term of terms(title, language)) add(term, TITLE_WEIGHT);
  for (const term of terms(ownLead, language)) add(term, 1);
  addPhrases(terms(title, language), weights, names, lower);
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
