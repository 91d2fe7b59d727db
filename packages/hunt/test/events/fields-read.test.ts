/**
 * fieldsRead and the engine's intake of records that read their fields by name: the engine asks
 * each for the list of its kind of event, and reports as it does on whole records. (The CLI's
 * test/field-source.test.ts checks the lists against every name the engine reads, over real
 * and generated logs.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { HuntEngine } from '../../src/engine/engine.js';
import { fieldsRead } from '../../src/events/fields-read.js';
import { defaultKnowledge } from '../../src/knowledge/default.js';
import type { EventRecord, FieldNames, FieldSourceRecord, FieldValue } from '../../src/record.js';
import { connect, dns, start } from '../engine/scenario.js';
import { event } from '../synthetic.js';

const RUNDLL32 = 'C:\\Windows\\System32\\rundll32.exe';

test('fieldsRead gives the same list for the same kind of event, and none for others', () => {
  const a = connect({ at: 0, image: RUNDLL32, destinationIp: '198.51.100.2', destinationPort: 80 });
  const b = connect({ at: 9, image: 'x.exe', destinationIp: '10.0.0.1', destinationPort: 445 });
  assert.equal(fieldsRead(a), fieldsRead(b));
  assert.ok(fieldsRead(a).includes('DestinationIp'));
  assert.ok(fieldsRead(a).includes('UtcTime'));

  const security = event({
    provider: 'Microsoft-Windows-Security-Auditing',
    channel: 'Security',
    eventId: 4688,
  });
  assert.ok(fieldsRead(security).includes('NewProcessName'));
  const logon = event({
    provider: 'Microsoft-Windows-Security-Auditing',
    channel: 'Security',
    eventId: 4624,
  });
  assert.deepEqual(fieldsRead(logon), []);
});

/** A whole record as a FieldSourceRecord that gives only the fields asked for. */
function byFields(record: EventRecord, asked: FieldNames[]): FieldSourceRecord {
  const { data, ...facts } = record;
  return {
    ...facts,
    withFields(names) {
      asked.push(names);
      const some: Record<string, FieldValue> = {};
      for (const name of names) if (Object.hasOwn(data, name)) some[name] = data[name]!;
      return { ...facts, data: some };
    },
    dataValues: () => Object.values(data).flat(),
  };
}

test('HuntEngine asks a FieldSourceRecord for its fields and reports as on whole records', () => {
  const records = [
    start(0, RUNDLL32, '{00000000-0000-0000-0000-000000000001}', 'C:\\Windows\\explorer.exe'),
    dns(100, RUNDLL32, 'cdn.evil.example', '::ffff:198.51.100.20;'),
    connect({ at: 500, image: RUNDLL32, destinationIp: '198.51.100.20', destinationPort: 443 }),
    connect({ at: 90_500, image: RUNDLL32, destinationIp: '198.51.100.20', destinationPort: 443 }),
  ];
  const whole = new HuntEngine({ knowledge: defaultKnowledge() });
  const lazy = new HuntEngine({ knowledge: defaultKnowledge() });
  const asked: FieldNames[] = [];
  for (const record of records) {
    whole.add(record);
    lazy.add(byFields(record, asked));
  }
  assert.deepEqual(lazy.report(), whole.report());
  assert.equal(lazy.report().findings.length, 1);
  assert.deepEqual(asked, records.map(fieldsRead));
});
