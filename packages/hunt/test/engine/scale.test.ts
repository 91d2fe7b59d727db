/**
 * The hunt over a log and over the same log repeated, the way the benchmark's generated logs
 * repeat a sample: every record again with new record ids and the same values. Each series and
 * chain stands on twice the events, so the findings are the same kinds with doubled counts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { HuntEngine } from '../../src/engine/engine.js';
import { EVIDENCE_LIMIT } from '../../src/findings/evidence-limit.js';
import type { HuntReport } from '../../src/findings/report.js';
import { defaultKnowledge } from '../../src/knowledge/default.js';
import type { EventRecord } from '../../src/record.js';
import { event } from '../synthetic.js';
import { connect, dns, series, start, utc } from './scenario.js';

const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
const RUNDLL32 = 'C:\\Windows\\System32\\rundll32.exe';
const TEMP_EXE = 'C:\\Users\\alice\\AppData\\Local\\Temp\\update.exe';
const GUID = '{00000000-0000-0000-0000-0000000000aa}';

function fileCreate(at: number, guid: string, image: string, target: string): EventRecord {
  const data = { UtcTime: utc(at), ProcessGuid: guid, Image: image, TargetFilename: target };
  return event({ eventId: 11, file: 'sysmon.evtx', data });
}

/** A log with a beacon, LOLBins, a user-writable binary, lateral movement and a chain. */
function sampleLog(): EventRecord[] {
  const beacon = { image: POWERSHELL, destinationIp: '8.8.8.8', destinationPort: 443 };
  const lateral = { image: RUNDLL32, destinationIp: '10.0.0.30', destinationPort: 445 };
  return [
    start(0, RUNDLL32, GUID, 'C:\\Windows\\explorer.exe'),
    dns(10, RUNDLL32, 'evil.example', 'type:  5 x;::ffff:198.51.100.20;', GUID),
    connect({
      at: 20,
      image: RUNDLL32,
      guid: GUID,
      destinationIp: '198.51.100.20',
      destinationPort: 443,
    }),
    fileCreate(30, GUID, RUNDLL32, 'C:\\Users\\Public\\payload.dll'),
    ...series(40, 60_000, 0.2, beacon),
    connect({ at: 500, image: TEMP_EXE, destinationIp: '203.0.113.9', destinationPort: 8443 }),
    connect({ ...lateral, at: 700 }),
  ];
}

/** The log `times` over, each copy's record ids continuing from the last. */
function repeated(log: readonly EventRecord[], times: number): EventRecord[] {
  return Array.from({ length: times }, (_, copy) =>
    log.map((record, i) => ({ ...record, recordId: String(copy * log.length + i + 1) })),
  ).flat();
}

function hunt(records: readonly EventRecord[]): HuntReport {
  const engine = new HuntEngine({ knowledge: defaultKnowledge() });
  for (const record of records) engine.add(record);
  return engine.report();
}

function shape(report: HuntReport): string[] {
  return report.findings.map((f) => `${f.kind} ${f.severity} ${f.image ?? ''} ${f.destinationIp}`);
}

test('hunt over a log repeated twice: the same findings, each on twice the events', () => {
  const log = sampleLog();
  const once = hunt(repeated(log, 1));
  const twice = hunt(repeated(log, 2));

  assert.deepEqual(once.findings.map((finding) => finding.kind).sort(), [
    'beacon',
    'chain',
    'lateral-movement',
    'lolbin-outbound',
    'user-writable-outbound',
  ]);
  assert.deepEqual(shape(twice), shape(once));
  assert.deepEqual(
    twice.findings.map((finding) => finding.count),
    once.findings.map((finding) => finding.count * 2),
  );
  const series = (report: HuntReport) => report.findings.filter((f) => f.kind !== 'chain');
  assert.deepEqual(
    series(twice).map((finding) => finding.evidence.length),
    series(once).map((finding) => finding.evidence.length * 2),
  );
  // Both files follow the same connection at the same time, so the second copy adds its file
  // alone: the start, one query, one connection and two files.
  const chain = (report: HuntReport) => report.findings.find((f) => f.kind === 'chain');
  assert.equal(chain(once)?.evidence.length, 4);
  assert.equal(chain(twice)?.evidence.length, 5);
  assert.equal(twice.input.records, once.input.records * 2);
  assert.equal(twice.input.duplicates, 0);
});

test('hunt over a log repeated past the evidence limit lists the limit and counts the rest', () => {
  const log = sampleLog();
  const copies = Math.ceil(EVIDENCE_LIMIT / 40) + 1;
  const report = hunt(repeated(log, copies));

  const beacon = report.findings.find((finding) => finding.kind === 'beacon');
  assert.equal(beacon?.count, 40 * copies);
  assert.equal(beacon.evidence.length, EVIDENCE_LIMIT);
  assert.equal(beacon.evidenceOmitted, 40 * copies - EVIDENCE_LIMIT);
  assert.deepEqual(shape(report), shape(hunt(log)));
});

test('a chain whose DNS query and connection came from recovered records says so', () => {
  // Through the engine, the story keeps its events as columns; the flag must survive them.
  const log = sampleLog().map((record, i) =>
    i === 1 || i === 2 ? { ...record, recovered: true } : record,
  );
  const chain = hunt(log).findings.find((finding) => finding.kind === 'chain');

  assert.deepEqual(
    chain?.evidence.map((evidence) => [evidence.eventId, evidence.recovered ?? false]),
    [
      [1, false],
      [22, true],
      [3, true],
      [11, false],
    ],
  );
  assert.equal(chain?.recoveredEvidence, 2);
  assert.deepEqual(
    chain?.story?.map((step) => [step.step, step.evidence.recovered ?? false]),
    [
      ['process-start', false],
      ['dns', true],
      ['network', true],
      ['file-create', false],
    ],
  );
});
