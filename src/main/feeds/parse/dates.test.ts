import { describe, expect, it } from 'vitest';
import { parseDate } from './dates.ts';

const iso = (text: string) => {
  const ms = parseDate(text);
  return ms === null ? null : new Date(ms).toISOString();
};

describe('parseDate', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 +0200', '2003-06-10T02:00:00.000Z'],
    ['10 Jun 2003 04:00 EST', '2003-06-10T09:00:00.000Z'],
    ['Tuesday, 10-Jun-03 04:00:00 PDT', '2003-06-10T11:00:00.000Z'],
    ['Tue, 10 June 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 4:00:00 PM GMT', '2003-06-10T16:00:00.000Z'],
    ['2003-06-10T04:00:00Z', '2003-06-10T04:00:00.000Z'],
    ['2003-06-10T04:00:00.123-05:00', '2003-06-10T09:00:00.123Z'],
    ['2003-06-10 04:00:00', '2003-06-10T04:00:00.000Z'],
    ['2003-06-10', '2003-06-10T00:00:00.000Z'],
    ['20030610T040000Z', '2003-06-10T04:00:00.000Z'],
    ['2020/1/10 3:04 PM', '2020-01-10T15:04:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each(['', 'yesterday', 'Tue, 45 Foo 2003', '2003-13-40'])('returns null for %j', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});
