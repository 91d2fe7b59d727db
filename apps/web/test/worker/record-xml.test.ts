import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { EvtxFile, bytesSource } from '@evtxhunt/evtx';

import { recordXml } from '../../src/worker/record-xml.js';
import { BAD_CHUNK_MAGIC, ISSUE43, SKIP_SHARED } from '../support/paths.js';
import { recoveredLog } from '../support/recovered-log.js';

async function everyXml(path: string) {
  const source = bytesSource(new Uint8Array(await readFile(path)), 'x.evtx');
  const evtx = await EvtxFile.open(source);
  const records: { chunk: number; offset: number; xml: string }[] = [];
  for await (const record of evtx.records()) {
    records.push({ chunk: record.chunkIndex, offset: record.offset, xml: record.toXml() });
  }
  return { source, records };
}

test('recordXml reads one record again and renders what a full pass renders', async () => {
  const { source, records } = await everyXml(ISSUE43);
  const picks = [0, 1, 77, 78, 900, records.length - 1].map((i) => records[i]);

  for (const pick of picks) {
    assert.ok(pick);
    assert.equal(await recordXml(source, pick.chunk, pick.offset), pick.xml);
  }
  assert.match(records[0]?.xml ?? '', /<EventRecordID>1<\/EventRecordID>/);
});

test('recordXml names the file, chunk and offset when nothing is there', async () => {
  const { source } = await everyXml(ISSUE43);

  await assert.rejects(recordXml(source, 0, 0x1204), {
    name: 'RangeError',
    message: 'x.evtx: no readable record at 0x1204 in chunk 0',
  });
  await assert.rejects(recordXml(source, 40, 0x281000), {
    message: 'x.evtx: chunk 40 is past the end of the file',
  });
});

test('recordXml reads records of a damaged chunk', { skip: SKIP_SHARED }, async () => {
  const { source, records } = await everyXml(BAD_CHUNK_MAGIC);
  const inDamagedChunk = records.filter((record) => record.chunk === 7);

  assert.equal(inDamagedChunk.length, 43);
  for (const record of inDamagedChunk.slice(0, 3)) {
    assert.equal(await recordXml(source, record.chunk, record.offset), record.xml);
  }
});

test('recordXml reads a record recovered behind a destroyed chunk header, as a full pass does', async () => {
  const source = bytesSource(recoveredLog(), 'x.evtx');
  const evtx = await EvtxFile.open(source);
  const recovered: { chunk: number; offset: number; xml: string }[] = [];
  for await (const record of evtx.records()) {
    if (record.recovered) recovered.push({ chunk: 1, offset: record.offset, xml: record.toXml() });
  }

  assert.equal(recovered.length, 170);
  for (const pick of [recovered[0], recovered.at(-1)]) {
    assert.ok(pick);
    assert.equal(await recordXml(source, pick.chunk, pick.offset), pick.xml);
  }
  assert.match(recovered[0]?.xml ?? '', /<EventRecordID>231<\/EventRecordID>/);
});
