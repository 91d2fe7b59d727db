import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseIsoMs, parseIsoTime, parseSysmonUtc, utcMs } from '../../src/events/time.js';

test('parseSysmonUtc writes the same ISO text as Date for times across two centuries', () => {
  let seed = 7;
  for (let i = 0; i < 5000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const ms = Math.floor((seed / 2147483648) * Date.UTC(2100, 0, 1));
    const text = new Date(ms).toISOString();
    const parsed = parseSysmonUtc(text.replace('T', ' ').replace('Z', ''));
    assert.equal(parsed?.iso, text.replace('Z', '0000Z'));
    assert.equal(parsed.ms, ms);
  }
});

test('parseIsoTime rolls over days and seconds that do not exist, as Date does', () => {
  const cases = [
    ['2024-02-29T23:59:59.5Z', '2024-02-29T23:59:59.5000000Z'],
    ['2023-02-29T00:00:00Z', '2023-03-01T00:00:00.0000000Z'],
    ['2100-02-29T00:00:00Z', '2100-03-01T00:00:00.0000000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.0000000Z'],
    ['2024-04-31T00:00:00Z', '2024-05-01T00:00:00.0000000Z'],
    ['2016-12-31T23:59:60Z', '2017-01-01T00:00:00.0000000Z'],
    ['0999-01-01T00:00:00Z', '0999-01-01T00:00:00.0000000Z'],
    ['2024-05-01T10:00:00.1234567+02:00', '2024-05-01T08:00:00.1234567Z'],
  ];
  for (const [text, iso] of cases) assert.equal(parseIsoTime(text)?.iso, iso, text);
});

test('parseIsoMs equals parseIsoTime(...).ms for the parser form and every other form', () => {
  const texts = [
    '2024-05-01T10:00:00.1234567Z',
    '2024-02-29T23:59:60.0000001Z',
    '2024-13-01T10:00:00.0000000Z',
    '2024-05-01T10:00:00.123Z',
    '2024-05-01T12:00:00.5+02:00',
    '2024-05-01T1a:00:00.0000000Z',
    '0999-01-01T00:00:00.0000000Z',
    'not a time at all, 28 chars!',
  ];
  for (const text of texts) assert.equal(parseIsoMs(text), parseIsoTime(text)?.ms, text);
  assert.equal(parseIsoMs(undefined), undefined);
  assert.equal(parseIsoMs('2024-05-01T10:00:00.1234567Z'), Date.UTC(2024, 4, 1, 10) + 123.4567);
});

test('parseSysmonUtc gives what parseIsoTime gives for days and seconds that do not exist', () => {
  const texts = [
    '2024-02-29 23:59:59.500',
    '2023-02-29 00:00:00.000',
    '2100-02-29 00:00:00.001',
    '2024-04-31 00:00:00.000',
    '2016-12-31 23:59:60.250',
    '0999-01-01 00:00:00.000',
  ];
  for (const text of texts) {
    const iso = parseIsoTime(`${text.replace(' ', 'T')}Z`);
    assert.deepEqual(parseSysmonUtc(text), iso, text);
  }
  assert.equal(parseSysmonUtc('2016-12-31 23:59:60.250')?.iso, '2017-01-01T00:00:00.2500000Z');
  for (const bad of [
    '2024-05-01 24:00:00.000',
    '2024-13-01 00:00:00.000',
    '2024-05-00 00:00:00.000',
  ]) {
    assert.equal(parseSysmonUtc(bad), undefined, bad);
  }
});

test('utcMs equals Date.UTC across leap years, century years and roll-overs', () => {
  const years = [1, 99, 100, 1600, 1899, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 2400, 9999];
  let checked = 0;
  for (const year of years) {
    for (let month = 1; month <= 12; month++) {
      // Day 31 of a 30-day month and second 60 roll over, as Date.UTC's do.
      for (const [day, hour, minute, second] of [
        [1, 0, 0, 0],
        [28, 23, 59, 59],
        [29, 12, 30, 60],
        [31, 7, 5, 3],
      ] as const) {
        const expected = Date.UTC(year, month - 1, day, hour, minute, second);
        assert.equal(utcMs(year, month, day, hour, minute, second), expected);
        checked++;
      }
    }
  }
  assert.equal(checked, 14 * 12 * 4);
});
