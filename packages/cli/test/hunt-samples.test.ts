/**
 * `evtxhunt hunt` on real attack logs from the shared corpus (evtx-attack-samples by
 * sbousseaden, GPL-3.0, and sysmonresources; what each holds is in its file name and in
 * INVENTORY.tsv). Skips with a message where the corpus is absent.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Finding, HuntReport } from '@evtxhunt/hunt';

import { ISSUE43, SHARED, SHARED_ROOT, SKIP_SHARED, runEvtxhunt } from './run-cli.js';

async function hunt(path: string): Promise<HuntReport> {
  const run = await runEvtxhunt('hunt', '--format', 'json', path);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as HuntReport;
}

function summary(finding: Finding): string {
  const image = finding.image?.split('\\').pop() ?? '';
  const remote = finding.sourceIp ?? finding.destinationIp;
  return `${finding.severity} ${finding.kind} ${image} ${remote}:${finding.destinationPort}`;
}

const ATTACKS = `${SHARED}/evtx-attack-samples`;

/** Folders the tests below write into, removed when the file's tests end. */
const scratch: string[] = [];

async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

after(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

test(
  'hunt: regsvr32 fetching a scriptlet (Squiblydoo) is a LOLBin connecting out',
  { skip: SKIP_SHARED },
  async () => {
    const report = await hunt(`${ATTACKS}/exec_sysmon_lobin_regsvr32_sct.evtx`);
    assert.deepEqual(report.findings.map(summary), [
      'high lolbin-outbound regsvr32.exe 104.20.208.21:80',
    ]);
    assert.equal(report.findings[0]?.evidence.length, 1);
    assert.equal(report.input.networkConnections, 1);
  },
);

test(
  'hunt: mshta reaching three hosts in a scheduled-task persistence sample',
  { skip: SKIP_SHARED },
  async () => {
    const report = await hunt(
      `${ATTACKS}/exec_persist_rundll32_mshta_scheduledtask_sysmon_1_3_11.evtx`,
    );
    assert.deepEqual(
      report.findings
        .filter((f) => f.kind === 'lolbin-outbound')
        .map(summary)
        .sort(),
      [
        'high lolbin-outbound mshta.exe 105.73.6.105:80',
        'high lolbin-outbound mshta.exe 105.73.6.112:80',
        'high lolbin-outbound mshta.exe 108.179.232.58:443',
      ],
    );
  },
);

test(
  'hunt: inbound RDP from SharpRDP is lateral movement to an admin port, not outbound C2',
  { skip: SKIP_SHARED },
  async () => {
    const report = await hunt(`${ATTACKS}/LM_sysmon_1_12_13_3_tsclient_SharpRdp.evtx`);
    assert.deepEqual(report.findings.map(summary), [
      'medium lateral-movement svchost.exe 192.168.56.1:3389',
    ]);
    assert.deepEqual(report.findings[0]?.alsoMatched, ['inbound-admin-port']);
  },
);

test(
  'hunt: smbmap upload and execution names what WMI started after the SMB session',
  { skip: SKIP_SHARED },
  async () => {
    const report = await hunt(`${ATTACKS}/smbmap_upload_exec_sysmon.evtx`);
    const lateral = report.findings.find((finding) => finding.kind === 'lateral-movement');
    assert.equal(lateral?.severity, 'high');
    assert.equal(lateral.sourceIp, '10.0.2.15');
    assert.equal(lateral.destinationPort, 445);
    assert.equal(lateral.count, 5);
    assert.ok(
      lateral.evidence.some((row) => row.eventId === 1),
      'a process start is evidence',
    );
    assert.match(lateral.why, /WmiPrvSE\.exe \(WMI\) started C:\\Windows\\System32\\cmd\.exe/);
  },
);

test(
  'hunt: an Empire agent polling every five seconds is a beacon',
  { skip: SKIP_SHARED },
  async () => {
    const report = await hunt(`${SHARED}/sysmonresources/vstoAbuse.evtx`);
    const beacon = report.findings.find((finding) => finding.kind === 'beacon');
    assert.equal(beacon?.destinationIp, '172.30.1.253');
    assert.equal(beacon.destinationPort, 80);
    assert.equal(beacon.count, 24);
    assert.ok(beacon.beacon !== undefined);
    assert.ok(
      Math.abs(beacon.beacon.medianIntervalMs - 5100) < 300,
      String(beacon.beacon.medianIntervalMs),
    );
    assert.match(beacon.image ?? '', /powershell\.exe$/);
  },
);

test(
  'hunt: an SMB sweep by the kernel to six workstations is one medium finding, a step above one host',
  { skip: SKIP_SHARED },
  async () => {
    const report = await hunt(`${ATTACKS}/discovery_sysmon_3_Invoke_UserHunter_SourceMachine.evtx`);
    const lateral = report.findings.filter((finding) => finding.kind === 'lateral-movement');
    assert.equal(lateral.length, 1);
    assert.equal(lateral[0]?.severity, 'medium');
    assert.equal(lateral[0]?.image, 'System');
    assert.equal(lateral[0]?.count, 6);
    assert.deepEqual([...(lateral[0]?.destinations ?? [])].sort(), [
      '10.59.4.12',
      '10.59.4.21',
      '10.59.4.22',
      '10.59.4.23',
      '10.59.4.24',
      '10.59.4.25',
    ]);
  },
);

test('hunt: the bundled benign Sysmon log raises nothing', async () => {
  const report = await hunt(ISSUE43);
  assert.deepEqual(report.findings.map(summary), []);
  assert.equal(report.input.records, 1730);
  assert.equal(report.input.networkConnections, 153);
  assert.equal(report.pivot[0]?.image, 'C:\\Windows\\System32\\svchost.exe');
});

const SWIFT = `${SHARED_ROOT}/sysmon-configs/SwiftOnSecurity/sysmonconfig-export.xml`;

test(
  'hunt --config: SwiftOnSecurity never logs browsers or the $Recycle.Bin spelling',
  { skip: SKIP_SHARED },
  async () => {
    const run = await runEvtxhunt('hunt', '--format', 'json', '--config', SWIFT, ISSUE43);
    const report = JSON.parse(run.stdout) as HuntReport;
    const blind = new Map(report.coverage?.blindSpots.map((spot) => [spot.label, spot.reason]));

    assert.equal(report.coverage?.basis, 'config');
    assert.equal(blind.get('chrome.exe'), 'no NetworkConnect include rule matches');
    // The include rule at line 274 reads `begin with C:\Recycle`, which `C:\$Recycle.Bin` is not.
    assert.equal(blind.get('Recycle Bin'), 'no NetworkConnect include rule matches');
    assert.equal(blind.has('certutil.exe'), false);
    assert.equal(blind.has('user temp folder (%TEMP%)'), false);
    assert.match(
      blind.get('teams.exe') ?? '',
      /^excluded by NetworkConnect exclude rule .* \(line 370\)$/,
    );
  },
);

test('hunt --allow suppresses and counts; a bad rule is an error naming its line', async () => {
  const dir = await scratchDir('evtxhunt-allow-');
  const good = join(dir, 'allow.txt');
  const bad = join(dir, 'bad.txt');
  await writeFile(good, '# lab\nimage=svchost.exe\n');
  await writeFile(bad, 'image=a.exe\nport=http\n');

  const allowed = await runEvtxhunt('hunt', '--format', 'json', '--allow', good, ISSUE43);
  assert.equal(allowed.status, 0, allowed.stderr);
  assert.deepEqual((JSON.parse(allowed.stdout) as HuntReport).suppressed, []);

  const refused = await runEvtxhunt('hunt', '--allow', bad, ISSUE43);
  assert.equal(refused.status, 2);
  assert.equal(refused.stdout, '');
  assert.match(
    refused.stderr,
    new RegExp(
      `^evtxhunt: Cannot read allowlist .*bad\\.txt line 2: 'http' is not a port number\n$`,
    ),
  );
});

test('hunt --format html --out writes one self-contained report', async () => {
  const dir = await scratchDir('evtxhunt-html-');
  const out = join(dir, 'report.html');
  const run = await runEvtxhunt('hunt', '--format', 'html', '--out', out, ISSUE43);
  const html = await readFile(out, 'utf8');

  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  assert.match(html, /^<!DOCTYPE html>/i);
  assert.match(html, /Content-Security-Policy/);
  assert.doesNotMatch(html, /<script|\bsrc=|https?:\/\//i);
  // Table cells may hold <wbr> wrapping points; the text a reader copies has none.
  assert.match(
    html.replace(/<wbr>/g, ''),
    /<td class="token">C:\\Windows\\System32\\svchost\.exe<\/td>/,
  );
});

test(
  'hunt: a CTF host where PowerShell resolves msmoon.net, connects and drops a.exe is a chain',
  { skip: SKIP_SHARED },
  async () => {
    const report = await hunt(`${SHARED}/sytemmoon-ctf/sysmon.evtx`);
    const chains = report.findings.filter((finding) => finding.kind === 'chain');
    assert.equal(
      chains.length,
      1,
      'the CLR usage log PowerShell writes is housekeeping, not a chain',
    );

    const [chain] = chains;
    assert.equal(chain?.severity, 'high');
    assert.deepEqual(chain.alsoMatched, ['lolbin-outbound']);
    const outbound = report.findings.find(
      (finding) =>
        finding.kind === 'lolbin-outbound' && finding.destinationIp === '192.168.230.130',
    );
    assert.deepEqual(outbound?.alsoMatched, ['chain'], 'the same connections, cross-referenced');
    assert.equal(chain.queriedName, 'msmoon.net');
    assert.equal(chain.destinationIp, '192.168.230.130');
    assert.deepEqual(
      chain.story?.map((step) => step.step),
      ['process-start', 'dns', 'network', 'file-create'],
    );
    assert.equal(chain.story?.[3]?.summary, 'C:\\Sysmon\\a.exe');
    assert.deepEqual(
      chain.story?.map((step) => step.evidence.recordId),
      ['524', '528', '527', '526'],
      'the chain keeps its order though Sysmon stamped the DNS answer after the connection',
    );
  },
);

test(
  'hunt: impacket wmiexec over SMB, logged with this host in Source, names the shells WMI started',
  { skip: SKIP_SHARED },
  async () => {
    const report = await hunt(`${ATTACKS}/LM_wmiexec_impacket_sysmon_whoami.evtx`);
    const [lateral] = report.findings;
    assert.equal(lateral?.kind, 'lateral-movement');
    assert.equal(lateral.severity, 'high');
    assert.equal(lateral.sourceIp, '10.0.2.19');
    assert.equal(lateral.destinationPort, 445);
    assert.match(
      lateral.why,
      /Within a minute, WmiPrvSE\.exe \(WMI\) started C:\\Windows\\System32\\cmd\.exe \(3 times\)\./,
    );
  },
);

test(
  'hunt: a powercat bind shell is PowerShell accepting connections',
  { skip: SKIP_SHARED },
  async () => {
    const report = await hunt(`${ATTACKS}/powercat_revShell_sysmon_1_3.evtx`);
    assert.deepEqual(report.findings.map(summary), [
      'high lolbin-inbound powershell.exe 10.0.2.18:4444',
    ]);
  },
);

test('hunt: a wiped chunk is named in the report itself, in JSON and in text', async () => {
  const dir = await scratchDir('evtxhunt-wiped-');
  const copy = join(dir, 'wiped.evtx');
  const bytes = await readFile(ISSUE43);
  bytes.fill(0, 0x1000 + 3 * 0x10000, 0x1000 + 4 * 0x10000);
  await writeFile(copy, bytes);

  const json = await runEvtxhunt('hunt', '--format', 'json', copy);
  const report = JSON.parse(json.stdout) as HuntReport;
  assert.equal(json.status, 1);
  assert.deepEqual(
    report.sources?.map((source) => [
      source.status,
      source.recordsMissing,
      source.chunksUnreadable,
    ]),
    [['partly-lost', 75, 1]],
  );
  assert.match(
    report.sources?.[0]?.problems[0] ?? '',
    /^error: chunk at 0x31000 \(chunk 3\): the slot is all zeros/,
  );

  const text = await runEvtxhunt('hunt', copy);
  assert.match(
    text.stdout,
    /^DATA NOT READ\n {2}Data was lost in 1 of 1 file: findings that depend on the lost records are missing/m,
  );
  assert.match(text.stdout, /records 224-298 are missing/);
});

test('hunt: the same log given twice is read once, and the report says so', async () => {
  const run = await runEvtxhunt('hunt', ISSUE43, ISSUE43);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^ {2}records {6}3460 read, 1730 duplicates skipped, 860 activities/m);
});

test(
  'hunt: mmc.exe reaching GitHub during a UAC bypass is a LOLBin connecting out',
  { skip: SKIP_SHARED },
  async () => {
    const report = await hunt(`${ATTACKS}/Sysmon_UACME_38.evtx`);
    assert.deepEqual(report.findings.map(summary), [
      'high lolbin-outbound mmc.exe 185.199.111.153:443',
    ]);
  },
);

test(
  'hunt: a lateral-movement sample stays high next to other logs that reuse its address',
  { skip: SKIP_SHARED },
  async () => {
    const report = await hunt(ATTACKS);
    const smbmap = report.findings.find(
      (finding) => finding.kind === 'lateral-movement' && finding.sourceIp === '10.0.2.15',
    );
    assert.equal(smbmap?.severity, 'high');
    assert.match(smbmap.why, /WmiPrvSE\.exe \(WMI\) started C:\\Windows\\System32\\cmd\.exe/);
  },
);

test('hunt --out refuses a report named .evtx', async () => {
  const dir = await scratchDir('evtxhunt-out-');
  const run = await runEvtxhunt('hunt', '--out', join(dir, 'report.evtx'), ISSUE43);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /refusing --out .*report\.evtx: a report is not an EVTX log/);
});

