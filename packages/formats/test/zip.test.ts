import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';

import { FormatError } from '../src/errors.js';
import { nodeGunzip, nodeInflateRaw } from '../src/node.js';
import { webInflateRaw, zipEntries, type RandomAccess } from '../src/zip.js';
import { readZipRecordBatches } from '../src/zip-records.js';
import type { FormatDiagnostic, ImportedRecord } from '../src/types.js';
import { FIXTURES } from './helpers.js';
import { zipOf } from './zip-writer.js';

const fixture = (name: string) => new Uint8Array(readFileSync(FIXTURES + name));

function memory(bytes: Uint8Array): RandomAccess {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
  };
}

async function readZip(bytes: Uint8Array, inflate = nodeInflateRaw) {
  const records: ImportedRecord[] = [];
  const diagnostics: FormatDiagnostic[] = [];
  const options = {
    file: 'a.zip',
    gunzip: nodeGunzip,
    onDiagnostic: (d: FormatDiagnostic) => diagnostics.push(d),
  };
  for await (const batch of readZipRecordBatches(memory(bytes), inflate, options))
    records.push(...batch);
  return { records, diagnostics };
}

test('zip: every export member is read, stored or deflated, with zlib or DecompressionStream', async () => {
  const zip = zipOf([
    { name: 'logs/', bytes: new Uint8Array(0) },
    { name: 'logs/chainsaw.jsonl', bytes: fixture('chainsaw_search.jsonl'), deflate: true },
    { name: 'logs/app.xml', bytes: fixture('application-head.xml') },
  ]);
  for (const inflate of [nodeInflateRaw, webInflateRaw]) {
    const { records, diagnostics } = await readZip(zip, inflate);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(
      records.map((record) => [record.file, record.recordId]),
      [
        ['a.zip:logs/chainsaw.jsonl', '31794'],
        ['a.zip:logs/chainsaw.jsonl', '31799'],
        ['a.zip:logs/app.xml', '366'],
        ['a.zip:logs/app.xml', '365'],
        ['a.zip:logs/app.xml', '364'],
      ],
    );
  }
});

test('zip: a member that is no export, or EVTX, is skipped with a warning; the rest is read', async () => {
  const zip = zipOf([
    { name: 'notes.txt', bytes: new TextEncoder().encode('hello\n') },
    { name: 'log.evtx', bytes: fixture('sigma-0f60b28c.evtx'), deflate: true },
    { name: 'c.jsonl', bytes: fixture('chainsaw_search.jsonl') },
  ]);
  const { records, diagnostics } = await readZip(zip);
  assert.equal(records.length, 2);
  assert.deepEqual(
    diagnostics.map((diagnostic) => diagnostic.message.replace(/ \(first bytes.*/, '')),
    [
      'member "notes.txt" skipped: not an event log: no EVTX signature, event XML, event JSON or EvtxECmd CSV header',
      'member "log.evtx" skipped: EVTX inside a zip is not read yet; unpack it',
    ],
  );
  assert.equal(diagnostics[1]?.offset, 30 + 'notes.txt'.length + 6);
});

test('zip: a central directory or member running past the end is refused, naming the offset', async () => {
  const zip = zipOf([{ name: 'c.jsonl', bytes: fixture('chainsaw_search.jsonl') }]);
  const cut = zip.slice();
  const view = new DataView(cut.buffer);
  view.setUint32(cut.length - 22 + 12, 1_000_000, true);
  await assert.rejects(
    zipEntries(memory(cut), 'a.zip'),
    (error: unknown) =>
      error instanceof FormatError &&
      /central directory at byte \d+: 1000000 bytes run past the end/.test(error.message),
  );

  const long = zip.slice();
  const centralAt = long.length - 22 - (46 + 'c.jsonl'.length);
  new DataView(long.buffer).setUint32(centralAt + 20, 99_999_999, true);
  const { records, diagnostics } = await readZip(long);
  assert.equal(records.length, 0);
  assert.match(diagnostics[0]?.message ?? '', /99999999 bytes run past the end/);
});

test('zip: bytes with no end record are refused', async () => {
  await assert.rejects(
    zipEntries(memory(new Uint8Array(100)), 'x.zip'),
    /no end-of-central-directory record/,
  );
});
