/**
 * `dump --format csv|timesketch|ecs` on the bundled Sysmon sample (python-evtx's issue_43.evtx):
 * the whole line of record 513, its first network connection (Event ID 3), in each format, the
 * line counts, and the same bytes on one thread and on two. `@FILE@` stands for the sample's
 * path as given on the command line.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { hostileSysmonLog } from '@evtxhunt/generate';

import {
  ISSUE43,
  SHARED,
  SHARED_ROOT,
  SKIP_SHARED,
  runEvtxhunt,
  runEvtxhuntWith,
} from './run-cli.js';

const CSV_513 =
  '@FILE@,513,2017-10-23T06:58:16.4022973Z,3,Microsoft-Windows-Sysmon,Microsoft-Windows-Sysmon/Operational,DESKTOP-DF4ULDE,4,3,0,0x8000000000000000,5,,1412,6228,S-1-5-18,{5770385f-c22a-43e0-bf4c-06f5698ffbd9},,,,513,2017-10-23T06:58:17.4506019Z,,,"{""UtcTime"":""2017-10-23 06:58:15.154"",""ProcessGuid"":""{0b8f529f-960b-59ab-0000-0010850b0100}"",""ProcessId"":""904"",""Image"":""C:\\\\Windows\\\\System32\\\\svchost.exe"",""User"":""NT AUTHORITY\\\\LOCAL SERVICE"",""Protocol"":""udp"",""Initiated"":""true"",""SourceIsIpv6"":""false"",""SourceIp"":""192.168.62.128"",""SourceHostname"":"""",""SourcePort"":""68"",""SourcePortName"":"""",""DestinationIsIpv6"":""false"",""DestinationIp"":""192.168.62.254"",""DestinationHostname"":"""",""DestinationPort"":""67"",""DestinationPortName"":""""}"\r';

const TIMESKETCH_513 =
  '{"message":"[3] Microsoft-Windows-Sysmon: Image=C:\\\\Windows\\\\System32\\\\svchost.exe DestinationIp=192.168.62.254 DestinationPort=67","datetime":"2017-10-23T06:58:16.4022973Z","timestamp":1508741896402297,"timestamp_desc":"Event Recorded","file":"@FILE@","recordId":"513","timeCreated":"2017-10-23T06:58:16.4022973Z","eventId":3,"version":5,"level":4,"task":3,"opcode":0,"keywords":"0x8000000000000000","provider":"Microsoft-Windows-Sysmon","providerGuid":"{5770385f-c22a-43e0-bf4c-06f5698ffbd9}","channel":"Microsoft-Windows-Sysmon/Operational","computer":"DESKTOP-DF4ULDE","processId":1412,"threadId":6228,"userId":"S-1-5-18","UtcTime":"2017-10-23 06:58:15.154","ProcessGuid":"{0b8f529f-960b-59ab-0000-0010850b0100}","ProcessId":"904","Image":"C:\\\\Windows\\\\System32\\\\svchost.exe","User":"NT AUTHORITY\\\\LOCAL SERVICE","Protocol":"udp","Initiated":"true","SourceIsIpv6":"false","SourceIp":"192.168.62.128","SourceHostname":"","SourcePort":"68","SourcePortName":"","DestinationIsIpv6":"false","DestinationIp":"192.168.62.254","DestinationHostname":"","DestinationPort":"67","DestinationPortName":""}';

const ECS_513 =
  '{"@timestamp":"2017-10-23T06:58:16.4022973Z","ecs":{"version":"8.11.0"},"event":{"kind":"event","code":"3","provider":"Microsoft-Windows-Sysmon"},"host":{"name":"DESKTOP-DF4ULDE"},"log":{"file":{"path":"@FILE@"},"level":"information"},"winlog":{"channel":"Microsoft-Windows-Sysmon/Operational","provider_name":"Microsoft-Windows-Sysmon","provider_guid":"{5770385f-c22a-43e0-bf4c-06f5698ffbd9}","computer_name":"DESKTOP-DF4ULDE","record_id":"513","event_id":"3","version":5,"process":{"pid":1412,"thread":{"id":6228}},"user":{"identifier":"S-1-5-18"},"event_data":{"UtcTime":"2017-10-23 06:58:15.154","ProcessGuid":"{0b8f529f-960b-59ab-0000-0010850b0100}","ProcessId":"904","Image":"C:\\\\Windows\\\\System32\\\\svchost.exe","User":"NT AUTHORITY\\\\LOCAL SERVICE","Protocol":"udp","Initiated":"true","SourceIsIpv6":"false","SourceIp":"192.168.62.128","SourceHostname":"","SourcePort":"68","SourcePortName":"","DestinationIsIpv6":"false","DestinationIp":"192.168.62.254","DestinationHostname":"","DestinationPort":"67","DestinationPortName":""}},"process":{"executable":"C:\\\\Windows\\\\System32\\\\svchost.exe","entity_id":"{0b8f529f-960b-59ab-0000-0010850b0100}","pid":904,"name":"svchost.exe"},"source":{"port":68,"ip":"192.168.62.128"},"destination":{"port":67,"ip":"192.168.62.254"},"network":{"transport":"udp","direction":"egress"},"user":{"domain":"NT AUTHORITY","name":"LOCAL SERVICE"}}';

/** The golden line with the sample's path in, JSON-escaped for the JSON formats. */
function golden(line: string, json: boolean): string {
  const path = json ? JSON.stringify(ISSUE43).slice(1, -1) : ISSUE43;
  return line.replaceAll('@FILE@', path);
}

