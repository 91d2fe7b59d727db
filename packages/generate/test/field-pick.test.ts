/**
 * EvtxRecord.pick over a generated Sysmon log: every record's picked fields and System facts
 * equal toStructured()'s, and come from the plan alone (the generator writes EventData as a
 * BinXml value with a template of its own, as Windows writes Sysmon's events).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { compileFieldPick, EvtxFile, bytesSource, type EvtxRecord } from '@evtxhunt/evtx';

import { generate } from './support/generate.js';

const FACTS = ['recordId', 'timeCreated', 'eventId', 'provider', 'channel', 'computer'] as const;

test('EvtxRecord.pick equals toStructured on every record of a generated log', async () => {
  const log = generate({ seed: 1, sizeBytes: 3 * 1024 * 1024 });
  const file = await EvtxFile.open(bytesSource(log.bytes, 'generated.evtx'));
  const records: EvtxRecord[] = [];
  const names = new Set<string>();
  for await (const record of file.records()) {
    records.push(record);
    for (const name of Object.keys(record.toStructured().data)) names.add(name);
  }
  assert.equal(records.length, log.records);

  const pick = compileFieldPick([...names, 'NotSysmon'], { system: FACTS });
  const out = pick.output();
  for (const record of records) {
    const structured = record.toStructured();
    // The plan alone must answer: building the whole record would defeat the pick.
    const blocked = Object.create(record) as EvtxRecord;
    blocked.toStructured = () => assert.fail(`record ${record.recordId} was built whole`);
    blocked.pick(pick, out);
    for (const [slot, name] of pick.names.entries()) {
      const value = Object.hasOwn(structured.data, name) ? structured.data[name] : undefined;
      assert.deepStrictEqual(out.data[slot], value, `record ${record.recordId}: ${name}`);
    }
    for (const fact of FACTS) assert.strictEqual(out[fact], structured[fact], fact);
  }
});
