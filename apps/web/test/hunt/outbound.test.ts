import { test } from 'node:test';
import assert from 'node:assert/strict';

import { pivot } from '@evtxhunt/hunt';

import { OutboundPivot, isInitiatedConnection, queriedNamesOf } from '../../src/hunt/outbound.js';
import { EventStore } from '../../src/store/event-store.js';
import { ISSUE43, SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';
import { row } from '../support/rows.js';
import { allRows, storeOfFiles } from '../support/store.js';

test('OutboundPivot groups the bundled sample exactly as `evtxhunt pivot` does', async () => {
  const store = await storeOfFiles(ISSUE43);
  const outbound = new OutboundPivot(store);
  for (const at of allRows(store)) outbound.add(at);
  const cli = pivot(allRows(store).map((at) => store.record(at)));

  const mine = outbound.result();
  assert.equal(outbound.connections, cli.selected);
  assert.deepEqual(
    mine.map((g) => [
      [g.image, g.destinationIp],
      g.count,
      g.ports,
      g.hostnames,
      g.firstSeen,
      g.lastSeen,
    ]),
    cli.rows.map((r) => [r.key, r.count, r.ports, r.hostnames, r.firstSeen, r.lastSeen]),
  );
  assert.deepEqual(
    mine.slice(0, 2).map((g) => [g.count, g.destinationIp, g.ipClass]),
    [
      [11, '220.202.77.124', 'public'],
      [11, '61.163.111.70', 'public'],
    ],
  );
  assert.equal(mine.find((g) => g.destinationIp === '127.0.0.1')?.ipClass, 'loopback');
  assert.equal(mine[0]?.rows.length, 11);
  assert.ok(mine[0]?.rows.every((at) => store.cell(at, 'DestinationIp') === '220.202.77.124'));
});

test('isInitiatedConnection takes Sysmon 3 with Initiated true (any case) and nothing else', () => {
  const store = new EventStore();
  store.append(store.addFile('a.evtx'), [
    row({ Initiated: 'true' }),
    row({ Initiated: 'True' }),
    row({ Initiated: 'false' }),
    row({}),
    row({ Initiated: 'true' }, { eventId: 22 }),
    row({ Initiated: 'true' }, { provider: 'Other' }),
  ]);

  assert.deepEqual(
    allRows(store).map((at) => isInitiatedConnection(store, at)),
    [true, true, false, false, false, false],
  );
});

test('OutboundPivot keeps a value-less Image or address as an empty key, and flags non-addresses', () => {
  const store = new EventStore();
  store.append(store.addFile('a.evtx'), [
    row({ Initiated: 'true', DestinationIp: 'not-an-ip' }),
    row({ Initiated: 'true', Image: 'C:\\a.exe' }),
  ]);
  const outbound = new OutboundPivot(store);
  for (const at of allRows(store)) outbound.add(at);

  assert.deepEqual(
    outbound.result().map((g) => [g.image, g.destinationIp, g.ipClass, g.firstSeen]),
    [
      ['', 'not-an-ip', undefined, '2024-05-01T10:00:00.1234567Z'],
      ['C:\\a.exe', '', undefined, '2024-05-01T10:00:00.1234567Z'],
    ],
  );
});

test('queriedNamesOf finds the engine pivot names by computer, image in any case, canonical ip', () => {
  const names = queriedNamesOf([
    {
      computer: 'PC',
      image: 'C:\\Windows\\PowerShell.exe',
      destinationIp: '::1',
      ipClass: 'loopback',
      count: 1,
      ports: [80],
      hostnames: [],
      queriedNames: ['b.example', 'a.example'],
      firstSeen: '',
      lastSeen: '',
    },
  ]);
  const group = {
    image: 'c:\\windows\\powershell.exe',
    destinationIp: '0:0:0:0:0:0:0:1',
    ipClass: undefined,
    count: 1,
    ports: [],
    hostnames: [],
    computers: ['PC', 'OTHER'],
    firstSeen: undefined,
    lastSeen: undefined,
    rows: new Uint32Array(),
  };

  assert.deepEqual(names(group), ['a.example', 'b.example']);
  assert.deepEqual(names({ ...group, computers: ['OTHER'] }), []);
});

test(
  'OutboundPivot on sytemmoon: the powershell group to msmoon.net',
  { skip: SKIP_SHARED },
  async () => {
    const store = await storeOfFiles(`${SHARED_EVTX}/sytemmoon-ctf/sysmon.evtx`);
    const outbound = new OutboundPivot(store);
    for (const at of allRows(store)) outbound.add(at);

    const group = outbound.result().find((g) => g.destinationIp === '192.168.230.130');
    assert.equal(group?.image, 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    assert.equal(group?.count, 7);
    assert.equal(group?.ipClass, 'private');
    assert.deepEqual(group?.ports, ['80']);
  },
);
