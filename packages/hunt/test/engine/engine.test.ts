import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseAllowlist } from '../../src/allowlist/allowlist.js';
import { HuntEngine } from '../../src/engine/engine.js';
import { defaultKnowledge } from '../../src/knowledge/default.js';
import type { EventRecord } from '../../src/record.js';
import type { HuntReport } from '../../src/findings/report.js';
import { event } from '../synthetic.js';
import { connect, dns, iso, series, start } from './scenario.js';

const RUNDLL32 = 'C:\\Windows\\System32\\rundll32.exe';
const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
const CHROME = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
const SVCHOST = 'C:\\Windows\\System32\\svchost.exe';
const TEMP_EXE = 'C:\\Users\\alice\\AppData\\Local\\Temp\\update.exe';

function hunt(records: readonly EventRecord[], allow?: string): HuntReport {
  const engine = new HuntEngine({
    knowledge: defaultKnowledge(),
    ...(allow === undefined ? {} : { allowlist: parseAllowlist(allow) }),
  });
  for (const record of records) engine.add(record);
  return engine.report();
}

function kinds(report: HuntReport): string[] {
  return report.findings.map((finding) => finding.kind).sort();
}

test('a LOLBin connecting out is reported with the name its process resolved', () => {
  const report = hunt([
    dns(0, RUNDLL32, 'cdn.evil.example', 'type:  5 x.example;::ffff:198.51.100.20;'),
    connect({ at: 500, image: RUNDLL32, destinationIp: '198.51.100.20', destinationPort: 443 }),
    connect({ at: 90_500, image: RUNDLL32, destinationIp: '198.51.100.20', destinationPort: 443 }),
  ]);

  assert.deepEqual(kinds(report), ['lolbin-outbound']);
  const [finding] = report.findings;
  assert.equal(finding?.severity, 'high');
  assert.equal(finding.computer, 'WS01');
  assert.equal(finding.image, RUNDLL32);
  assert.equal(finding.processGuid, '{00000000-0000-0000-0000-000000000001}');
  assert.equal(finding.destinationIp, '198.51.100.20');
  assert.equal(finding.destinationPort, 443);
  assert.equal(finding.queriedName, 'cdn.evil.example');
  assert.equal(finding.firstSeen, iso(500));
  assert.equal(finding.lastSeen, iso(90_500));
  assert.equal(finding.count, 2);
  assert.deepEqual(
    finding.evidence.map((row) => [row.file, row.eventId, row.time]),
    [
      ['sysmon.evtx', 3, iso(500)],
      ['sysmon.evtx', 3, iso(90_500)],
    ],
  );
  assert.match(
    finding.why,
    /^rundll32\.exe \(.+\) connected out to documentation address 198\.51\.100\.20:443 \(cdn\.evil\.example\) 2 times\.$/,
  );
});

test('a binary in %TEMP% connecting out is reported; the same binary in Program Files is not', () => {
  const report = hunt([
    connect({ at: 0, image: TEMP_EXE, destinationIp: '8.8.4.4', destinationPort: 8443 }),
    connect({ at: 0, image: CHROME, destinationIp: '8.8.4.4', destinationPort: 8443 }),
  ]);
  assert.deepEqual(kinds(report), ['user-writable-outbound']);
  assert.equal(report.findings[0]?.image, TEMP_EXE);
  assert.equal(report.findings[0]?.severity, 'high');
});

test('a jittered beacon is reported with its interval, jitter and score parts', () => {
  const report = hunt(
    series(40, 60_000, 0.2, { image: CHROME, destinationIp: '8.8.8.8', destinationPort: 443 }),
  );

  const beacon = report.findings.find((finding) => finding.kind === 'beacon');
  assert.ok(beacon?.beacon, 'beacon found');
  assert.equal(beacon.count, 40);
  assert.ok(
    Math.abs(beacon.beacon.medianIntervalMs - 60_000) < 6_000,
    String(beacon.beacon.medianIntervalMs),
  );
  assert.ok(
    beacon.beacon.jitter > 0.05 && beacon.beacon.jitter < 0.3,
    String(beacon.beacon.jitter),
  );
  assert.deepEqual(Object.keys(beacon.beacon.parts).sort(), [
    'band',
    'count',
    'coverage',
    'mad',
    'skew',
  ]);
  assert.match(
    beacon.why,
    /^C:\\Program Files\\Google\\Chrome\\Application\\chrome\.exe reached 8\.8\.8\.8:443 on a regular cadence: /,
  );
});

