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
