import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ecsDocument, ecsLine } from '../../src/export/ecs.js';
import { HOSTILE } from './hostile-record.js';

test('ecsDocument maps a Sysmon network event to ECS, keeping only values ECS can hold', () => {
  const doc = ecsDocument(HOSTILE, 'a.evtx');

  assert.equal(doc.get('@timestamp'), '2024-05-01T10:00:00.1234567Z');
  assert.equal(doc.get('event.code'), '3');
  assert.equal(doc.get('winlog.record_id'), '18446744073709551615');
  assert.equal(doc.get('process.executable'), 'C:\\evil\x1b]0;pwned\x07.exe');
  assert.equal(doc.get('process.name'), 'evil\x1b]0;pwned\x07.exe');
  assert.equal(doc.get('destination.port'), 443);
  assert.equal(doc.get('source.ip'), 'fe80::1');
  assert.equal(doc.get('network.transport'), 'tcp');
  assert.equal(doc.get('network.direction'), 'egress');
  assert.equal(doc.get('user.domain'), 'CORP');
  assert.equal(doc.get('user.name'), 'alice');
  assert.deepEqual(doc.get('file.hash'), { sha256: 'AB12' });
});

test('ecsDocument leaves out a pid, port or address that is not one', () => {
  const doc = ecsDocument(HOSTILE, 'a.evtx');

  assert.equal(doc.get('process.pid'), undefined);
  assert.equal(doc.get('source.port'), undefined);
  assert.equal(doc.get('destination.ip'), undefined);
  assert.equal(doc.get('winlog.event_data.DestinationIp'), '10.0.0.1; DROP');
});

test('ecsDocument reads no Sysmon fields from another provider and tags a recovered record', () => {
  const record = { ...HOSTILE, provider: 'Microsoft-Windows-Security-Auditing', recovered: true };
  const doc = ecsDocument(record as typeof HOSTILE, 'a.evtx');

  assert.equal(doc.get('process'), undefined);
  assert.deepEqual(doc.get('tags'), ['evtxhunt-recovered']);
});

test('ecsLine escapes every control character', () => {
  const line = ecsLine(HOSTILE, 'a.evtx');

  assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f]/);
  assert.ok(line.startsWith('{"@timestamp":"2024-05-01T10:00:00.1234567Z","ecs":{"version":'));
});

test('ecsDocument leaves out event.created when the record header time is zero', () => {
  const zero = { ...HOSTILE, writtenTime: '1601-01-01T00:00:00.0000000Z' };

  assert.equal(ecsDocument(HOSTILE, 'a.evtx').get('event.created'), '2024-05-01T10:00:01.0000000Z');
  assert.equal(ecsDocument(zero, 'a.evtx').get('event.created'), undefined);
});
