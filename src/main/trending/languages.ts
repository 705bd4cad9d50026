/**
 * The languages headlines are read in: stop words and a light stemmer for English,
 * French, German, Spanish, Italian, Portuguese and Dutch, the language told from the
 * text itself (its stop words), and Chinese and Japanese cut into character pairs, since
 * they write no spaces between words.
 */

export type Language = 'en' | 'fr' | 'de' | 'es' | 'it' | 'pt' | 'nl';

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Words that say nothing of a story, per language; the news's own filler ("said", "live") included. */
const STOP_WORDS: Record<Language, Set<string>> = {
  en: words(`a about above after again against all also am an and any are as at be because been before being below between both but by can
    could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your yours yourself yourselves said says say new news one two three
    first last year years day days week weeks monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow amid ahead may
    might must per cent percent mr mrs ms dr st told according report reports update latest live via`),
  fr: words(`le la les l un une des du de d et ou mais donc car ni que qu qui quoi dont où ce cet cette ces son sa ses leur leurs mon ma mes
    ton ta tes notre nos votre vos il elle ils elles on nous vous je tu se s y en au aux à dans par pour sur sous avec sans chez entre vers
    contre après avant pendant depuis est sont était été être avoir a ont avait fait faire plus moins très tout tous toute toutes aussi
    comme ne pas non si déjà encore selon lors alors ainsi dit selon an ans jour jours hier aujourd demain lundi mardi mercredi jeudi
    vendredi samedi dimanche nouveau nouvelle nouveaux direct`),
  de: words(`der die das den dem des ein eine einer eines einem einen und oder aber doch sondern denn dass daß wie als wenn weil ob zu zum
    zur im in am an auf aus bei mit nach von vor über unter um durch für gegen ohne bis seit ist sind war waren wird werden wurde wurden
    worden sein hat haben hatte hatten kann können soll sollen muss müssen nicht kein keine keinen auch noch schon nur sehr mehr so es er
    sie wir ihr ich du man sich ihm ihn ihnen sein seine ihre unser euer dieser diese dieses jetzt heute gestern morgen jahr jahre tag
    tage montag dienstag mittwoch donnerstag freitag samstag sonntag neue neuer neues neuen sagt sagte laut live`),
  es: words(`el la los las lo un una unos unas y e o u pero sino que quien quienes cual cuales cuyo donde cuando como de del al a en por
    para con sin sobre entre hacia hasta desde contra tras ante bajo es son era fue fueron ser estar está están ha han había hay haber
    se su sus le les me te nos os mi mis tu tus nuestro nuestra este esta estos estas ese esa esos esas muy más menos ya también no sí
    tan todo todos toda todas según dijo dice año años día días hoy ayer mañana lunes martes miércoles jueves viernes sábado domingo
    nuevo nueva nuevos nuevas directo`),
  it: words(`il lo la i gli le un uno una e ed o od ma però che chi cui dove quando come di del dello della dei degli delle a al allo
    alla ai agli alle da dal dallo dalla dai dagli dalle in nel nello nella nei negli nelle su sul sullo sulla sui sugli sulle con per
    tra fra è sono era erano stato stata essere ha hanno aveva avere si suo sua suoi sue loro mio mia questo questa questi queste quello
    quella non più meno già anche molto tutto tutti tutta tutte secondo ha detto anno anni giorno giorni oggi ieri domani lunedì
    martedì mercoledì giovedì venerdì sabato domenica nuovo nuova nuovi nuove diretta`),
  pt: words(`o a os as um uma uns umas e ou mas que quem qual quais cujo onde quando como de do da dos das ao à aos às em no na nos nas
    por pelo pela pelos pelas para com sem sobre entre até desde contra após é são era foi foram ser estar está estão tem têm havia há
    se seu sua seus suas lhe lhes me te nos meu minha este esta estes estas esse essa isso muito mais menos já também não sim tão todo
    todos toda todas segundo disse diz ano anos dia dias hoje ontem amanhã segunda terça quarta quinta sexta sábado domingo novo nova
    novos novas direto`),
  nl: words(`de het een en of maar dat die dit deze wie wat waar wanneer hoe van in op aan met voor naar bij uit over onder door om tot
    tegen zonder sinds tussen is zijn was waren wordt worden werd werden geweest heeft hebben had hadden kan kunnen zal zullen moet
    moeten niet geen ook nog al wel zeer meer zo er hij zij ze wij we jij je u ik men zich hem haar hun ons onze jullie nu vandaag
    gisteren morgen jaar jaren dag dagen maandag dinsdag woensdag donderdag vrijdag zaterdag zondag nieuw nieuwe nieuws zegt zei live`),
};

