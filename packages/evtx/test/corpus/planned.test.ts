/**
 * For every record of every corpus file, the fast structured record (a template's plan over
 * the value table) equals the reference one built through the element tree, issues included,
 * and the lazy accessors agree with both. Skips, saying so, without the shared corpus.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EvtxFile, type EvtxRecord } from '../../src/index.js';
import { openFileSource } from '../../src/node.js';
import { locateCorpus } from './shared.js';

const corpus = locateCorpus();

if (typeof corpus === 'string') {
  test('toStructured equals the tree path on every corpus record', { skip: corpus }, () => {});
} else {
  const files = readdirSync(corpus.evtx, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.toLowerCase().endsWith('.evtx'))
    .sort();

  test('toStructured equals the tree path on every corpus record', async () => {
    let records = 0;
    for (const name of files) records += await compareFile(join(corpus.evtx, name), name);
    // The corpus holds over 20,000 records; far fewer means files were not read.
    assert.ok(records > 20000, `only ${records} records read from ${files.length} files`);
  });
}

/** Compares every record of one file; returns how many were read. */
async function compareFile(path: string, name: string): Promise<number> {
  const source = await openFileSource(path);
  let records = 0;
  try {
    const file = await EvtxFile.open(source);
    for await (const record of file.records()) {
      compareRecord(record, `${name} record ${record.recordId}`);
      records++;
    }
  } finally {
    await source.close();
  }
  return records;
}

function compareRecord(record: EvtxRecord, where: string): void {
  const reference = record.toStructuredByTree();
  const fast = record.toStructured();
  assert.deepStrictEqual(fast, reference, where);
  assert.equal(JSON.stringify(fast), JSON.stringify(reference), `${where}: key order`);

  assert.equal(record.eventId, reference.eventId, `${where}: eventId`);
  assert.equal(record.timeCreated, reference.timeCreated, `${where}: timeCreated`);
  assert.equal(record.provider, reference.provider, `${where}: provider`);
  for (const [name, value] of Object.entries(reference.data)) {
    assert.deepStrictEqual(record.field(name), value, `${where}: field ${name}`);
  }
  assert.equal(record.field('NoSuchFieldInAnyEvent'), undefined, `${where}: absent field`);
}
