import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  InstantSyntaxError,
  ZonedTimeFormatter,
  formatInstant,
  offsetText,
  parseUtcInstant,
} from '../../src/time-zone/format.js';
import { TimeZoneError } from '../../src/time-zone/zone.js';

/** Each pair: the UTC instant and what a clock in the zone showed, checked against the tz rules. */
function assertZoned(zone: string, cases: readonly (readonly [string, string])[]): void {
  const formatter = new ZonedTimeFormatter(zone);
  for (const [utc, local] of cases) assert.equal(formatter.format(utc), local, `${zone} ${utc}`);
}

test('formatInstant keeps all seven fraction digits and writes Z for UTC', () => {
  assert.equal(formatInstant('2024-05-01T10:00:00.1234567Z'), '2024-05-01T10:00:00.1234567Z');
  assert.equal(
    formatInstant('2024-05-01T10:00:00.1234567Z', 'UTC'),
    '2024-05-01T10:00:00.1234567Z',
  );
  assert.equal(formatInstant('2024-05-01T10:00:00Z'), '2024-05-01T10:00:00.0000000Z');
  assert.equal(formatInstant('2024-05-01T10:00:00.12Z'), '2024-05-01T10:00:00.1200000Z');
});

test('formatInstant applies the zone offset to the exact text', () => {
  assert.equal(
    formatInstant('2024-05-01T10:00:00.1234567Z', 'Europe/Berlin'),
    '2024-05-01T12:00:00.1234567+02:00',
  );
  assert.equal(
    formatInstant('2024-01-15T23:30:00.9999999Z', 'Europe/Berlin'),
    '2024-01-16T00:30:00.9999999+01:00',
  );
  assert.equal(
    formatInstant('2024-05-01T02:00:00.0000001Z', 'America/New_York'),
    '2024-04-30T22:00:00.0000001-04:00',
  );
});

test('ZonedTimeFormatter crosses Europe/Berlin DST both ways', () => {
  assertZoned('Europe/Berlin', [
    ['2024-03-31T00:59:59.9999999Z', '2024-03-31T01:59:59.9999999+01:00'],
    ['2024-03-31T01:00:00.0000000Z', '2024-03-31T03:00:00.0000000+02:00'],
    ['2024-10-27T00:59:59.9999999Z', '2024-10-27T02:59:59.9999999+02:00'],
    ['2024-10-27T01:00:00.0000000Z', '2024-10-27T02:00:00.0000000+01:00'],
  ]);
});

test('ZonedTimeFormatter crosses America/New_York DST both ways', () => {
  assertZoned('America/New_York', [
    ['2024-03-10T06:59:59.9999999Z', '2024-03-10T01:59:59.9999999-05:00'],
    ['2024-03-10T07:00:00.0000000Z', '2024-03-10T03:00:00.0000000-04:00'],
    ['2024-11-03T05:59:59.9999999Z', '2024-11-03T01:59:59.9999999-04:00'],
    ['2024-11-03T06:00:00.0000000Z', '2024-11-03T01:00:00.0000000-05:00'],
  ]);
});

test('ZonedTimeFormatter handles Lord Howe half-hour DST, including a change mid-hour', () => {
  assertZoned('Australia/Lord_Howe', [
    ['2024-04-06T14:59:59.9999999Z', '2024-04-07T01:59:59.9999999+11:00'],
    ['2024-04-06T15:00:00.0000000Z', '2024-04-07T01:30:00.0000000+10:30'],
    ['2024-10-05T15:10:00.0000000Z', '2024-10-06T01:40:00.0000000+10:30'],
    ['2024-10-05T15:29:59.9999999Z', '2024-10-06T01:59:59.9999999+10:30'],
    ['2024-10-05T15:30:00.0000000Z', '2024-10-06T02:30:00.0000000+11:00'],
    ['2024-10-05T15:45:00.5000000Z', '2024-10-06T02:45:00.5000000+11:00'],
  ]);
});

