/** EvtxRecord's lazy accessors: each equals what toStructured gives, read on its own. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  el,
  eventData,
  eventRecord,
  fileWith,
  sub,
  template,
  templateGuid,
  unnamedEventData,
  value,
  ValueType,
} from './support/index.js';
import { parse } from './support/parse.js';

test('EvtxRecord.eventId, timeCreated and provider equal the structured record', async () => {
  const bytes = fileWith(
    eventRecord(
      { recordId: 1, eventId: 3, provider: 'Microsoft-Windows-Sysmon', timeCreated: T1 },
      eventData({ DestinationIp: '10.0.0.5', DestinationPort: value.uint16(443) }),
    ),
    eventRecord({ recordId: 2, eventId: 1, qualifiers: 0 }, null),
  );
  const { records, structured } = await parse(bytes);
  assert.deepEqual(
    records.map((r) => [r.eventId, r.timeCreated, r.provider]),
    [
      [3, T1, 'Microsoft-Windows-Sysmon'],
      [1, '2024-03-05T10:20:30.1234567Z', 'Test-Provider'],
    ],
  );
  assert.deepEqual(
    records.map((r) => r.eventId),
    structured.map((s) => s.eventId),
  );
});

test('EvtxRecord.field reads one EventData field; absent and inherited names are undefined', async () => {
  const data = eventData({ Image: 'C:\\x.exe', DestinationPort: value.uint16(443) });
  const { records } = await parse(fileWith(eventRecord({ recordId: 1, eventId: 3 }, data)));
  const [record] = records;
  assert.ok(record);
  assert.equal(record.field('Image'), 'C:\\x.exe');
  assert.equal(record.field('DestinationPort'), '443');
  assert.equal(record.field('Missing'), undefined);
  assert.equal(record.field('toString'), undefined);
  assert.equal(record.field('__proto__'), undefined);
});

test('EvtxRecord.field gives every value of a repeated name, in order', async () => {
  const data = unnamedEventData(['first', 'second']);
  const { records } = await parse(fileWith(eventRecord({ recordId: 1, eventId: 7 }, data)));
  assert.deepEqual(records[0]?.field('Data'), ['first', 'second']);
});

test('EvtxRecord accessors fall back to the tree for a template with no plan', async () => {
  // A Data name from a substitution has no plan: the record is read through the tree.
  const root = el(
    'Event',
    {},
    el('System', {}, el('EventID', {}, sub(0, ValueType.UInt16))),
    el('EventData', {}, el('Data', { Name: sub(1, ValueType.String) }, sub(2, ValueType.String))),
  );
  const values = [value.uint16(4688), value.string('NewProcessName'), value.string('a.exe')];
  const body = template(templateGuid('dynamic-name'), root, values);
  const { records } = await parse(fileWith({ recordId: 1, body }));
  assert.equal(records[0]?.eventId, 4688);
  assert.equal(records[0]?.field('NewProcessName'), 'a.exe');
});

const T1 = '2021-11-30T22:05:44.8461234Z';
