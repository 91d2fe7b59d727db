import assert from 'node:assert/strict';
import test from 'node:test';
import { decodeAnsi, decodeUtf16, MAX_CACHED_UNITS, Utf16Cache } from '../src/text.js';

function utf16(...units: number[]): Uint8Array {
  const bytes = new Uint8Array(units.length * 2);
  units.forEach((unit, i) => {
    bytes[2 * i] = unit & 0xff;
    bytes[2 * i + 1] = unit >> 8;
  });
  return bytes;
}

test('decodeUtf16 keeps surrogate pairs and drops trailing NULs', () => {
  const issues: string[] = [];
  const text = decodeUtf16(utf16(0x41, 0xd83d, 0xde00, 0, 0), 0, 5, {
    issue: (m) => issues.push(m),
  });
  assert.equal(text, 'A\u{1f600}');
  assert.deepEqual(issues, []);
});

test('decodeUtf16 replaces unpaired surrogates with U+FFFD and reports them', () => {
  const issues: string[] = [];
  const text = decodeUtf16(utf16(0xd800, 0x42, 0xdc00), 0, 3, { issue: (m) => issues.push(m) });
  assert.equal(text, '\ufffdB\ufffd');
  assert.deepEqual(issues, ['unpaired UTF-16 surrogate replaced by U+FFFD (2x)']);
});

test('decodeUtf16 decodes strings longer than one batch', () => {
  const units = Array.from({ length: 10000 }, (_, i) => 0x61 + (i % 26));
  const text = decodeUtf16(utf16(...units), 0, units.length);
  assert.equal(text.length, 10000);
  assert.equal(text.slice(0, 3), 'abc');
  assert.equal(text.slice(-1), String.fromCharCode(0x61 + (9999 % 26)));
});

test('decodeAnsi maps bytes above 0x7F through Windows-1252', () => {
  const bytes = Uint8Array.from([0x80, 0x20, 0xe9, 0x9f, 0x41, 0]);
  assert.equal(decodeAnsi(bytes, 0, bytes.length), '\u20ac \u00e9\u0178A');
});

test('decodeUtf16 keeps a byte-order mark and text at any byte offset', () => {
  const bytes = Uint8Array.of(0xff, 0xff, 0xfe, 0x41, 0, 0x42, 0, 0, 0);
  assert.equal(decodeUtf16(bytes, 1, 4), '\ufeffAB');
});

test('decodeUtf16 reports a surrogate found after many plain units', () => {
  const issues: string[] = [];
  const units = [...Array.from({ length: 100 }, () => 0x61), 0xdc00];
  const text = decodeUtf16(utf16(...units), 0, units.length, { issue: (m) => issues.push(m) });
  assert.equal(text, `${'a'.repeat(100)}\ufffd`);
  assert.deepEqual(issues, ['unpaired UTF-16 surrogate replaced by U+FFFD (1x)']);
});

function units(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

test('Utf16Cache.decode gives the string decodeUtf16 gives, the same one for the same bytes', () => {
  const cache = new Utf16Cache();
  const image = 'C:\\Windows\\x.exe';
  const bytes = utf16(...units(image), 0, ...units(image));
  const first = cache.decode(bytes, 0, image.length + 1);
  const second = cache.decode(bytes, 2 * (image.length + 1), image.length);
  assert.equal(first, image);
  assert.equal(second, first);
  assert.equal(cache.decode(bytes, 0, 4), 'C:\\W');
  assert.equal(cache.decode(bytes, 0, 0), '');
});

test('Utf16Cache.decode reports an unpaired surrogate every time the bytes are met', () => {
  const cache = new Utf16Cache();
  const issues: string[] = [];
  const sink = { issue: (m: string) => issues.push(m) };
  const bytes = utf16(0x41, 0xd800, 0x42);
  assert.equal(cache.decode(bytes, 0, 3, sink), 'A\ufffdB');
  assert.equal(cache.decode(bytes, 0, 3, sink), 'A\ufffdB');
  assert.equal(issues.length, 2);
  assert.equal(cache.decode(utf16(0x41, 0xd83d, 0xde00), 0, 3, sink), 'A\u{1f600}');
  assert.equal(issues.length, 2);
});

test('Utf16Cache.decode tells apart strings that share length, ends and middle', () => {
  const cache = new Utf16Cache();
  const texts = ['2024-03-04 08:00:00.907', '2024-03-04 08:10:00.907', '2024-03-04 08:00:00.907'];
  const bytes = texts.map((text) => utf16(...units(text)));
  assert.deepEqual(
    bytes.map((b) => cache.decode(b, 0, 23)),
    texts,
  );
  const long = 'x'.repeat(MAX_CACHED_UNITS + 1);
  assert.equal(cache.decode(utf16(...units(long)), 0, long.length), long);
});

test('Utf16Cache.decode makes strings of one length right one after another, kept or not', () => {
  const cache = new Utf16Cache();
  const short = ['2024-03-04 08:00:00.907', '2024-03-04 08:00:01.361'];
  const long = ['a'.repeat(99) + 'b', 'c'.repeat(99) + 'd'];
  for (const text of [...short, ...long, ...short, ...long]) {
    assert.equal(cache.decode(utf16(...units(text)), 0, text.length), text);
  }
  const huge = 'e'.repeat(5000);
  assert.equal(cache.decode(utf16(...units(huge)), 0, huge.length), huge);
});

test('Utf16Cache.decode reports an unpaired surrogate in a long string each time', () => {
  const cache = new Utf16Cache();
  const issues: string[] = [];
  const sink = { issue: (m: string) => issues.push(m) };
  const bytes = utf16(...units('x'.repeat(100)), 0xdc00, 0x41);
  const expected = `${'x'.repeat(100)}\ufffdA`;
  assert.equal(cache.decode(bytes, 0, 102, sink), expected);
  assert.equal(cache.decode(bytes, 0, 102, sink), expected);
  assert.deepEqual(issues, [
    'unpaired UTF-16 surrogate replaced by U+FFFD (1x)',
    'unpaired UTF-16 surrogate replaced by U+FFFD (1x)',
  ]);
});
