/**
 * EvtxFieldSource (the hunt's intake of parser records by named fields) against whole
 * structured records: the engine's report is the same either way, and the engine never reads a
 * field that fieldsRead() does not list for the event, over a generated log, the hostile log and
 * every file of the shared corpus (skipped, saying so, where the corpus is absent).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { bytesSource, EvtxFile, type EvtxRecord } from '@evtxhunt/evtx';
import { hostileSysmonLog, SysmonLogGenerator } from '@evtxhunt/generate';
import {
  defaultKnowledge,
  fieldsRead,
  HuntEngine,
  type EventRecord,
  type FieldValue,
} from '@evtxhunt/hunt';

import { EvtxFieldSource } from '../src/field-source.js';
import { SHARED, SKIP_SHARED } from './run-cli.js';

/** Every record of a log held in memory. */
async function recordsOf(bytes: Uint8Array, name: string): Promise<EvtxRecord[]> {
  const file = await EvtxFile.open(bytesSource(bytes, name));
  const records: EvtxRecord[] = [];
  for await (const record of file.records()) records.push(record);
  return records;
}

function generatedLog(seed: number): Uint8Array {
  const generator = new SysmonLogGenerator({ seed, sizeBytes: 2 * 1024 * 1024 });
  const chunks = [...generator.chunks()];
  const bytes = new Uint8Array(4096 + 65536 * chunks.length);
  bytes.set(generator.fileHeader(), 0);
  chunks.forEach((chunk, i) => bytes.set(chunk, 4096 + 65536 * i));
  return bytes;
}

function huntWhole(records: readonly EvtxRecord[]): string {
  const engine = new HuntEngine({ knowledge: defaultKnowledge() });
  for (const record of records) engine.add({ ...record.toStructured(), file: record.file });
  return JSON.stringify(engine.report());
}

function huntByFields(records: readonly EvtxRecord[]): string {
  const engine = new HuntEngine({ knowledge: defaultKnowledge() });
  const source = new EvtxFieldSource();
  for (const record of records) engine.add(source.record(record, record.file));
  return JSON.stringify(engine.report());
}

/**
 * Each record whole, with its data fields watched: every name the engine looks up that
 * fieldsRead() does not list for the record, as `eventId name`.
 */
function unlistedReads(records: readonly EvtxRecord[]): Set<string> {
  const engine = new HuntEngine({ knowledge: defaultKnowledge() });
  const unlisted = new Set<string>();
  for (const record of records) {
    const structured: EventRecord = { ...record.toStructured(), file: record.file };
    const listed = new Set(fieldsRead(structured));
    const note = (name: string | symbol) => {
      if (typeof name === 'string' && !listed.has(name)) {
        unlisted.add(`${structured.eventId} ${name}`);
      }
    };
    const data = new Proxy<Record<string, FieldValue>>(structured.data, {
      get: (target, name) => (note(name), Reflect.get(target, name)),
      has: (target, name) => (note(name), Reflect.has(target, name)),
      getOwnPropertyDescriptor: (target, name) => (
        note(name),
        Reflect.getOwnPropertyDescriptor(target, name)
      ),
      ownKeys: (target) => (
        unlisted.add(`${structured.eventId} (every name)`),
        Reflect.ownKeys(target)
      ),
    });
    engine.add({ ...structured, data });
  }
  engine.report();
  return unlisted;
}

async function check(bytes: Uint8Array, name: string): Promise<number> {
  const records = await recordsOf(bytes, name);
  assert.equal(huntByFields(records), huntWhole(records), `${name}: report`);
  assert.deepEqual([...unlistedReads(records)], [], `${name}: fields read but not listed`);
  return records.length;
}

test('EvtxFieldSource gives the engine the report of whole records on generated logs', async () => {
  assert.ok((await check(generatedLog(1), 'generated-1.evtx')) > 1000);
  assert.ok((await check(generatedLog(7), 'generated-7.evtx')) > 1000);
  assert.ok((await check(hostileSysmonLog('203.0.113.66'), 'hostile.evtx')) > 5);
});

test('EvtxFieldSource flags recovered records as whole records are flagged', async () => {
  const bytes = generatedLog(3);
  // A destroyed chunk header: its records are found by their signatures, flagged recovered.
  bytes.fill(0, 4096 + 65536 * 2, 4096 + 65536 * 2 + 512);
  await check(bytes, 'destroyed-chunk.evtx');
  const records = await recordsOf(bytes, 'destroyed-chunk.evtx');
  const report = JSON.parse(huntByFields(records)) as { input: { recovered: number } };
  assert.equal(report.input.recovered, records.filter((record) => record.recovered).length);
  assert.ok(report.input.recovered > 10, `${report.input.recovered} recovered`);
});

test(
  'EvtxFieldSource gives the engine the report of whole records on every corpus file',
  { skip: SKIP_SHARED },
  async () => {
    const files = readdirSync(SHARED, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.toLowerCase().endsWith('.evtx'))
      .sort();
    let records = 0;
    for (const name of files) {
      records += await check(new Uint8Array(readFileSync(join(SHARED, name))), name);
    }
    // The corpus holds over 20,000 records; far fewer means files were not read.
    assert.ok(records > 20000, `only ${records} records read from ${files.length} files`);
  },
);
