import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { Activity } from '../../src/events/activity.js';
import {
  chainFileCanReport,
  chainFindings,
  mappedIpKey,
  type ChainOptions,
} from '../../src/story/chain.js';
import { StoryCollector } from '../../src/story/story.js';
import { connect, dnsQuery, fileCreate, guid, sysmonStart } from './builders.js';

const RUNDLL32 = 'C:\\Windows\\System32\\rundll32.exe';
const CHROME = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';

/** Public means "not 10.x or 192.168.x" here; rundll32 is the suspicious image. */
const OPTIONS: ChainOptions = {
  isPublicAddress: (ip) => !/^(?:10|192\.168)\./.test(ip),
  isSuspiciousImage: (image) => /\\rundll32\.exe$/i.test(image),
};

function findingsOf(activities: readonly Activity[], options = OPTIONS) {
  const collector = new StoryCollector();
  for (const activity of activities) collector.add(activity);
  return chainFindings(collector, collector.table, options);
}

function rundll32(): Activity {
  return sysmonStart({
    guid: guid(1),
    pid: 4242,
    image: RUNDLL32,
    commandLine: 'rundll32.exe C:\\Users\\Public\\x.dll,Start',
    at: '10:00:00.000',
  });
}

test('chainFindings: rundll32 resolves evil.example, connects to it and writes a DLL', () => {
  const findings = findingsOf([
    rundll32(),
    dnsQuery(
      guid(1),
      'evil.example',
      'type:  5 cdn.evil.example;::ffff:203.0.113.7;',
      '10:00:01.000',
    ),
    connect(guid(1), '203.0.113.7', '10:00:01.200'),
    fileCreate(guid(1), 'C:\\Users\\Public\\a.dll', '10:00:02.500'),
  ]);

  assert.equal(findings.length, 1);
  const [finding] = findings;
  assert.ok(finding);
  assert.equal(finding.kind, 'chain');
  assert.equal(finding.severity, 'high');
  assert.equal(finding.image, RUNDLL32);
  assert.equal(finding.processGuid, guid(1));
  assert.equal(finding.queriedName, 'evil.example');
  assert.equal(finding.destinationIp, '203.0.113.7');
  assert.equal(finding.destinationPort, 443);
  assert.equal(finding.firstSeen, '2024-05-01T10:00:00.0000000Z');
  assert.equal(finding.lastSeen, '2024-05-01T10:00:02.5000000Z');
  assert.equal(finding.count, 1);
  assert.deepEqual(
    finding.story?.map((step) => [step.step, step.evidence.eventId]),
    [
      ['process-start', 1],
      ['dns', 22],
      ['network', 3],
      ['file-create', 11],
    ],
  );
  assert.deepEqual(
    finding.evidence.map((evidence) => evidence.eventId),
    [1, 22, 3, 11],
  );
  assert.equal(
    finding.why,
    'rundll32.exe started, asked DNS for evil.example, connected to 203.0.113.7:443, an ' +
      'address in that answer, and 1.3 s later wrote C:\\Users\\Public\\a.dll. Reported because ' +
      'the image is on the suspicious list and the file is executable content.',
  );
});

test('chainFindings: a DNS answer logged seconds after its connection still joins', () => {
  const [finding] = findingsOf([
    rundll32(),
    connect(guid(1), '203.0.113.7', '10:00:01.200'),
    dnsQuery(guid(1), 'evil.example', '::ffff:203.0.113.7;', '10:00:03.000'),
    fileCreate(guid(1), 'C:\\Users\\Public\\a.dll', '10:00:04.000'),
  ]);

  assert.equal(finding?.queriedName, 'evil.example');
  assert.deepEqual(
    finding?.story?.map((step) => step.step),
    ['process-start', 'dns', 'network', 'file-create'],
  );
});

test('chainFindings: a browser writing a .tmp cache file after a connection is no finding', () => {
  const findings = findingsOf([
    sysmonStart({ guid: guid(2), pid: 77, image: CHROME, at: '10:00:00.000' }),
    dnsQuery(guid(2), 'news.example', '::ffff:198.51.100.20;', '10:00:01.000'),
    connect(guid(2), '198.51.100.20', '10:00:01.100'),
    fileCreate(guid(2), 'C:\\Users\\u\\AppData\\Local\\Temp\\a1b2.tmp', '10:00:01.900'),
  ]);

  assert.deepEqual(findings, []);
});