test('a retry burst is not a beacon', () => {
  const burst = Array.from({ length: 15 }, (_, i) =>
    connect({ at: i * 250, image: CHROME, destinationIp: '8.8.8.8', destinationPort: 443 }),
  );
  assert.deepEqual(kinds(hunt(burst)), []);
});

test('inbound RDP is one lateral-movement finding that also matches the admin port, never outbound C2', () => {
  const rdp = series(30, 60_000, 0, {
    image: SVCHOST,
    initiated: false,
    sourceIp: '10.0.0.9',
    destinationIp: '10.0.0.5',
    destinationPort: 3389,
  });
  const report = hunt(rdp);
  assert.deepEqual(kinds(report), ['lateral-movement']);

  const inbound = report.findings[0];
  assert.equal(inbound?.severity, 'medium');
  assert.deepEqual(inbound.alsoMatched, ['inbound-admin-port']);
  assert.equal(inbound.count, 30);
  assert.match(
    inbound.why,
    / Also inbound-admin-port: C:\\Windows\\System32\\svchost\.exe accepted Remote Desktop/,
  );
  assert.equal(inbound.sourceIp, '10.0.0.9');
  assert.equal(inbound.destinationIp, '10.0.0.5');
  assert.equal(inbound.destinationPort, 3389);
});

test('RDP from the internet is a high-severity admin-port finding', () => {
  const report = hunt([
    connect({
      at: 0,
      image: SVCHOST,
      initiated: false,
      sourceIp: '8.8.8.8',
      destinationIp: '10.0.0.5',
      destinationPort: 3389,
    }),
  ]);
  assert.deepEqual(kinds(report), ['inbound-admin-port']);
  assert.equal(report.findings[0]?.severity, 'high');
  assert.match(report.findings[0]?.why ?? '', /reachable from the internet/);
});

test('WinRM from PowerShell to a workstation is lateral movement; to a busy server it is not', () => {
  const toWorkstation = hunt([
    connect({ at: 0, image: POWERSHELL, destinationIp: '10.0.0.30', destinationPort: 5985 }),
  ]);
  assert.deepEqual(kinds(toWorkstation), ['lateral-movement']);
  const lateral = toWorkstation.findings[0];
  assert.equal(lateral?.severity, 'high');
  assert.deepEqual(lateral.alsoMatched, ['lolbin-outbound']);
  assert.match(
    lateral.why,
    /opened WinRM \(HTTP\) to internal host 10\.0\.0\.30:5985 once; that host is not a server/,
  );

  const busy = ['WS01', 'WS02', 'WS03'].map((computer) =>
    connect({
      at: 0,
      computer,
      image: POWERSHELL,
      destinationIp: '10.0.0.40',
      destinationPort: 5985,
    }),
  );
  assert.deepEqual(kinds(hunt(busy)), ['lolbin-outbound', 'lolbin-outbound', 'lolbin-outbound']);
});

test('SMB to a domain controller is not lateral movement', () => {
  const report = hunt([
    connect({ at: 0, image: 'System', destinationIp: '10.0.0.2', destinationPort: 88 }),
    connect({ at: 10, image: 'System', destinationIp: '10.0.0.2', destinationPort: 445 }),
    connect({ at: 20, image: 'System', destinationIp: '10.0.0.77', destinationPort: 445 }),
  ]);
  assert.deepEqual(kinds(report), ['lateral-movement']);
  assert.equal(report.findings[0]?.destinationIp, '10.0.0.77');
  assert.equal(report.findings[0]?.severity, 'low');
});

