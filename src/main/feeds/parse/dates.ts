/**
 * Reads the dates feeds actually carry: RFC 822 (with its many broken variants),
 * ISO 8601 / W3C-DTF, and a few others. Returns epoch milliseconds, or null.
 * A date without a zone is taken as UTC.
 */
const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  janv: 0,
  fev: 1,
  fevr: 1,
  mars: 2,
  avr: 3,
  mai: 4,
  juin: 5,
  juil: 6,
  aout: 7,
  sept: 8,
  okt: 9,
  dez: 11,
  mrz: 2,
  maerz: 2,
};

const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  cet: 60,
  cest: 120,
  bst: 60,
  ist: 330,
  jst: 540,
  aest: 600,
  aedt: 660,
  a: -60,
  m: -720,
  n: 60,
  y: 720,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  wet: 0,
  west: 60,
  hst: -600,
  akst: -540,
};

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s]+(\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/i;

export function parseDate(input: string | null | undefined): number | null {
  if (!input) return null;
  const text = input.trim();
  if (!text) return null;
  return parseIso(text) ?? parseRfc822(text) ?? parseLoose(text);
}

function parseIso(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return build(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms, zoneOffset(zone));
}

// "Tue, 10 Jun 2003 04:00:00 GMT", "10 Jun 2003 04:00 +0100", "Tuesday, 10-Jun-03 04:00:00 EST"
const RFC822 =
  /^(?:[a-z]+\.?,?\s*)?(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{2,4})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:([ap])\.?m\.?)?\s*(\(?[a-z]{1,5}\)?|[+-]\d{1,2}:?\d{2})?/i;
// "Jun 10 2003 04:00:00 GMT", "Tue Jun 10 04:00:00 GMT 2003"
const MONTH_FIRST =
  /^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2}),?\s+(?:(\d{4})\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?(?:\s+(\d{4}))?/i;

function parseRfc822(text: string): number | null {
  const m = RFC822.exec(text);
  if (m) {
    const [, d, mon, y, h = '0', mi = '0', s = '0', ampm, zone] = m;
    const month = monthIndex(mon);
    if (month === null) return null;
    return build(fullYear(y), month, Number(d), hour12(Number(h), ampm), Number(mi), Number(s), 0, zoneOffset(zone));
  }
  const f = MONTH_FIRST.exec(text);
  if (f) {
    const [, mon, d, y1, h, mi, s = '0', ampm, zone, y2] = f;
    const month = monthIndex(mon);
    const year = y1 ?? y2;
    if (month === null || !year) return null;
    return build(Number(year), month, Number(d), hour12(Number(h), ampm), Number(mi), Number(s), 0, zoneOffset(zone));
  }
  return null;
}

// "2020/1/10 3:04 PM", "1/10/2020"
const SLASHED =
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?$/i;

function parseLoose(text: string): number | null {
  const m = SLASHED.exec(text);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', ampm, zone] = m;
    return build(Number(y), Number(mo) - 1, Number(d), hour12(Number(h), ampm), Number(mi), Number(s), 0, zoneOffset(zone));
  }
  const m2 = /^([a-z]+)\s+(\d{1,2}),?\s+(\d{4})$/i.exec(text);
  if (m2) {
    const month = monthIndex(m2[1]);
    if (month !== null) return build(Number(m2[3]), month, Number(m2[2]), 0, 0, 0, 0, 0);
  }
  return null;
}

function monthIndex(name: string | undefined): number | null {
  if (!name) return null;
  const key = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? null;
}

function fullYear(y: string | undefined): number {
  const n = Number(y);
  if (y && y.length <= 2) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === 'p';
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

/** Offset in minutes east of UTC; unknown or missing zones count as UTC. */
function zoneOffset(zone: string | undefined): number {
  if (!zone) return 0;
  const z = zone.replace(/[()]/g, '').toLowerCase();
  const numeric = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONES[z] ?? 0;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): number | null {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60 || y < 1000 || y > 9999) return null;
  const t = Date.UTC(y, mo, d, h, mi, Math.min(s, 59), ms) - offsetMinutes * 60_000;
  return Number.isFinite(t) ? t : null;
}

export function toIso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
