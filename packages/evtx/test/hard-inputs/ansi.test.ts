/** ANSI strings (type 0x02) with bytes above 0x7F decode as Windows-1252. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataFile, value } from '../support/index.js';
import { onlyRecord } from '../support/parse.js';

test('toStructured decodes ANSI strings as Windows-1252', async () => {
  const { data, xml } = await onlyRecord(
    dataFile({
      Plain: value.ansi('cmd.exe'),
      Latin1: value.ansi(Uint8Array.from([0x63, 0x61, 0x66, 0xe9])),
      Euro: value.ansi(Uint8Array.from([0x80, 0x31, 0x30])),
      Quotes: value.ansi(Uint8Array.from([0x93, 0x68, 0x69, 0x94, 0x85])),
      Terminated: value.ansi(Uint8Array.from([0x61, 0x62, 0x63, 0x00])),
    }),
  );
  assert.deepEqual(data.data, {
    Plain: 'cmd.exe',
    Latin1: 'café',
    Euro: '€10',
    Quotes: '\u201chi\u201d\u2026',
    Terminated: 'abc',
  });
  assert.match(xml, /<Data Name='Latin1'>café<\/Data>/);
});

test('toStructured drops the trailing NUL of UTF-16 strings', async () => {
  const { data } = await onlyRecord(dataFile({ Image: value.string('a.exe\0') }));
  assert.equal(data.data['Image'], 'a.exe');
});
