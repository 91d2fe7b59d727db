import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';

import { EvtxFile, bytesSource } from '@evtxhunt/evtx';

import { collectBytes } from '../src/collect.js';
import { FormatError } from '../src/errors.js';
import { nodeGunzip, nodeInflateRaw } from '../src/node.js';
import { webInflateRaw, zipEntries, type RandomAccess } from '../src/zip.js';
import {
  readZipRecordBatches,
  sniffZipMembers,
  type EvtxMemberReader,
} from '../src/zip-records.js';
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

/** An EVTX member read by the parser, gathered whole up to `maxBytes`. */
function parserReader(maxBytes: number): EvtxMemberReader {
  return async function* (chunks, member) {
    const limit = { maxBytes, file: member, structure: 'zip member' };
    const evtx = await EvtxFile.open(bytesSource(await collectBytes(chunks, limit), member));
    for await (const batch of evtx.recordBatches()) {
      yield batch.map((record) => ({ ...record.toStructured(), file: member }));
    }
  };
}

async function readZip(bytes: Uint8Array, inflate = nodeInflateRaw, readEvtx?: EvtxMemberReader) {
  const records: ImportedRecord[] = [];
  const diagnostics: FormatDiagnostic[] = [];
  const options = {
    file: 'a.zip',
    gunzip: nodeGunzip,
    onDiagnostic: (d: FormatDiagnostic) => diagnostics.push(d),
    ...(readEvtx === undefined ? {} : { readEvtx }),
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

test('zip: a member that is no log, or EVTX with no reader given, is skipped with a warning', async () => {
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
      'member "notes.txt" skipped: not an event log: no EVTX signature, event XML, event JSON, or EvtxECmd or evtxhunt CSV header',
      'member "log.evtx" skipped: EVTX members are not read here',
    ],
  );
  assert.equal(diagnostics[1]?.offset, 30 + 'notes.txt'.length + 6);
});

test('zip: an EVTX member goes to the reader given, in its place among the exports', async () => {
  const zip = zipOf([
    { name: 'c.jsonl', bytes: fixture('chainsaw_search.jsonl') },
    { name: 'sysmon/log.evtx', bytes: fixture('sigma-0f60b28c.evtx'), deflate: true },
  ]);
  const { records, diagnostics } = await readZip(zip, webInflateRaw, parserReader(1 << 20));

  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    records.map((record) => [record.file, record.recordId, record.eventId]),
    [
      ['a.zip:c.jsonl', '31794', 4624],
      ['a.zip:c.jsonl', '31799', 4624],
      ['a.zip:sysmon/log.evtx', '2357877', 1],
    ],
  );
});

test('zip: an EVTX member unpacking past the limit is skipped, naming the limit', async () => {
  const zip = zipOf([{ name: 'log.evtx', bytes: fixture('sigma-0f60b28c.evtx'), deflate: true }]);
  const { records, diagnostics } = await readZip(zip, nodeInflateRaw, parserReader(4096));

  assert.equal(records.length, 0);
  assert.deepEqual(
    diagnostics.map((diagnostic) => diagnostic.message),
    ['member "log.evtx" skipped: unpacks to more than 4096 bytes, the limit for reading it whole'],
  );
});

test('zip: a zip64 archive is read from its zip64 end record and extra fields', async () => {
  const members = [
    { name: 'c.jsonl', bytes: fixture('chainsaw_search.jsonl'), deflate: true },
    { name: 'log.evtx', bytes: fixture('sigma-0f60b28c.evtx') },
  ];
  const plain = zipOf(members);
  const zip64 = zipOf(members, true);

  assert.deepEqual(
    await zipEntries(memory(zip64), 'a.zip'),
    await zipEntries(memory(plain), 'a.zip'),
  );
  const sniffed = await sniffZipMembers(memory(zip64), nodeInflateRaw, { file: 'a.zip' });
  assert.deepEqual(
    sniffed.map((member) => [member.entry.name, member.format, member.entry.uncompressedSize]),
    [
      ['c.jsonl', 'json', fixture('chainsaw_search.jsonl').length],
      ['log.evtx', 'evtx', fixture('sigma-0f60b28c.evtx').length],
    ],
  );
  const { records } = await readZip(zip64, nodeInflateRaw, parserReader(1 << 20));
  assert.equal(records.length, 3);
});

test('zip: a zip64 end record that is missing or points past the end is refused', async () => {
  const zip64 = zipOf([{ name: 'c.jsonl', bytes: fixture('chainsaw_search.jsonl') }], true);
  const noLocator = zip64.slice();
  new DataView(noLocator.buffer).setUint32(noLocator.length - 22 - 20, 0, true);
  const farRecord = zip64.slice();
  new DataView(farRecord.buffer).setBigUint64(farRecord.length - 22 - 20 + 8, 1n << 40n, true);

  await assert.rejects(
    zipEntries(memory(noLocator), 'a.zip'),
    /zip64 end locator at byte \d+: not found/,
  );
  await assert.rejects(
    zipEntries(memory(farRecord), 'a.zip'),
    /zip64 end record at byte 1099511627776: runs past the end record/,
  );
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

test('zip: a zip inside the zip is an error (a log left unread), a member that is no log a warning', async () => {
  const inner = zipOf([{ name: 'c.jsonl', bytes: fixture('chainsaw_search.jsonl') }]);
  const zip = zipOf([
    { name: 'inner.zip', bytes: inner },
    { name: 'notes.txt', bytes: new TextEncoder().encode('hello\n') },
  ]);
  const { records, diagnostics } = await readZip(zip);

  assert.equal(records.length, 0);
  assert.deepEqual(
    diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.message.slice(0, 40)]),
    [
      ['error', 'member "inner.zip" skipped: a zip inside'],
      ['warning', 'member "notes.txt" skipped: not an event'],
    ],
  );
});