test("a browser's chatter with internal hosts is not lateral movement", () => {
  const report = hunt([
    connect({ at: 0, image: CHROME, destinationIp: '10.0.0.31', destinationPort: 445 }),
    connect({ at: 0, image: CHROME, destinationIp: '10.0.0.31', destinationPort: 443 }),
    connect({ at: 0, image: CHROME, destinationIp: '239.255.255.250', destinationPort: 1900 }),
  ]);
  assert.deepEqual(kinds(report), []);
});

test('an inbound RPC connection names the process WMI started a few seconds later', () => {
  const report = hunt([
    connect({
      at: 0,
      image: SVCHOST,
      initiated: false,
      sourceIp: '10.0.0.9',
      destinationIp: '10.0.0.5',
      destinationPort: 135,
    }),
    start(
      4_000,
      'C:\\Windows\\System32\\cmd.exe',
      '{C}',
      'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
    ),
  ]);
  const lateral = report.findings.find((finding) => finding.kind === 'lateral-movement');
  assert.equal(lateral?.severity, 'high');
  assert.equal(lateral.evidence.length, 2);
  assert.match(
    lateral.why,
    /^Internal host 10\.0\.0\.9 reached RPC .* on WS01 once; .* Within a minute, WmiPrvSE\.exe \(WMI\) started C:\\Windows\\System32\\cmd\.exe\. Also inbound-admin-port: /,
  );
});

test('a service host on an odd public port is reported; on 443 it is not', () => {
  const report = hunt([
    connect({ at: 0, image: SVCHOST, destinationIp: '8.8.8.8', destinationPort: 4444 }),
    connect({ at: 0, image: SVCHOST, destinationIp: '8.8.8.8', destinationPort: 443 }),
  ]);
  assert.deepEqual(kinds(report), ['service-outbound']);
  assert.equal(report.findings[0]?.destinationPort, 4444);
});

test('a service started by services.exe reaching a public address is reported', () => {
  const agent = 'C:\\Program Files\\Vendor\\agent.exe';
  const report = hunt([
    start(0, agent, '{S}', 'C:\\Windows\\System32\\services.exe'),
    connect({
      at: 1000,
      image: agent,
      guid: '{S}',
      destinationIp: '8.8.8.8',
      destinationPort: 8080,
    }),
  ]);
  assert.deepEqual(kinds(report), ['service-outbound']);
  assert.match(
    report.findings[0]?.why ?? '',
    /^A service started by services\.exe connected to public address 8\.8\.8\.8:8080 once/,
  );
});

test('the allowlist suppresses findings and the report counts them per rule', () => {
  const records = [
    connect({ at: 0, image: RUNDLL32, destinationIp: '8.8.8.8', destinationPort: 443 }),
    connect({ at: 0, image: TEMP_EXE, destinationIp: '8.8.8.8', destinationPort: 443 }),
    connect({ at: 0, image: TEMP_EXE, destinationIp: '1.1.1.1', destinationPort: 443 }),
  ];
  const report = hunt(
    records,
    '# ours\nimage=update.exe destination=8.8.8.0/24\nimage=nothing.exe\n',
  );
  assert.deepEqual(kinds(report), ['lolbin-outbound', 'user-writable-outbound']);
  assert.deepEqual(report.suppressed, [
    {
      rule: 'image=update.exe destination=8.8.8.0/24',
      line: 2,
      count: 1,
      kinds: ['user-writable-outbound'],
    },
  ]);
});

test('the report counts what it read and pivots outbound connections by image and address', () => {
  const report = hunt([
    connect({ at: 0, image: CHROME, destinationIp: '::ffff:8.8.8.8', destinationPort: 443 }),
    connect({
      at: 5000,
      image: CHROME,
      destinationIp: '8.8.8.8',
      destinationPort: 80,
      hostname: 'dns.google',
    }),
    connect({
      at: 0,
      image: SVCHOST,
      initiated: false,
      sourceIp: '10.0.0.9',
      destinationIp: '10.0.0.5',
      destinationPort: 80,
    }),
    dns(0, CHROME, 'dns.google', '8.8.8.8;'),
    start(0, CHROME, '{B}', 'C:\\Windows\\explorer.exe'),
  ]);
  assert.deepEqual(report.input, {
    records: 5,
    recovered: 0,
    duplicates: 0,
    activities: 5,
    networkConnections: 3,
    computers: ['WS01'],
    firstTime: iso(0),
    lastTime: iso(5000),
  });
  assert.deepEqual(report.pivot, [
    {
      computer: 'WS01',
      image: CHROME,
      destinationIp: '8.8.8.8',
      ipClass: 'public',
      count: 2,
      ports: [80, 443],
      hostnames: ['dns.google'],
      queriedNames: ['dns.google'],
      firstSeen: iso(0),
      lastSeen: iso(5000),
    },
  ]);
});

