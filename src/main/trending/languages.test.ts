/**
 * Stories in other languages: per language, two reports of one event worded apart
 * (plurals, inflections, stop words of their own) and a third article that shares only
 * ordinary words with them. The reports must meet; the third must stay alone.
 */
import { describe, expect, it } from 'vitest';
import type { CorpusArticle } from '../../test-support/story-corpus.ts';
import { storeCorpus } from '../../test-support/story-library.ts';
import { tempDir } from '../../test-support/temp-dir.ts';
import { openDatabase } from '../db/connection.ts';
import { detectLanguage } from './languages.ts';
import { updateStories } from './update-stories.ts';

const NOW = Date.UTC(2026, 10, 27, 12);

/** Source, headline, and a lead where the headline alone could be two languages ("en", "a", "de"). */
const CASES: Record<string, [string, string, string?][]> = {
  fr: [
    ['Le Monde', "Les inondations dans le Gard : des milliers d'habitants évacués"],
    ['Ouest Info', 'Inondation dans le Gard : un millier de personnes évacuées de leurs maisons'],
    ['Radio Sud', 'Les habitants de Lyon votent pour le nouveau tramway'],
  ],
  de: [
    ['Tagesblatt', 'Hochwasser in Passau: Tausende Anwohner müssen ihre Häuser verlassen'],
    ['Nordkurier', 'Passau: Anwohner verlassen wegen Hochwassers ihre Häuser'],
    ['Stadtanzeiger', 'Anwohner in Köln streiten über neue Radwege'],
  ],
  es: [
    ['El Diario', 'Incendio en Valencia obliga a evacuar a cientos de vecinos', 'Los bomberos trabajan desde la madrugada.'],
    ['La Voz', 'Cientos de vecinos evacuados por un incendio forestal en Valencia', 'Las llamas avanzan hacia las casas.'],
    ['Radio Norte', 'Los vecinos de Bilbao eligen el diseño del nuevo parque'],
  ],
  it: [
    ['Corriere', 'Terremoto in Umbria, scosse avvertite a Perugia e Assisi'],
    ['La Gazzetta', 'Scossa di terremoto in Umbria: paura a Perugia'],
    ['Il Mattino', 'A Napoli la paura per il traffico nel centro storico'],
  ],
  pt: [
    ['Folha', 'Chuvas fortes deixam milhares de desalojados no Recife'],
    ['O Globo', 'Recife: chuva forte deixa milhares de pessoas desalojadas'],
    ['Diário', 'Milhares de pessoas visitam a feira do livro em Lisboa'],
  ],
  nl: [
    ['NOS', 'Overstromingen in Limburg: honderden bewoners geëvacueerd'],
    ['Trouw', 'Honderden bewoners in Limburg geëvacueerd na overstroming'],
    ['Parool', 'Bewoners van Utrecht kiezen nieuwe naam voor het plein'],
  ],
  zh: [
    ['新华社', '台风海葵登陆福建 数万人紧急转移'],
    ['人民网', '福建紧急转移数万人 应对台风海葵'],
    ['澎湃新闻', '上海地铁新线路今日开通运营'],
  ],
  ja: [
    ['NHK', '台風10号が九州に上陸 避難指示が拡大'],
    ['朝日新聞', '九州に台風10号上陸、各地で避難指示'],
    ['読売新聞', '東京で新しい美術館が開館'],
  ],
};

describe('stories in other languages', () => {
  for (const [language, reports] of Object.entries(CASES)) {
    it(`${language}: two reports of one event meet, the article sharing only ordinary words stays apart`, () => {
      const db = openDatabase(tempDir());
      const corpus: CorpusArticle[] = reports.map(([source, title, lead], i) => ({
        event: String(i),
        source,
        title,
        lead: lead ?? '',
        hoursAgo: i + 1,
      }));
      storeCorpus(db, corpus, NOW);
      updateStories(db, NOW);
      const story = (title: string) => db.prepare('SELECT story_id FROM articles WHERE title = ?').pluck().get(title);
      const [first, second, other] = reports.map(([, title]) => story(title));
      expect(first).toBe(second);
      expect(other).not.toBe(first);
    });
  }

  it('tells the language from the words a text uses', () => {
    const lower = (text: string) => text.toLowerCase().split(/\s+/);
    expect(detectLanguage(lower('Les habitants de Lyon votent pour le nouveau tramway'))).toBe('fr');
    expect(detectLanguage(lower('Anwohner in Köln streiten über die neuen Radwege'))).toBe('de');
    expect(detectLanguage(lower('Los vecinos de Bilbao eligen el diseño del nuevo parque'))).toBe('es');
    expect(detectLanguage(lower('Bewoners van Utrecht kiezen een nieuwe naam voor het plein'))).toBe('nl');
    expect(detectLanguage(lower('Fed holds rates as inflation cools'))).toBe('en');
  });
});
