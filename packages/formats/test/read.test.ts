import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { constants, gunzipSync, gzipSync } from 'node:zlib';

import { nodeGunzip, readFileRecordBatches } from '../src/node.js';
import { FormatError } from '../src/errors.js';
import { webGunzip } from '../src/gunzip-web.js';
import { sniffFormat } from '../src/sniff.js';
import { FIXTURES, readAll } from './helpers.js';

const fixture = (name: string) => new Uint8Array(readFileSync(FIXTURES + name));

test('sniffFormat tells every fixture by its content', () => {
  assert.equal(sniffFormat(fixture('sigma-0f60b28c.evtx')), 'evtx');
  assert.equal(sniffFormat(fixture('sigma-0f60b28c.evtx-rs.json')), 'json');
  assert.equal(sniffFormat(fixture('chainsaw_search_array.json')), 'json');
  assert.equal(sniffFormat(fixture('application-head.xml')), 'xml');
  assert.equal(sniffFormat(fixture('evtxecmd-sysmon.csv')), 'csv');
  assert.equal(sniffFormat(gzipSync(fixture('chainsaw_search.jsonl'))), 'gzip');
});

test('sniffFormat refuses text that is no event log', () => {
  const text = (value: string) => new TextEncoder().encode(value);
  assert.equal(sniffFormat(text('{"name": "package.json"}\n')), undefined);
  assert.equal(sniffFormat(text('<html><body/></html>')), undefined);
  assert.equal(sniffFormat(text('a,b,c\n1,2,3\n')), undefined);
  assert.equal(sniffFormat(new Uint8Array(0)), undefined);
});

test('an unknown input is refused with an error naming the file and what was found', async () => {
  await assert.rejects(
    readAll('just some text\n', 1 << 20, { file: 'notes.txt' }),
    (error: unknown) =>
      error instanceof FormatError &&
      error.message ===
        'notes.txt: input at byte 0: not an event log: no EVTX signature, event XML, event JSON, or EvtxECmd or evtxhunt CSV header (first bytes 6a 75 73 74 20 73 6f 6d)',
  );
});

test('gzip is opened in place, with zlib and with DecompressionStream alike', async () => {
  const gzipped = gzipSync(fixture('chainsaw_search.jsonl'));
  for (const gunzip of [nodeGunzip, webGunzip]) {
    const { records } = await readAll(gzipped, 100, { gunzip });
    assert.deepEqual(
      records.map((record) => record.recordId),
      ['31794', '31799'],
    );
  }
});

test('gzip without a decompressor is refused', async () => {
  await assert.rejects(
    readAll(gzipSync(fixture('chainsaw_search.jsonl'))),
    /gzip input cannot be opened here/,
  );
});

test('a UTF-16 export with a byte-order mark is read', async () => {
  const text = readFileSync(FIXTURES + 'application-head.xml', 'utf8').replace(/^\ufeff/, '');
  const utf16 = new Uint8Array(
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  );
  const { records } = await readAll(utf16, 333);
  assert.equal(records.length, 3);
  assert.equal(records[0]?.recordId, '366');
});

test('readFileRecordBatches reads a file in batches of the size asked', async () => {
  const sizes: number[] = [];
  const path = FIXTURES + 'application-head.xml';
  for await (const batch of readFileRecordBatches(path, { batchSize: 2 })) sizes.push(batch.length);
  assert.deepEqual(sizes, [2, 1]);
});

test('readRecordBatches reads a gzip cut off up to the cut: an error names it, no record before it is lost', async () => {
  const lines = Array.from({ length: 600 }, (_, i) =>
    JSON.stringify({
      recordId: String(i + 1),
      eventId: 1,
      channel: 'c',
      data: { N: 'x'.repeat(i % 50) },
    }),
  );
  const gzipped = gzipSync(new TextEncoder().encode(lines.join('\n') + '\n'));
  const cut = gzipped.subarray(0, Math.floor(gzipped.length * 0.6));
  // Every whole line zlib can give back from the cut bytes, as zcat would.
  const partial = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH });
  const readable = new TextDecoder().decode(partial).split('\n').length - 1;
  for (const gunzip of [nodeGunzip, webGunzip]) {
    const { records, diagnostics } = await readAll(cut, 4096, { gunzip, batchSize: 256 });
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const whole = records.length;

    assert.equal(whole, readable);
    assert.ok(whole > 256 && whole < 600, `${whole} records`);
    assert.deepEqual(records.map((record) => record.recordId).slice(-1), [String(whole)]);
    assert.equal(errors[0]?.structure, 'gzip');
    assert.equal(
      errors[0]?.message,
      `compressed data ends early or is damaged (gzip data cut at byte ${cut.length} of the .gz); the ${partial.length} bytes unpacked before it were read (offsets are in the unpacked data)`,
    );
  }
});