test('a renamed LOLBin is found by its OriginalFileName and rated one step higher', () => {
  const disguised = 'C:\\Users\\Public\\svchost.exe';
  const report = hunt([
    start(0, disguised, '{R}', 'C:\\Windows\\explorer.exe', { OriginalFileName: 'PowerShell.EXE' }),
    connect({
      at: 1000,
      image: disguised,
      guid: '{R}',
      destinationIp: '8.8.8.8',
      destinationPort: 443,
    }),
  ]);
  const lolbin = report.findings.find((finding) => finding.kind === 'lolbin-outbound');
  assert.equal(lolbin?.severity, 'critical');
  assert.match(
    lolbin.why,
    /^powershell\.exe \(.*\) connected out to public address 8\.8\.8\.8:443 once; the image is a renamed copy \(its OriginalFileName is PowerShell\.EXE\)\. Also user-writable-outbound: /,
  );
  assert.deepEqual(kinds(report), ['lolbin-outbound']);
  assert.deepEqual(lolbin.alsoMatched, ['user-writable-outbound']);
});

test('lateral movement out names the process that started the tool', () => {
  const report = hunt([
    start(0, POWERSHELL, '{P}', 'C:\\Windows\\System32\\cmd.exe'),
    connect({
      at: 10,
      image: POWERSHELL,
      guid: '{P}',
      destinationIp: '10.0.0.30',
      destinationPort: 5986,
    }),
  ]);
  const lateral = report.findings.find((finding) => finding.kind === 'lateral-movement');
  assert.match(
    lateral?.why ?? '',
    /powershell\.exe \(started by C:\\Windows\\System32\\cmd\.exe\) on WS01 opened WinRM/,
  );
});

test('the same log read twice counts once', () => {
  const records = [
    connect({ at: 0, image: RUNDLL32, destinationIp: '8.8.8.8', destinationPort: 443 }),
    connect({ at: 60_000, image: RUNDLL32, destinationIp: '8.8.8.8', destinationPort: 443 }),
  ];
  const again = records.map((record) => ({ ...record, file: 'copy.evtx' }));
  const reused = { ...records[0]!, timeCreated: '2024-06-01T00:00:00.0000000Z' };
  const report = hunt([...records, ...again, reused]);

  assert.equal(report.input.records, 5);
  assert.equal(report.input.duplicates, 2);
  assert.equal(report.findings[0]?.count, 3, 'the same id at another time is another record');
});

test('an inbound connection logged with this host in Source is still inbound to its port', () => {
  const swapped = event({
    eventId: 3,
    computer: 'IEWIN7',
    data: {
      UtcTime: '2019-04-30 20:32:49.659',
      ProcessGuid: '{365abb72-2584-5cc9-0000-0010ea030000}',
      Image: 'System',
      Initiated: 'false',
      SourceIp: '10.0.2.18',
      SourceHostname: 'IEWIN7',
      SourcePort: '445',
      DestinationIp: '10.0.2.19',
      DestinationHostname: '',
      DestinationPort: '45616',
    },
  });
  const [finding] = hunt([swapped]).findings;
  assert.equal(finding?.kind, 'lateral-movement');
  assert.equal(finding.sourceIp, '10.0.2.19');
  assert.equal(finding.destinationIp, '10.0.2.18');
  assert.equal(finding.destinationPort, 445);
});

