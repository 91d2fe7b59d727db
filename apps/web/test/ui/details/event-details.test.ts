import { test } from 'node:test';
import assert from 'node:assert/strict';

import { EventStore } from '../../../src/store/event-store.js';
import { eventDetails } from '../../../src/ui/details/event-details.js';
import { ISSUE43 } from '../../support/paths.js';
import { parseFile } from '../../support/parse.js';
import { row } from '../../support/rows.js';

async function issue43Store(): Promise<EventStore> {
  const store = new EventStore();
  const file = store.addFile('sysmon-issue43.evtx');
  store.append(file, (await parseFile(ISSUE43)).rows);
  return store;
}

function storeOf(...rows: Parameters<typeof row>[]): EventStore {
  const store = new EventStore();
  const file = store.addFile('a.evtx');
  store.append(
    file,
    rows.map((args) => row(...args)),
  );
  return store;
}

test('eventDetails lists the System fields with their labels, values and meanings', async () => {
  const details = eventDetails(await issue43Store(), 2);

  assert.deepEqual(
    details.system.map((field) => [field.label, field.value]),
    [
      ['Time (UTC)', '2017-09-03T12:53:24.9839177Z'],
      ['Source', 'sysmon-issue43.evtx'],
      ['Record ID', '3'],
      ['Event ID', '1'],
      ['Level', 'Information'],
      ['Provider', 'Microsoft-Windows-Sysmon'],
      ['Channel', 'Microsoft-Windows-Sysmon/Operational'],
      ['Computer', 'DESKTOP-DF4ULDE'],
      ['System.Keywords', '0x8000000000000000'],
      ['System.Task', '1'],
      ['System.Opcode', '0'],
      ['System.Version', '5'],
      ['System.UserID', 'S-1-5-18'],
      ['System.ProcessID', '4212'],
      ['System.ThreadID', '5780'],
      ['System.ProviderGuid', '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'],
    ],
  );
  assert.match(
    details.system.find((field) => field.key === 'System.ProcessID')?.meaning ?? '',
    /^Process ID of the program that wrote the event/,
  );
  assert.match(details.system[0]?.meaning ?? '', /^When Windows wrote the event/);
  assert.match(
    details.system.find((field) => field.key === 'level')?.meaning ?? '',
    /^Severity the provider gave the event: 1 Critical/,
  );
});

test('eventDetails explains a Sysmon process creation and offers its ProcessGuid', async () => {
  const details = eventDetails(await issue43Store(), 2);

  assert.equal(details.doc?.title, 'Process created');
  assert.equal(details.processGuid, '{0b8f529f-fb44-59ab-0000-0010f68bf200}');
  assert.equal(details.data.length, 16);
  const image = details.data.find((field) => field.key === 'Image');
  assert.equal(image?.value, 'C:\\Windows\\Sysmon.exe');
  assert.equal(image?.meaning, 'Full path of the program the process was started from.');
});

test('eventDetails gives DestinationIp its meaning in a Sysmon network connection', async () => {
  const store = await issue43Store();
  const rowOf3 = Array.from({ length: store.rowCount }, (_, i) => i).find(
    (i) => store.cell(i, 'eventId') === '3',
  );
  assert.notEqual(rowOf3, undefined);

  const details = eventDetails(store, rowOf3 ?? -1);
  assert.equal(details.doc?.title, 'Network connection');
  const ip = details.data.find((field) => field.key === 'DestinationIp');
  assert.equal(ip?.meaning, 'Address of the end that was connected to.');
});

test('eventDetails joins several values of one field with line breaks', () => {
  const store = storeOf([{ Payload: ['first', 'second'] }, { eventId: 99 }]);
  assert.deepEqual(eventDetails(store, 0).data, [
    { key: 'Payload', label: 'Payload', value: 'first\nsecond', meaning: undefined },
  ]);
});

test('eventDetails offers no ProcessGuid outside Sysmon, nor an empty one', () => {
  const store = storeOf(
    [{ ProcessGuid: '{1}' }, { provider: 'Some-Other-Provider', eventId: 1 }],
    [{ ProcessGuid: '  ' }, { eventId: 1 }],
  );

  assert.equal(eventDetails(store, 0).processGuid, undefined);
  assert.equal(eventDetails(store, 0).doc, undefined);
  assert.equal(eventDetails(store, 1).processGuid, undefined);
});

test('eventDetails names the row it cannot find', () => {
  assert.throws(() => eventDetails(storeOf([{}]), 5), /row 5 is not in the store \(0-0\)/);
});
