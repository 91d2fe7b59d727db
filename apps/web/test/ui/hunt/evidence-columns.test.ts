import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { Finding } from '@evtxhunt/hunt';

import { EventStore } from '../../../src/store/event-store.js';
import { evidenceColumns } from '../../../src/ui/hunt/evidence-columns.js';
import { row } from '../../support/rows.js';

const FINDING: Finding = {
  kind: 'lateral-movement',
  severity: 'high',
  computer: 'DC1',
  firstSeen: '2024-05-01T10:00:00.1234567Z',
  lastSeen: '2024-05-01T10:00:00.1234567Z',
  count: 2,
  evidence: [],
  why: 'failed logons over the network',
};

function storeOf(...rows: Parameters<typeof row>[0][]): EventStore {
  const store = new EventStore();
  const security = {
    eventId: 4625,
    channel: 'Security',
    provider: 'Microsoft-Windows-Security-Auditing',
  };
  store.append(
    store.addFile('a.evtx'),
    rows.map((fields, at) =>
      row(fields, { ...security, recordId: String(at + 1), offset: 0x1200 + at * 0x100 }),
    ),
  );
  return store;
}

test('evidenceColumns shows the logon fields of 4625 events, no empty CommandLine, the file last', () => {
  const store = storeOf(
    { TargetUserName: 'admin', IpAddress: '198.51.100.7', LogonType: '3' },
    { TargetUserName: 'root', IpAddress: '198.51.100.7', LogonType: '3', WorkstationName: '' },
  );

  assert.deepEqual(evidenceColumns(store, FINDING, [0, 1]), [
    'timeCreated',
    'recordId',
    'eventId',
    'TargetUserName',
    'IpAddress',
    'LogonType',
    'file',
  ]);
});

test('evidenceColumns puts a Sigma rule matched fields first, when the events hold them', () => {
  const store = storeOf({ CommandLine: 'x.exe /y', ParentImage: 'C:\\p.exe', Image: 'C:\\x.exe' });
  const sigma = {
    id: 'r1',
    title: 'Rule',
    level: 'high',
    file: 'r.yml',
    tags: [],
    techniques: [],
    fields: { ParentImage: 'C:\\p.exe', Missing: 'x' },
  };

  assert.deepEqual(evidenceColumns(store, { ...FINDING, kind: 'sigma', sigma }, [0]), [
    'timeCreated',
    'recordId',
    'eventId',
    'ParentImage',
    'Image',
    'CommandLine',
    'file',
  ]);
});