test('chainFindings: a browser downloading an .exe from the internet is a low finding', () => {
  const findings = findingsOf([
    sysmonStart({ guid: guid(2), pid: 77, image: CHROME, at: '10:00:00.000' }),
    dnsQuery(guid(2), 'download.example', '::ffff:198.51.100.20;', '10:00:01.000'),
    connect(guid(2), '198.51.100.20', '10:00:01.100'),
    fileCreate(guid(2), 'C:\\Users\\u\\Downloads\\setup.exe', '10:00:09.000'),
  ]);

  assert.deepEqual(
    findings.map((finding) => [finding.severity, finding.queriedName]),
    [['low', 'download.example']],
  );
});

test('chainFindings: a connection before the DNS query of another name is not joined to it', () => {
  const [finding, ...rest] = findingsOf([
    rundll32(),
    connect(guid(1), '203.0.113.7', '10:00:01.000'),
    dnsQuery(guid(1), 'other.example', '::ffff:198.51.100.9;', '10:00:30.000'),
    fileCreate(guid(1), 'C:\\Users\\Public\\a.dll', '10:00:40.000'),
  ]);

  // The rest of the chain holds, so it is reported as a chain straight to the IP.
  assert.equal(rest.length, 0);
  assert.equal(finding?.queriedName, undefined);
  assert.deepEqual(
    finding?.story?.map((step) => step.step),
    ['process-start', 'network', 'file-create'],
  );
  assert.match(finding?.why ?? '', /connected straight to 203\.0\.113\.7:443 with no DNS query/);
});

test('chainFindings: a DNS answer for the address logged long after the connection is not joined', () => {
  const [finding] = findingsOf([
    rundll32(),
    connect(guid(1), '203.0.113.7', '10:00:01.000'),
    dnsQuery(guid(1), 'evil.example', '::ffff:203.0.113.7;', '10:01:00.000'),
    fileCreate(guid(1), 'C:\\Users\\Public\\a.dll', '10:01:10.000'),
  ]);

  assert.equal(finding?.queriedName, undefined);
  assert.equal(finding?.story?.length, 3);
});

test('chainFindings: a file written before the connection is no chain', () => {
  const findings = findingsOf([
    rundll32(),
    dnsQuery(guid(1), 'evil.example', '::ffff:203.0.113.7;', '10:00:01.000'),
    fileCreate(guid(1), 'C:\\Users\\Public\\a.dll', '10:00:01.100'),
    connect(guid(1), '203.0.113.7', '10:00:01.200'),
  ]);

  assert.deepEqual(findings, []);
});

test('chainFindings: private addresses, inbound connections and unlogged starts are no chain', () => {
  const file = (at: string) => fileCreate(guid(1), 'C:\\Users\\Public\\a.dll', at);
  const privateIp = findingsOf([
    rundll32(),
    connect(guid(1), '10.1.2.3', '10:00:01.000'),
    file('10:00:02.000'),
  ]);
  const inbound = findingsOf([
    rundll32(),
    connect(guid(1), '203.0.113.7', '10:00:01.000', 'false'),
    file('10:00:02.000'),
  ]);
  const noStart = findingsOf([
    connect(guid(1), '203.0.113.7', '10:00:01.000'),
    file('10:00:02.000'),
  ]);

  assert.deepEqual([privateIp.length, inbound.length, noStart.length], [0, 0, 0]);
});

test('chainFindings: a suspicious image writing a text file is medium; files to one address make one finding', () => {
  const findings = findingsOf([
    rundll32(),
    dnsQuery(guid(1), 'evil.example', '::ffff:203.0.113.7;', '10:00:01.000'),
    connect(guid(1), '203.0.113.7', '10:00:01.200'),
    fileCreate(guid(1), 'C:\\Users\\Public\\notes.txt', '10:00:02.000'),
    connect(guid(1), '203.0.113.7', '10:03:00.000'),
    fileCreate(guid(1), 'C:\\Users\\Public\\more.txt', '10:03:01.000'),
  ]);

  assert.equal(findings.length, 1);
  assert.equal(findings[0]?.severity, 'medium');
  assert.equal(findings[0]?.count, 2);
  assert.equal(findings[0]?.lastSeen, '2024-05-01T10:03:01.0000000Z');
  assert.equal(findings[0]?.evidence.length, 6);
  assert.match(findings[0]?.why ?? '', /\(2 files followed connections to this address\)\.$/);
});