const LANGUAGES = Object.keys(STOP_WORDS) as Language[];
/** How much a stop word tells of its language: "het" only Dutch (1), "de" five languages (0.2). */
const TELLS = new Map<string, number>();
for (const list of Object.values(STOP_WORDS)) for (const word of list) TELLS.set(word, (TELLS.get(word) ?? 0) + 1);

export function isStopWord(word: string, language: Language): boolean {
  return STOP_WORDS[language].has(word);
}

/**
 * The language a text is in: the one whose stop words it uses most, each counting for
 * how few languages share it (English when none stands out — a headline of names only,
 * say). Lower-case words only; a feed's articles together tell it best.
 */
export function detectLanguage(lowerWords: readonly string[]): Language {
  let best: Language = 'en';
  let bestHits = 0;
  for (const language of LANGUAGES) {
    let hits = 0;
    for (const word of lowerWords) if (STOP_WORDS[language].has(word)) hits += 1 / (TELLS.get(word) ?? 1);
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  return best;
}

/**
 * Light stemming: enough that a word's plural and its inflections meet ("rates"/"rate",
 * "élections"/"élection", "Wahlen"/"Wahl", "elecciones"/"elección" does not, and need not:
 * the same article rarely writes both). Figures and short words are left as they are.
 */
export function stemWord(word: string, language: Language): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const cut = (n: number) => word.slice(0, -n);
  const ends = (suffix: string) => word.endsWith(suffix) && word.length - suffix.length >= 3;
  switch (language) {
    case 'en':
      if (word.endsWith('ies')) return `${cut(3)}y`;
      if (word.endsWith('ing') && word.length > 6) return cut(3);
      if (word.endsWith('ed') && word.length > 5) return cut(2);
      if (word.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(word)) return cut(2);
      if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return cut(1);
      if (word.endsWith('e')) return cut(1);
      return word;
    case 'fr': {
      const singular = ends('aux') ? `${cut(3)}al` : ends('s') || ends('x') ? cut(1) : word;
      return singular.endsWith('e') && singular.length > 4 ? singular.slice(0, -1) : singular;
    }
    case 'de':
      for (const suffix of ['ern', 'en', 'er', 'es', 'e', 'n', 's']) if (ends(suffix)) return cut(suffix.length);
      return word;
    case 'es':
    case 'pt':
      if (ends('es')) return cut(2);
      if (ends('s')) return cut(1);
      if (ends('a') || ends('o')) return cut(1);
      return word;
    case 'it':
      if (ends('a') || ends('e') || ends('i') || ends('o')) return cut(1);
      return word;
    case 'nl':
      for (const suffix of ['en', 'es', 's', 'e']) if (ends(suffix)) return cut(suffix.length);
      return word;
  }
}

/** Han, Hiragana, Katakana: scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/**
 * The words of a Chinese or Japanese text as overlapping character pairs ("北京奥运" →
 * 北京 京奥 奥运): no dictionary needed, and two headlines about one event share most of
 * them. A lone character is kept as it is. Other scripts in the text are left to the caller.
 */
export function unspacedTerms(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(UNSPACED) ?? []) {
    const chars = [...run];
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** The text without its Chinese and Japanese runs (read by unspacedTerms). */
export function withoutUnspaced(text: string): string {
  return text.replace(UNSPACED, ' ');
}
