/**
 * Turns feed bytes into text. Order of evidence: a byte-order mark, then the HTTP
 * charset, then the XML declaration, then UTF-8. Bytes that are valid UTF-8 win over
 * a single-byte label, because mislabelled UTF-8 is far more common than Latin-1 text
 * that happens to be valid UTF-8. (TextDecoder maps us-ascii and Latin-1 labels to
 * Windows-1252, as browsers do.)
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  return decodeFeed(bytes, contentType).text;
}

/** The text, and the encoding it was read as (WHATWG name). */
export function decodeFeed(bytes: Uint8Array, contentType?: string): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // UTF-16 without a BOM still starts with "<" next to a zero byte.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };

  const declared = charsetOf(contentType) ?? declaredEncoding(bytes);
  const decoder = declared ? decoderFor(whatwgLabel(declared)) : null;
  // Undeclared bytes that are not UTF-8 are nearly always Windows-1252 (Latin-1's superset).
  // So are bytes under a label no decoder knows, or under a UTF-16 label without a BOM
  // or zero bytes (the declaration was kept when the file was saved as UTF-8).
  if (!decoder || decoder.encoding.startsWith('utf-16')) return fallback(bytes);
  if (decoder.encoding === 'utf-8') return utf8(bytes);
  if (!MULTI_BYTE.has(decoder.encoding)) {
    try {
      return { text: STRICT_UTF8.decode(bytes), encoding: 'utf-8' };
    } catch {
      // Truly in its single-byte encoding.
    }
  }
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}

/** CJK encodings, whose bytes can pass for UTF-8 now and then: their label is trusted. */
const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp', 'gbk', 'gb18030', 'big5', 'euc-kr']);

function fallback(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    return { text: STRICT_UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/**
 * UTF-8; a byte that is not (a stray Latin-1 "ñ" in a UTF-8 file) is read as
 * Windows-1252 rather than lost as "�", and the valid text around it stays UTF-8.
 */
function utf8(bytes: Uint8Array): { text: string; encoding: 'utf-8' } {
  // One strict decoding in the common case; the byte-by-byte path only for broken files.
  try {
    return { text: STRICT_UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8 throughout: read below.
  }
  const cp1252 = new TextDecoder('windows-1252');
  const valid = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let start = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    text += valid.decode(bytes.subarray(start, i)) + cp1252.decode(bytes.subarray(i, i + 1));
    start = ++i;
  }
  return { text: text + valid.decode(bytes.subarray(start)), encoding: 'utf-8' };
}

/** The length of the well-formed UTF-8 sequence at `i`, or 0 where there is none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] as number;
  if (lead < 0x80) return 1;
  const continuation = (k: number, min = 0x80, max = 0xbf) => {
    const byte = bytes[i + k];
    return byte !== undefined && byte >= min && byte <= max;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return continuation(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const [min, max] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return continuation(1, min, max) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const [min, max] = lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return continuation(1, min, max) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

/** Spellings of Python and IANA that the WHATWG Encoding Standard does not list. */
const ALIASES: Record<string, string> = {
  'mac-cyrillic': 'x-mac-cyrillic',
  maccyrillic: 'x-mac-cyrillic',
  'mac-ukrainian': 'x-mac-cyrillic',
  'mac-roman': 'macintosh',
  macroman: 'macintosh',
  'shift-jis': 'shift_jis',
  shiftjis: 'shift_jis',
  cp932: 'shift_jis',
  ms932: 'shift_jis',
  eucjp: 'euc-jp',
  euckr: 'euc-kr',
  cp949: 'euc-kr',
  cp936: 'gbk',
  cp950: 'big5',
  cp874: 'windows-874',
  'latin-1': 'iso-8859-1',
  'utf-8-sig': 'utf-8',
};

/**
 * A charset name as TextDecoder knows it (the WHATWG labels), from the spellings feeds
 * use: "mac_cyrillic", "MacRoman", "ISO8859_1", "shift-jis", "cp932", "utf8".
 */
export function whatwgLabel(name: string): string {
  const label = name.trim().toLowerCase();
  const spelled = label.replace(/_/g, '-');
  const candidates = [label, spelled, ALIASES[spelled], spelled.replace(/^iso-?8859-?(\d+)$/, 'iso-8859-$1'), spelled.replace(/^x-/, '')];
  return candidates.find((candidate) => candidate && decoderFor(candidate)) ?? label;
}

function decoderFor(label: string): { encoding: string; decode(input: Uint8Array): string } | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

function charsetOf(contentType?: string): string | null {
  const match = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match?.[1] ?? null;
}

function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  const declaration = head.match(/^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/);
  return declaration?.[1] ?? null;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