test('chainFindings compares addresses with the ipKey option when given', () => {
  const activities = [
    rundll32(),
    dnsQuery(guid(1), 'v6.example', '2001:DB8::7;', '10:00:01.000'),
    connect(guid(1), '2001:db8:0:0:0:0:0:7', '10:00:01.200'),
    fileCreate(guid(1), 'C:\\Users\\Public\\a.dll', '10:00:02.000'),
  ];
  const expand = (text: string) =>
    text.toLowerCase() === '2001:db8::7' ? '2001:db8:0:0:0:0:0:7' : text;

  assert.equal(findingsOf(activities)[0]?.queriedName, undefined);
  assert.equal(findingsOf(activities, { ...OPTIONS, ipKey: expand })[0]?.queriedName, 'v6.example');
});

test('mappedIpKey makes Sysmon’s IPv4-mapped answers equal to the plain address', () => {
  assert.equal(mappedIpKey('::ffff:1.2.3.4'), '1.2.3.4');
  assert.equal(mappedIpKey('::FFFF:1.2.3.4'), '1.2.3.4');
  assert.equal(mappedIpKey('0:0:0:0:0:ffff:1.2.3.4'), '1.2.3.4');
  assert.equal(mappedIpKey(' 1.2.3.4 '), '1.2.3.4');
  assert.equal(mappedIpKey('[FE80::1]'), 'fe80::1');
  assert.equal(mappedIpKey('::ffff:1.2.3'), '::ffff:1.2.3');
});

test('chainFileCanReport keeps code, any file of a suspicious image, and files of unknown images', () => {
  const report = fileCreate(guid(1), 'C:\\Users\\a\\Documents\\report.docx', '10:00:00.000');
  const payload = fileCreate(guid(1), 'C:\\Users\\a\\AppData\\Local\\Temp\\x.DLL', '10:00:00.000');
  assert.equal(chainFileCanReport(report, CHROME, OPTIONS), false);
  assert.equal(chainFileCanReport(payload, CHROME, OPTIONS), true);
  assert.equal(chainFileCanReport(report, RUNDLL32, OPTIONS), true);
  assert.equal(chainFileCanReport(report, undefined, OPTIONS), true);
});

/** The activity as if read from a recovered record. */
function recovered<T extends Activity>(activity: T): T {
  return { ...activity, source: { ...activity.source, recovered: true } };
}

test('chainFindings: steps from recovered records say so in the evidence and the count', () => {
  const [finding] = findingsOf([
    recovered(rundll32()),
    dnsQuery(guid(1), 'evil.example', '::ffff:203.0.113.7;', '10:00:01.000'),
    recovered(connect(guid(1), '203.0.113.7', '10:00:01.200')),
    fileCreate(guid(1), 'C:\\Users\\Public\\a.dll', '10:00:02.500'),
  ]);

  assert.deepEqual(
    finding?.story?.map((step) => [step.step, step.evidence.recovered ?? false]),
    [
      ['process-start', true],
      ['dns', false],
      ['network', true],
      ['file-create', false],
    ],
  );
  assert.deepEqual(
    finding?.evidence.map((evidence) => evidence.recovered ?? false),
    [true, false, true, false],
  );
  assert.equal(finding?.recoveredEvidence, 2);
});

test('chainFindings: a chain of live records has no recovered count', () => {
  const [finding] = findingsOf([
    rundll32(),
    connect(guid(1), '203.0.113.7', '10:00:01.200'),
    fileCreate(guid(1), 'C:\\Users\\Public\\a.dll', '10:00:02.500'),
  ]);

  assert.equal(finding?.recoveredEvidence, undefined);
  assert.equal(
    finding?.evidence.some((evidence) => 'recovered' in evidence),
    false,
  );
});