test('hunt: chunks damaged with every record still read are named in the sources', async () => {
  const copy = join(await scratchDir('evtxhunt-crc-'), 'crc-only.evtx');
  const bytes = await readFile(ISSUE43);
  // One letter of a value in each of chunks 2 and 5 changed: their records CRC no longer
  // matches, but every record still parses.
  for (const chunk of [2, 5]) {
    const start = 0x1000 + chunk * 0x10000;
    const at = bytes.indexOf(Buffer.from('svchost', 'utf16le'), start);
    assert.ok(at > start && at < start + 0x10000, `no svchost in chunk ${chunk}`);
    bytes[at] = 'S'.charCodeAt(0);
  }
  await writeFile(copy, bytes);

  const json = JSON.parse((await runEvtxhunt('hunt', '--format', 'json', copy)).stdout);
  const source = (json as HuntReport).sources?.[0];
  assert.deepEqual([source?.status, source?.recordsRead, source?.chunksDamaged], ['read', 1730, 2]);
  const text = await runEvtxhunt('hunt', copy);
  assert.match(
    text.stdout,
    /^Input: 1 file read, no record lost, but chunks were damaged in 1 of them/m,
  );
  assert.match(
    text.stdout,
    /^ {2}damaged {6}1730 records read; 2 chunks damaged \(records still read\)/m,
  );
  assert.doesNotMatch(text.stdout, /read whole/);
  const html = await runEvtxhunt('hunt', '--format', 'html', copy);
  assert.match(html.stdout, /2 chunks damaged \(records still read\)/);
  assert.doesNotMatch(html.stdout, /read whole/);
});