test('a LOLBin accepting connections is a bind shell', () => {
  const report = hunt([
    connect({
      at: 0,
      image: POWERSHELL,
      initiated: false,
      sourceIp: '10.0.2.18',
      destinationIp: '10.0.2.13',
      destinationPort: 4444,
    }),
  ]);
  assert.deepEqual(kinds(report), ['lolbin-inbound']);
  assert.equal(report.findings[0]?.severity, 'high');
  assert.match(
    report.findings[0]?.why ?? '',
    /^powershell\.exe \(.*\) accepted connections on port 4444 from internal address 10\.0\.2\.18 once: a LOLBin listening on the network is a bind shell or remote execution \(DCOM, WinRM\) far more often than anything else\.$/,
  );
});

test('SMB to many workstations from one program is one sweep finding', () => {
  const hosts = ['10.0.0.21', '10.0.0.22', '10.0.0.23'];
  const report = hunt(
    hosts.map((ip, i) =>
      connect({ at: i * 50, image: 'System', destinationIp: ip, destinationPort: 445 }),
    ),
  );
  assert.deepEqual(kinds(report), ['lateral-movement']);
  const [sweep] = report.findings;
  assert.deepEqual(sweep?.destinations, hosts);
  assert.equal(sweep.count, 3);
  assert.equal(sweep.evidence.length, 3);
  assert.match(
    sweep.why,
    /^System on WS01 opened SMB .* to 3 internal hosts that are not servers for it in these logs \(10\.0\.0\.21, 10\.0\.0\.22, 10\.0\.0\.23\): a sweep, as scanners and worms make\.$/,
  );
});

test('a finding behind several processes lists every GUID, earliest first', () => {
  const report = hunt([
    connect({
      at: 60_000,
      image: RUNDLL32,
      guid: '{B}',
      destinationIp: '8.8.8.8',
      destinationPort: 443,
    }),
    connect({
      at: 0,
      image: RUNDLL32,
      guid: '{A}',
      destinationIp: '8.8.8.8',
      destinationPort: 443,
    }),
  ]);
  assert.equal(report.findings[0]?.processGuid, '{A}');
  assert.deepEqual(report.findings[0]?.processGuids, ['{A}', '{B}']);
  assert.deepEqual(
    report.findings[0]?.evidence.map((row) => row.time),
    [iso(0), iso(60_000)],
  );
});

test('evidence from recovered records is flagged, counted per finding and in the input', () => {
  const lolbin = { image: RUNDLL32, destinationIp: '198.51.100.20', destinationPort: 443 };
  const report = hunt([
    connect({ at: 500, ...lolbin }),
    { ...connect({ at: 90_500, ...lolbin }), recovered: true },
    connect({ at: 180_500, ...lolbin }),
    {
      ...connect({ at: 1_000, image: CHROME, destinationIp: '8.8.8.8', destinationPort: 443 }),
      recovered: true,
    },
  ]);

  assert.deepEqual(report.input.records, 4);
  assert.deepEqual(report.input.recovered, 2);
  const [finding] = report.findings;
  assert.equal(finding?.kind, 'lolbin-outbound');
  assert.deepEqual(
    finding.evidence.map((row) => [row.time, row.recovered ?? false]),
    [
      [iso(500), false],
      [iso(90_500), true],
      [iso(180_500), false],
    ],
  );
  assert.equal(finding.recoveredEvidence, 1);
});

test('a sweep adds up the recovered evidence of the hosts it merges', () => {
  const hosts = ['10.0.0.21', '10.0.0.22', '10.0.0.23'];
  const report = hunt(
    hosts.map((ip, i) => {
      const record = connect({
        at: i * 50,
        image: 'System',
        destinationIp: ip,
        destinationPort: 445,
      });
      return i === 0 ? record : { ...record, recovered: true };
    }),
  );

  assert.deepEqual(kinds(report), ['lateral-movement']);
  assert.equal(report.findings[0]?.recoveredEvidence, 2);
  assert.deepEqual(
    report.findings[0]?.evidence.map((row) => row.recovered === true),
    [false, true, true],
  );
});
