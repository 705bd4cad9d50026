import { describe, expect, it } from 'vitest';
import { repairDoubleEncoding } from './mojibake.ts';

/** What a UTF-8 string becomes when its bytes are read as Windows-1252 and written out again. */
const twice = (text: string) => new TextDecoder('windows-1252').decode(Buffer.from(text, 'utf8'));

describe('repairing UTF-8 that was encoded twice', () => {
  it('restores Latin, Polish, Cyrillic, punctuation and emoji', () => {
    for (const text of ['Kölner Straße', 'Łódź i Gdańsk', 'Привет, мир', '“quoted” – and… ’', 'Good news 🎉']) {
      expect(repairDoubleEncoding(twice(text)), text).toBe(text);
    }
  });

  it('restores text read as Latin-1 (C1 controls where Windows-1252 has punctuation)', () => {
    expect(repairDoubleEncoding(Buffer.from('Fußball', 'utf8').toString('latin1'))).toBe('Fußball');
  });

  it('changes nothing without a sign that never occurs in real text', () => {
    // "É" then a no-break space is also how "ɠ" looks twice-encoded: without a telltale it stays.
    for (const text of ['CAFÉ\u00a0!', 'Ça va, Ötzi? À bientôt. Ñandú', 'plain ascii', '日本語のテキスト', 'Ελληνικά']) {
      expect(repairDoubleEncoding(text), text).toBe(text);
    }
  });

  it('repairs each sequence once a telltale is there, and keeps what is not a sequence', () => {
    expect(repairDoubleEncoding(`${twice('Köln')} — SÃO PAULO`)).toBe('Köln — SÃO PAULO');
  });
});