/** The lines of `dump --format FORMAT` on the sample, the last (empty) one dropped. */
async function dumpLines(format: string, ...more: string[]): Promise<string[]> {
  const run = await runEvtxhunt('dump', '--format', format, ...more, ISSUE43);
  assert.equal(run.status, 0, run.stderr);
  assert.ok(run.stdout.endsWith('\n'));
  return run.stdout.slice(0, -1).split('\n');
}

test('dump --format csv writes the note, the header and one CRLF line per record', async () => {
  const lines = await dumpLines('csv');

  assert.equal(lines.length, 2 + 1730);
  assert.match(lines[0] ?? '', /^"# Formula neutralisation: /);
  assert.ok(lines[1]?.startsWith('file,recordId,TimeCreated (UTC),eventId,provider,channel,'));
  assert.equal(
    lines.find((line) => line.includes(',513,2017-10-23T06:58:16')),
    golden(CSV_513, false),
  );
  assert.ok(lines.every((line) => line.endsWith('\r')));
});

test('dump --format timesketch writes message, datetime and timestamp_desc first', async () => {
  const lines = await dumpLines('timesketch', '--query', 'EventID:3');

  assert.equal(lines.length, 153);
  assert.equal(lines[0], golden(TIMESKETCH_513, true));
});

test('dump --format ecs maps Sysmon network and process events to ECS', async () => {
  const network = await dumpLines('ecs', '--query', 'EventID:3');
  const created = await dumpLines('ecs', '--query', 'EventID:1');
  const first = JSON.parse(created[1] ?? '') as {
    process: { pid: number; parent: { pid: number; name: string }; hash: { sha1: string } };
    user: { domain: string; name: string };
  };

  assert.equal(network.length, 153);
  assert.equal(network[0], golden(ECS_513, true));
  assert.equal(created.length, 356);
  assert.equal(first.process.pid, 3692);
  assert.equal(first.process.parent.pid, 7096);
  assert.equal(first.process.parent.name, 'powershell.exe');
  assert.equal(first.process.hash.sha1, '849B8DFAF9159AFDC14D514B2243D4D5BA2FF9A4');
  assert.deepEqual(first.user, { domain: 'DESKTOP-DF4ULDE', name: 'MNWPRO' });
});

test('dump --format csv, timesketch and ecs are the same bytes on one thread and on two', async () => {
  const pooled = { EVTXHUNT_POOL_MIN_SLOTS: '0' };
  for (const format of ['csv', 'timesketch', 'ecs']) {
    const one = await runEvtxhuntWith(pooled, 'dump', '--format', format, ISSUE43);
    const two = await runEvtxhuntWith(
      pooled,
      'dump',
      '--format',
      format,
      '--threads',
      '2',
      ISSUE43,
    );
    assert.equal(two.status, 0, format);
    assert.ok(two.stdout === one.stdout, `${format}: stdout differs`);
    assert.equal(two.stderr, one.stderr, format);
  }
});

/** OTRF's covenant_sharpwmi data set: NXLog JSON of a lab's Security and Sysmon logs. */
const SHARPWMI = `${SHARED_ROOT}/samples/json/covenant_sharpwmi_create_dcerpc_wmi_2020-08-06035621.json`;

test(
  'dump --format ecs gives a Security logon (4624) of a JSON export its ECS user and source',
  { skip: existsSync(SHARPWMI) ? false : `${SHARPWMI} not found` },
  async () => {
    const run = await runEvtxhunt('dump', '--format', 'ecs', '--query', 'EventID:4624', SHARPWMI);
    const first = JSON.parse(run.stdout.split('\n')[0] ?? '') as Record<string, unknown>;

    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.split('\n').length - 1, 14);
    assert.deepEqual(first['event'], {
      kind: 'event',
      code: '4624',
      provider: 'Microsoft-Windows-Security-Auditing',
      outcome: 'success',
      category: ['authentication'],
      type: ['start'],
      action: 'logged-in',
    });
    assert.deepEqual(first['user'], {
      name: 'WORKSTATION6$',
      domain: 'THESHIRE.LOCAL',
      id: 'S-1-5-21-1363495622-3806888128-621328882-1113',
    });
    assert.deepEqual(first['source'], { ip: '172.18.39.6', port: 52543 });
    assert.deepEqual((first['winlog'] as Record<string, unknown>)['logon'], {
      type: 'Network',
      id: '0xca4629',
    });
  },
);

