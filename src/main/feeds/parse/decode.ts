/**
 * Turns feed bytes into text. Order of evidence: a byte-order mark, then the HTTP
 * charset, then the XML declaration, then UTF-8. Bytes that are valid UTF-8 win over
 * a single-byte label, because mislabelled UTF-8 is far more common than Latin-1 text
 * that happens to be valid UTF-8.
 */
const SINGLE_BYTE = /^(us-ascii|ascii|iso-8859-\d+|latin-?1|windows-125\d|cp125\d|iso_8859-1|l1)$/i;

export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // UTF-16 without a BOM still starts with "<" next to a zero byte.
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder('utf-16be').decode(bytes);

  const label = charsetOf(contentType) ?? declaredEncoding(bytes);
  // Undeclared bytes that are not UTF-8 are nearly always Windows-1252 (Latin-1's superset).
  if (!label) return isValidUtf8(bytes) ? utf8(bytes) : new TextDecoder('windows-1252').decode(bytes);
  if (/^utf-?8$/i.test(label)) return utf8(bytes);
  if (SINGLE_BYTE.test(label) && isValidUtf8(bytes)) return utf8(bytes);
  const decoder = decoderFor(label);
  if (!decoder) return utf8(bytes);
  return decoder.decode(bytes);
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

function decoderFor(label: string): { decode(input: Uint8Array): string } | null {
  // us-ascii is a subset of windows-1252 in the WHATWG table; Latin-1 labels map there too.
  const normalized = label.toLowerCase() === 'us-ascii' ? 'windows-1252' : label;
  try {
    return new TextDecoder(normalized);
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

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
