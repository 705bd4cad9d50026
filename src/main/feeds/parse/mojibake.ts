/**
 * Repairs UTF-8 text that was encoded twice: a publisher's system read UTF-8 bytes as
 * Windows-1252 (or Latin-1) and wrote the result out as UTF-8 again, so "Kölner" comes
 * out as "KÃ¶lner" and "’" as "â€™". Each such run is mapped back to the bytes it came
 * from and decoded as UTF-8.
 *
 * Legitimate text can look like a lone two-letter run ("É" then a no-break space in
 * French), so nothing is changed unless the document also has a run that never occurs
 * in real text: "Ã" or "Â" starting one, or a C1 control / Windows-1252 punctuation
 * standing where a UTF-8 continuation byte was.
 */

const CP1252 = new TextDecoder('windows-1252');
/** A character → the byte it decodes from, for bytes 0x80–0xFF as Windows-1252 and Latin-1 read them. */
const BYTE_OF = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) {
  BYTE_OF.set(CP1252.decode(Uint8Array.of(byte)), byte);
  BYTE_OF.set(String.fromCharCode(byte), byte);
}

const classOf = (chars: string[]) => chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const charsOf = (from: number, to: number) => [...BYTE_OF].filter(([, byte]) => byte >= from && byte <= to).map(([char]) => char);
const CONTINUATION = `[${classOf(charsOf(0x80, 0xbf))}]`;
/** One UTF-8 sequence as it looks after the wrong decoding: a lead byte and its continuation bytes. */
const SEQUENCE = new RegExp(
  `[\\u00c2-\\u00df]${CONTINUATION}|[\\u00e0-\\u00ef]${CONTINUATION}{2}|[\\u00f0-\\u00f4]${CONTINUATION}{3}`,
  'g',
);
const TELLTALE = new RegExp(`^[\\u00c2\\u00c3]|[${classOf(charsOf(0x80, 0x9f))}]`);
/** A first look, one scan of the text: could it hold a telltale run at all? */
const MAYBE = new RegExp(`[\\u00c2\\u00c3]${CONTINUATION}|[\\u00c2-\\u00f4][${classOf(charsOf(0x80, 0x9f))}]`);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function undo(run: string): string | null {
  const bytes = Uint8Array.from(run, (char) => BYTE_OF.get(char) ?? 0);
  try {
    const decoded = UTF8.decode(bytes);
    return [...decoded].length === 1 ? decoded : null;
  } catch {
    return null;
  }
}

export function repairDoubleEncoding(text: string): string {
  if (!MAYBE.test(text)) return text;
  let telltale = false;
  for (const match of text.matchAll(SEQUENCE)) {
    if (TELLTALE.test(match[0]) && undo(match[0]) !== null) {
      telltale = true;
      break;
    }
  }
  if (!telltale) return text;
  return text.replace(SEQUENCE, (run) => undo(run) ?? run);
}
