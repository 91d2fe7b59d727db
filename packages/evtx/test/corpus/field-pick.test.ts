/**
 * For every record of every corpus file, EvtxRecord.pick gives what toStructured() gives: all
 * of the file's field names at once with every System fact, and every other name alone (so
 * steps are skipped). Skips, saying so, without the shared corpus.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  compileFieldPick,
  EvtxFile,
  type EvtxRecord,
  type FieldPick,
  type PickedFields,
} from '../../src/index.js';
import { openFileSource } from '../../src/node.js';
import { locateCorpus } from './shared.js';

const corpus = locateCorpus();
const FACTS = ['recordId', 'timeCreated', 'eventId', 'provider', 'channel', 'computer'] as const;

if (typeof corpus === 'string') {
  test('EvtxRecord.pick equals toStructured on every corpus record', { skip: corpus }, () => {});
} else {
  const files = readdirSync(corpus.evtx, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.toLowerCase().endsWith('.evtx'))
    .sort();

  test('EvtxRecord.pick equals toStructured on every corpus record', async () => {
    let records = 0;
    for (const name of files) records += await compareFile(join(corpus.evtx, name), name);
    // The corpus holds over 20,000 records; far fewer means files were not read.
    assert.ok(records > 20000, `only ${records} records read from ${files.length} files`);
  });
}

/** Compares every record of one file; returns how many were read. */
async function compareFile(path: string, name: string): Promise<number> {
  const source = await openFileSource(path);
  try {
    const file = await EvtxFile.open(source);
    const records: EvtxRecord[] = [];
    const names = new Set<string>();
    for await (const record of file.records()) {
      records.push(record);
      for (const field of Object.keys(record.toStructured().data)) names.add(field);
    }
    const all = compileFieldPick([...names, 'NoSuchFieldInAnyEvent'], { system: FACTS });
    const some = compileFieldPick([...names].filter((_, i) => i % 2 === 1));
    const outs = [all.output(), some.output()];
    for (const record of records) {
      const where = `${name} record ${record.recordId}`;
      compareRecord(record, all, outs[0]!, where);
      compareRecord(record, some, outs[1]!, where);
    }
    return records.length;
  } finally {
    await source.close();
  }
}

function compareRecord(record: EvtxRecord, pick: FieldPick, out: PickedFields, where: string) {
  const structured = record.toStructured();
  record.pick(pick, out);
  for (const [slot, name] of pick.names.entries()) {
    const value = Object.hasOwn(structured.data, name) ? structured.data[name] : undefined;
    assert.deepStrictEqual(out.data[slot], value, `${where}: field ${name}`);
  }
  for (const fact of pick.system) {
    assert.strictEqual(out[fact], structured[fact], `${where}: ${fact}`);
  }
}