test('ZonedTimeFormatter gives Asia/Kathmandu +05:45, and +05:30 before 1986', () => {
  assertZoned('Asia/Kathmandu', [
    ['2024-05-01T12:00:00.1234567Z', '2024-05-01T17:45:00.1234567+05:45'],
    ['1985-12-31T18:29:59.9999999Z', '1985-12-31T23:59:59.9999999+05:30'],
    ['1985-12-31T18:30:00.0000000Z', '1986-01-01T00:15:00.0000000+05:45'],
  ]);
});

test('ZonedTimeFormatter gives the same answers in any order (the hour memory is exact)', () => {
  const instants = [
    '2024-10-05T15:45:00.0000000Z',
    '2024-10-05T15:10:00.0000000Z',
    '2024-10-05T16:10:00.0000000Z',
    '2024-10-05T14:10:00.0000000Z',
  ];
  const forward = new ZonedTimeFormatter('Australia/Lord_Howe');
  const backward = new ZonedTimeFormatter('Australia/Lord_Howe');

  const a = instants.map((iso) => forward.format(iso));
  const b = [...instants]
    .reverse()
    .map((iso) => backward.format(iso))
    .reverse();
  assert.deepEqual(a, b);
  assert.deepEqual(a, [
    '2024-10-06T02:45:00.0000000+11:00',
    '2024-10-06T01:40:00.0000000+10:30',
    '2024-10-06T03:10:00.0000000+11:00',
    '2024-10-06T00:40:00.0000000+10:30',
  ]);
});

test('ZonedTimeFormatter names the resolved zone, and local is the engine zone', () => {
  assert.equal(new ZonedTimeFormatter().zone, 'UTC');
  assert.equal(new ZonedTimeFormatter('europe/berlin').zone, 'Europe/Berlin');
  assert.equal(
    new ZonedTimeFormatter('local').zone,
    new Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
});

test('ZonedTimeFormatter writes Z for zones Intl resolves to UTC', () => {
  assert.equal(formatInstant('2024-05-01T10:00:00.5Z', 'Etc/UTC'), '2024-05-01T10:00:00.5000000Z');
});

test('ZonedTimeFormatter rejects an unknown zone with a clear error', () => {
  assert.throws(
    () => new ZonedTimeFormatter('Mars/Olympus_Mons'),
    (error: unknown) =>
      error instanceof TimeZoneError &&
      error.message ===
        "Unknown time zone 'Mars/Olympus_Mons': expected 'UTC', 'local' or an IANA name such as Europe/Berlin",
  );
});

test('formatInstant rejects text that is not an ISO UTC instant', () => {
  for (const text of [
    '2024-05-01 10:00:00.123',
    '2024-02-30T00:00:00Z',
    '2024-05-01T10:00:00+02:00',
    '',
  ]) {
    assert.throws(() => formatInstant(text, 'Europe/Berlin'), InstantSyntaxError, text);
  }
  assert.throws(
    () => formatInstant('yesterday'),
    /^InstantSyntaxError: Cannot format time 'yesterday': expected ISO-8601 UTC such as 2024-05-01T12:00:00.1234567Z$/,
  );
});

test('parseUtcInstant splits whole seconds from the seven-digit fraction', () => {
  assert.deepEqual(parseUtcInstant('1970-01-01T00:00:01.123456789Z'), {
    epochSeconds: 1,
    ticks: '1234567',
  });
  assert.deepEqual(parseUtcInstant('1601-01-01T00:00:00Z'), {
    epochSeconds: -11644473600,
    ticks: '0000000',
  });
  assert.equal(parseUtcInstant('2023-02-29T00:00:00Z'), undefined);
});

test('offsetText writes hours and minutes, and seconds only when there are some', () => {
  assert.equal(offsetText(0), '+00:00');
  assert.equal(offsetText(20700), '+05:45');
  assert.equal(offsetText(-16200), '-04:30');
  assert.equal(offsetText(1050), '+00:17:30');
});

test('ZonedTimeFormatter local follows the engine zone (TZ set for this process)', () => {
  const saved = process.env['TZ'];
  process.env['TZ'] = 'Asia/Kathmandu';
  try {
    const formatter = new ZonedTimeFormatter('local');
    assert.equal(formatter.zone, 'Asia/Katmandu');
    assert.equal(
      formatter.format('2024-05-01T12:00:00.1234567Z'),
      '2024-05-01T17:45:00.1234567+05:45',
    );
  } finally {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  }
});
