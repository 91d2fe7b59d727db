/**
 * Records of every JSON shape, checked on real exports (fixtures, or the shared samples when
 * they are at hand; their origins are in test/fixtures/README.md and the samples' SOURCES.md).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import test from 'node:test';

import type { ImportedRecord } from '../../src/types.js';
import { recordXml } from '../../src/xml/render.js';
import { FIXTURES, readAll } from '../helpers.js';

const SHARED =
  process.env['EVTXHUNT_SHARED'] ?? new URL('../../../../../../shared', import.meta.url).pathname;
const SAMPLES = `${SHARED}/samples`;
const SKIP_SHARED = existsSync(SAMPLES) ? false : `no shared samples at ${SAMPLES}`;

const read = (path: string) => readAll(new Uint8Array(readFileSync(path)));

test('Winlogbeat 7 ECS: winlog.* fields; Sysmon fields ECS moved out come back from the message', async () => {
  const { records } = await read(FIXTURES + 'winlogbeat_sysmon_sample.json');
  const [file] = records;
  assert.equal(records.length, 2);
  assert.equal(file?.eventId, 11);
  assert.equal(file?.recordId, '633889');
  assert.equal(file?.channel, 'Microsoft-Windows-Sysmon/Operational');
  assert.equal(file?.timeCreated, '2024-02-13T06:56:24.2230000Z');
  assert.equal(file?.processId, 3384);
  assert.equal(file?.data['Image'], 'C:\\Windows\\System32\\svchost.exe');
  assert.equal(
    file?.data['TargetFilename'],
    'C:\\Windows\\ServiceState\\EventLog\\Data\\lastalive1.dat',
  );
  assert.deepEqual(Object.keys(file?.data ?? {}), [
    'RuleName',
    'UtcTime',
    'ProcessGuid',
    'ProcessId',
    'Image',
    'TargetFilename',
    'CreationUtcTime',
    'User',
  ]);
});

test('Winlogbeat 7 ECS: Level, Task and Opcode names kept as rendered names and in the XML', async () => {
  const { records } = await read(FIXTURES + 'winlogbeat_sysmon_sample.json');

  assert.deepEqual(records[0]?.rendered, {
    level: 'information',
    task: 'File created (rule: FileCreate)',
    opcode: 'Info',
  });
  assert.equal(records[0]?.level, undefined);
  assert.ok(
    recordXml(records[1] as ImportedRecord).endsWith(
      '</EventData><RenderingInfo><Level>information</Level>' +
        '<Task>Registry value set (rule: RegistryEvent)</Task><Opcode>Info</Opcode>' +
        '</RenderingInfo></Event>',
    ),
  );
});

test('Winlogbeat 6: rendered names at the top level, keywords as a list', async () => {
  const line = JSON.stringify({
    log_name: 'Security',
    event_id: 4624,
    record_number: '7',
    source_name: 'Microsoft-Windows-Security-Auditing',
    '@timestamp': '2019-01-01T00:00:00.000Z',
    level: 'Information',
    task: 'Logon',
    opcode: 'Info',
    keywords: ['Audit Success'],
    event_data: { TargetUserName: 'alice' },
  });
  const { records } = await readAll(line + '\n');

  assert.deepEqual(records[0]?.rendered, {
    level: 'Information',
    task: 'Logon',
    opcode: 'Info',
    keywords: ['Audit Success'],
  });
  assert.match(
    recordXml(records[0] as ImportedRecord),
    /<Keywords><Keyword>Audit Success<\/Keyword><\/Keywords><\/RenderingInfo><\/Event>$/,
  );
});

test('Chainsaw JSONL and JSON array (separate attributes) give the same records', async () => {
  const lines = await read(FIXTURES + 'chainsaw_search.jsonl');
  const array = await read(FIXTURES + 'chainsaw_search_array.json');
  assert.deepEqual(lines.records, array.records);
  const [logon] = lines.records;
  assert.equal(logon?.eventId, 4624);
  assert.equal(logon?.provider, 'Microsoft-Windows-Security-Auditing');
  assert.equal(logon?.providerGuid, '{54849625-5478-4994-a5ba-3e3b0328c30d}');
  assert.equal(logon?.timeCreated, '2022-10-11T19:26:52.1540800Z');
  assert.equal(logon?.processId, 688);
  assert.equal(logon?.data['LogonType'], '5');
  assert.equal(logon?.data['LogonGuid'], '{00000000-0000-0000-0000-000000000000}');
});

test(
  'NXLog flat JSON: local EventTime moved to UTC; Sysmon ProcessId back from the message',
  { skip: SKIP_SHARED },
  async () => {
    const { records, diagnostics } = await read(
      `${SAMPLES}/json/empire_monologue_netntlm_downgrade_2019-12-25045202.json`,
    );
    assert.equal(records.length, 1635);
    assert.deepEqual(diagnostics, []);
    const connections = records.filter(
      (record) => record.eventId === 3 && record.provider === 'Microsoft-Windows-Sysmon',
    );
    assert.equal(connections.length, 68);
    assert.ok(connections.every((record) => typeof record.data['ProcessId'] === 'string'));

    const [first] = records;
    assert.equal(first?.recordId, '173324');
    // EventTime 2019-12-24 23:52:00 local; EventReceivedTime 23:52:02 beside @timestamp 04:52:02.806Z.
    assert.equal(first?.timeCreated, '2019-12-25T04:52:00.0000000Z');
    assert.equal(first?.keywords, '0x8000000000000000');
  },
);

test(
  'Winlogbeat 6 JSON: log_name, event_id, event_data; fields in the event order',
  { skip: SKIP_SHARED },
  async () => {
    const { records } = await read(`${SAMPLES}/json/empire_enable_rdp_2019-05-18203650.json`);
    assert.equal(records.length, 2668);
    const [first] = records;
    assert.equal(first?.recordId, '5402080');
    assert.equal(first?.eventId, 3);
    assert.equal(first?.computer, 'HFDC01.shire.com');
    assert.deepEqual(Object.keys(first?.data ?? {}).slice(0, 4), [
      'RuleName',
      'UtcTime',
      'ProcessGuid',
      'ProcessId',
    ]);
    assert.equal(first?.data['DestinationPort'], '5985');
  },
);

test(
  'Sentinel WindowsEvent: EventData parsed a second time; UtcTime back in Sysmon form',
  { skip: SKIP_SHARED },
  async () => {
    const path = `${SAMPLES}/other-formats/sentinel-log-analytics-json/sysmon_log4shell_cve2021_44228_java_serialized_object_2022-05-13045800.json`;
    const { records } = await read(path);
    assert.equal(records.length, 487);
    assert.equal(records.filter((record) => record.eventId === 3).length, 5);
    const [first] = records;
    assert.equal(first?.data['UtcTime'], '2022-05-13 08:54:05.123');
    assert.equal(first?.data['DestinationPort'], '8080');
    assert.equal(first?.timeCreated, '2022-05-13T08:54:06.3470000Z');
  },
);

test('Velociraptor parse_evtx rows: EventID.Value, epoch SystemTime, Keywords above 2^53 exact', async () => {
  const row = readFileSync(FIXTURES + 'velociraptor-sysmon-1.json', 'utf8');
  const { records } = await readAll(row);
  const [event] = records;
  assert.equal(event?.eventId, 1);
  assert.equal(event?.timeCreated, '2020-05-24T01:13:54.1201713Z');
  assert.equal(event?.keywords, '0x8000000000000000');
  assert.equal(event?.channel, 'Microsoft-Windows-Sysmon/Operational');
  assert.equal(event?.data['Image'], 'C:\\Windows\\System32\\whoami.exe');
  assert.equal(event?.data['ProcessGuid'], '{747f3d96-ca52-5ec9-0000-001027fa3700}');
  assert.equal(event?.data['Message'], undefined);
  assert.equal(event?.data['match'], undefined);
});

test('evtxhunt dump lines keep the record header id, written time and issues when read back', async () => {
  const line = JSON.stringify({
    file: 'a.evtx',
    recordId: '16792',
    headerRecordId: '12',
    timeCreated: '2019-05-12T18:35:05.1559493Z',
    writtenTime: '2019-05-12T18:35:05.7809493Z',
    eventId: 3,
    provider: 'Microsoft-Windows-Sysmon',
    channel: 'Microsoft-Windows-Sysmon/Operational',
    computer: 'IEWIN7',
    data: { Image: 'C:\\x.exe' },
    issues: ['unpaired UTF-16 surrogate replaced by U+FFFD (1x)'],
  });
  const [record] = (await readAll(line + '\n')).records;

  assert.equal(record?.headerRecordId, '12');
  assert.equal(record?.writtenTime, '2019-05-12T18:35:05.7809493Z');
  assert.deepEqual(record?.issues, ['unpaired UTF-16 surrogate replaced by U+FFFD (1x)']);
});

test('Timesketch lines of evtxhunt are read back: data fields beside System, renamed ones restored', async () => {
  const line = JSON.stringify({
    message: '[3] Microsoft-Windows-Sysmon: Image=C:\\x.exe',
    datetime: '2017-10-23T06:58:16.4022973Z',
    timestamp: 1508741896402297,
    timestamp_desc: 'Event Recorded',
    file: 'a.evtx',
    recordId: '513',
    timeCreated: '2017-10-23T06:58:16.4022973Z',
    eventId: 3,
    level: 4,
    provider: 'Microsoft-Windows-Sysmon',
    channel: 'Microsoft-Windows-Sysmon/Operational',
    computer: 'DESKTOP-DF4ULDE',
    Image: 'C:\\x.exe',
    data_message: 'm',
    data_data_message: 'd',
    DestinationPort: '67',
  });
  const [record] = (await readAll(line + '\n')).records;

  assert.equal(record?.recordId, '513');
  assert.equal(record?.level, 4);
  assert.equal(record?.timeCreated, '2017-10-23T06:58:16.4022973Z');
  assert.deepEqual(record?.data, {
    Image: 'C:\\x.exe',
    message: 'm',
    data_message: 'd',
    DestinationPort: '67',
  });
});