/** hunt --format ecs on evtx-attack-samples' regsvr32 scriptlet log (see hunt-samples.test.ts). */
const HUNT_REGSVR32 =
  '{"@timestamp":"2019-05-12T18:35:04.4630000Z","ecs":{"version":"8.11.0"},"message":"regsvr32.exe (proxy-execution, downloader) connected out to public address 104.20.208.21:80 once.","event":{"kind":"alert","provider":"evtxhunt","severity":3,"start":"2019-05-12T18:35:04.4630000Z","end":"2019-05-12T18:35:04.4630000Z","reason":"regsvr32.exe (proxy-execution, downloader) connected out to public address 104.20.208.21:80 once."},"rule":{"name":"lolbin-outbound"},"labels":{"severity":"high"},"host":{"name":"IEWIN7"},"process":{"executable":"C:\\\\Windows\\\\System32\\\\regsvr32.exe","name":"regsvr32.exe","entity_id":"{365abb72-6759-5cd8-0000-0010e2d50f00}"},"destination":{"ip":"104.20.208.21","port":80},"threat":{"framework":"MITRE ATT&CK","technique":{"id":["T1218.010"]}},"evtxhunt":{"count":1,"evidence":[{"file":"@FILE@","record_id":"16794","event_id":"3","time":"2019-05-12T18:35:04.4630000Z"}]}}';

test(
  "hunt --format ecs writes the finding as an alert whose evidence is the dump's record",
  { skip: SKIP_SHARED },
  async () => {
    const file = `${SHARED}/evtx-attack-samples/exec_sysmon_lobin_regsvr32_sct.evtx`;
    const hunt = await runEvtxhunt('hunt', '--format', 'ecs', file);
    const events = await runEvtxhunt('dump', '--format', 'ecs', '--query', 'EventID:3', file);
    const event = JSON.parse(events.stdout) as { winlog: { record_id: string } };

    assert.equal(hunt.status, 0, hunt.stderr);
    assert.equal(
      hunt.stdout,
      HUNT_REGSVR32.replaceAll('@FILE@', JSON.stringify(file).slice(1, -1)) + '\n',
    );
    assert.equal(event.winlog.record_id, '16794');
  },
);

/** C0 but line feed, DEL, C1, bidi marks and overrides, separators, BOM, U+FFF9-U+FFFF. */
const RAW_CONTROL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]/u;

test('the exports of the hostile log, under a hostile name, carry no raw control', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-exports-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const log = join(dir, 'log\x1b]0;title\x07\u202eexe.evtx');
  await writeFile(log, hostileSysmonLog('http://127.0.0.2:9'));

  const runs = [
    await runEvtxhunt('dump', '--format', 'csv', log),
    await runEvtxhunt('dump', '--format', 'timesketch', log),
    await runEvtxhunt('dump', '--format', 'ecs', log),
    await runEvtxhunt('hunt', '--format', 'ecs', log),
  ];
  const lineCounts = runs.map((run) => run.stdout.split('\n').length - 1);

  assert.deepEqual(lineCounts, [2 + 7, 7, 7, 3]);
  for (const run of runs) {
    assert.equal(run.status, 0, run.stderr);
    // A CSV line ends in CR LF, which a terminal only takes as the end of the line.
    assert.equal(RAW_CONTROL.exec(run.stdout.replaceAll('\r\n', '\n')), null);
  }
  assert.ok(runs[0]?.stdout.includes(",WKS-'><svg onload="));
  assert.ok(
    runs[0]?.stdout.includes('\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202etxt.exe\\x7f\\r,4,'),
  );
});
