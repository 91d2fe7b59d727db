import assert from 'node:assert/strict';
import test from 'node:test';
import { filetimeToIso, systemtimeToIso } from '../src/time.js';

function halves(ticks: bigint): [number, number] {
  return [Number(ticks & 0xffffffffn), Number(ticks >> 32n)];
}

test('filetimeToIso keeps all seven fraction digits of a real Sysmon time', () => {
  // 2019-02-16T10:01:46.8840384Z: ticks above 2^53, where a double would round.
  const ticks = 131947849068840384n;
  assert.ok(ticks > 2n ** 53n);
  assert.equal(filetimeToIso(...halves(ticks)), '2019-02-16T10:01:46.8840384Z');
});

test('filetimeToIso renders the FILETIME epoch and the last tick of a second', () => {
  assert.equal(filetimeToIso(0, 0), '1601-01-01T00:00:00.0000000Z');
  const ticks = 116444736000000000n + 9_999_999n;
  assert.equal(filetimeToIso(...halves(ticks)), '1970-01-01T00:00:00.9999999Z');
});

test('filetimeToIso renders the largest FILETIME without throwing', () => {
  assert.equal(filetimeToIso(0xffffffff, 0xffffffff), '+060056-05-28T05:36:10.9551615Z');
});

test('systemtimeToIso pads fields and ignores the day of week', () => {
  assert.equal(systemtimeToIso([2023, 7, 3, 4, 5, 6, 7, 89]), '2023-07-04T05:06:07.0890000Z');
});

/** The ISO text `Date` gives for `ticks`, with the four digits below the millisecond added. */
function viaDate(ticks: bigint): string {
  const ms = Number(ticks / 10000n) - 11644473600000;
  const sub = (ticks % 10000n).toString().padStart(4, '0');
  return `${new Date(ms).toISOString().slice(0, -1)}${sub}Z`;
}

test('filetimeToIso agrees with Date at day, year, leap and range edges', () => {
  const day = 864_000_000_000n;
  const edges = [
    116444736000000000n - 1n, // 1969-12-31T23:59:59.9999999
    125911584000000000n, // 2000-01-01
    125911584000000000n + 59n * day, // 2000-02-29, a leap day in a century year
    2n ** 53n + 1n, // above 2^53, where a double would round
    2650467743999999999n, // 9999-12-31T23:59:59.9999999, the last four-digit year
    2650467744000000000n, // 10000-01-01, written with a sign and six digits
  ];
  for (const ticks of edges) {
    assert.equal(filetimeToIso(...halves(ticks)), viaDate(ticks), `ticks ${ticks}`);
  }
  assert.equal(filetimeToIso(...halves(2650467744000000000n)), '+010000-01-01T00:00:00.0000000Z');
});

test('filetimeToIso agrees with Date on the first and last tick of every third day, 1601-2400', () => {
  const day = 864_000_000_000n;
  for (let d = 0n; d < 800n * 366n; d += 3n) {
    for (const ticks of [d * day, d * day + day - 1n]) {
      const text = filetimeToIso(...halves(ticks));
      if (text !== viaDate(ticks)) assert.fail(`ticks ${ticks}: ${text} != ${viaDate(ticks)}`);
    }
  }
});
