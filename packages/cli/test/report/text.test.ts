import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { HuntReport } from '../../src/report/hunt-types.js';
import { renderTextReport } from '../../src/report/text.js';
import {
  EVIL_IN_TEXT,
  LOLBIN_INBOUND,
  SWEEP,
  hostileReport,
  pivotFiller,
  sampleReport,
} from './sample-report.js';

/** Wide enough that no sentence of the sample wraps. */
const WIDE = { color: false, width: 400 } as const;

const EMPTY: HuntReport = {
  input: {
    records: 0,
    recovered: 0,
    duplicates: 0,
    activities: 0,
    networkConnections: 0,
    computers: [],
  },
  findings: [],
  suppressed: [],
  pivot: [],
};

/** The lines of one section: from the line starting with `title` to the next blank line pair. */
function block(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  assert.ok(from >= 0, `no ${start} in the report`);
  const to = text.indexOf(end, from + start.length);
  return text.slice(from, to < 0 ? undefined : to);
}

test('renderTextReport summarises what was read and found', () => {
  const text = renderTextReport(sampleReport(), WIDE);

  assert.match(text, /^evtxhunt hunt report\n/);
  assert.ok(text.includes('records      12873 read, 11204 activities, 3310 network connections'));
  assert.ok(text.includes('computers    2: WS-FIN-07.corp.example, DC01.corp.example'));
  assert.ok(
    text.includes(
      'time span    2024-05-01T07:58:12.0000000Z .. 2024-05-01T09:10:00.0000000Z (71.8 min)',
    ),
  );
  assert.ok(text.includes('findings     4: 1 critical, 2 high, 1 medium'));
  assert.ok(text.includes('by kind: 1 beacon, 1 chain, 1 inbound-admin-port, 1 lolbin-outbound'));
});

test('renderTextReport writes every time as ISO-8601 with Z and seven fraction digits', () => {
  const report = sampleReport();
  const first = report.findings[0];
  assert.ok(first !== undefined);
  const text = renderTextReport(
    {
      ...report,
      input: {
        ...report.input,
        firstTime: '2018-02-14T09:51:19.919Z',
        lastTime: '2018-02-14T10:00:00Z',
      },
      findings: [
        { ...first, firstSeen: '2018-02-14T09:51:19.9Z', lastSeen: '2018-02-14T09:52:00Z' },
      ],
    },
    WIDE,
  );

  assert.ok(
    text.includes('time span    2018-02-14T09:51:19.9190000Z .. 2018-02-14T10:00:00.0000000Z'),
  );
  assert.ok(
    text.includes('seen         2018-02-14T09:51:19.9000000Z .. 2018-02-14T09:52:00.0000000Z'),
  );
  assert.doesNotMatch(text, /\d{2}:\d{2}:\d{2}(\.\d+)? UTC|\d{4}-\d{2}-\d{2} \d{2}:/);
});

test('renderTextReport lists findings most severe first, numbered', () => {
  const text = renderTextReport(sampleReport(), WIDE);
  const headings = text.split('\n').filter((line) => /^\d+\. \[/.test(line));

  assert.deepEqual(headings, [
    '1. [CRITICAL] chain on WS-FIN-07.corp.example',
    '2. [HIGH] lolbin-outbound on WS-FIN-07.corp.example',
    '3. [HIGH] beacon on WS-FIN-07.corp.example',
    '4. [MEDIUM] inbound-admin-port on DC01.corp.example',
  ]);
});

test('renderTextReport shows a lolbin finding with its process, destination and why', () => {
  const text = block(renderTextReport(sampleReport(), WIDE), '2. [HIGH]', '\n\n');

  assert.deepEqual(text.trimEnd().split('\n').slice(1), [
    '  image        C:\\Windows\\System32\\rundll32.exe {6f1c2a7e-4b1d-6632-2a01-000000000b00}',
    '  destination  198.51.100.23:443 (queried cdn-update.example.net)',
    '  seen         2024-05-01T08:03:00.0000000Z .. 2024-05-01T08:09:00.0000000Z, 3 times',
    '  why          rundll32.exe, a signed Windows binary often used to run attacker DLLs, ' +
      'connected to a public address.',
    '  evidence     3 events: Microsoft-Windows-Sysmon%4Operational.evtx #5120, #5121, #5122',
  ]);
});

test('renderTextReport shows beacon timing, score parts and the first evidence', () => {
  const text = block(renderTextReport(sampleReport(), WIDE), '3. [HIGH] beacon', '\n\n');

  assert.ok(text.includes('  beacon       median interval 60 s, jitter ±12%, score 0.91\n'));
  assert.ok(text.includes('               score parts: regularity 0.95, count 0.88, span 0.90\n'));
  assert.ok(text.includes('               48 connections, 47 attempts\n'));
  assert.ok(
    text.includes(
      'destination  203.0.113.77:8443 (hostname static-77.example.com, ' +
        'queried update-check.example.org)',
    ),
  );
  assert.ok(
    text.includes(
      'evidence     48 events: Microsoft-Windows-Sysmon%4Operational.evtx #6000, #6001, #6002 ' +
        'and 45 more',
    ),
  );
});

test('renderTextReport shows a chain story step by step with record references', () => {
  const text = block(renderTextReport(sampleReport(), WIDE), '1. [CRITICAL]', '\n\n');
  const steps = text.split('\n').filter((line) => /^ {2}(story| {5}) {8}2024-/.test(line));

  assert.equal(steps.length, 4);
  assert.equal(
    steps[1],
    '               2024-05-01T08:01:00.4000000Z dns           ' +
      'update-check.example.org -> 203.0.113.77 [#4411]',
  );
  assert.ok(steps[0]?.includes("DownloadString('http://203.0.113.77:8443/a')\""));
  assert.ok(steps[0]?.endsWith('[Microsoft-Windows-Sysmon%4Operational.evtx #4410]'));
  assert.ok(text.includes('  evidence     none kept'));
});

test('renderTextReport shows the inbound source and evidence without a file', () => {
  const text = block(renderTextReport(sampleReport(), WIDE), '4. [MEDIUM]', '\n\n');

  assert.ok(text.includes('  source       198.51.100.200\n  destination  10.0.4.10:3389\n'));
  assert.ok(text.includes('  evidence     2 events: #880, #881'));
});

test('renderTextReport shows suppressed counts by rule and coverage', () => {
  const text = renderTextReport(sampleReport(), WIDE);

  assert.ok(text.includes('Suppressed by the allowlist: 14 findings by 1 rule\n'));
  assert.match(
    text,
    / {5}14 {5}3 {2}image=C:\\Program Files\\Microsoft OneDrive\\OneDrive\.exe {2}beacon, user-writable-outbound\n/,
  );
  assert.ok(text.includes('Coverage from the configuration sysmonconfig-export.xml\n'));
  assert.ok(text.includes('  2 blind spots: Event ID 3 is never logged for\n'));
  assert.match(text, / {4}lolbin {10}bitsadmin\.exe {2}no NetworkConnect include rule names it\n/);
  assert.ok(
    text.includes(
      '  notes        NetworkConnect is include-only: only listed images and ports are logged.',
    ),
  );
});

test('renderTextReport shows the top of the pivot and says how many rows were left out', () => {
  const report = { ...sampleReport(), pivot: pivotFiller(25) };

  const text = renderTextReport(report, WIDE);
  const small = renderTextReport(sampleReport(), { ...WIDE, pivotRows: 2 });

  assert.ok(text.includes('Network pivot: top 20 of 25 rows (5 left out)\n'));
  assert.equal(block(text, 'Network pivot', '\u0000').trimEnd().split('\n').length, 22);
  assert.ok(text.includes('10.0.9.20 ') && !text.includes('10.0.9.21 '));
  assert.ok(small.includes('Network pivot: top 2 of 3 rows (1 left out)\n'));
  assert.ok(renderTextReport(sampleReport(), WIDE).includes('Network pivot: 3 rows\n'));
});

test('renderTextReport says so when a section is empty', () => {
  const text = renderTextReport(EMPTY, WIDE);

  assert.ok(text.includes('  time span    no timed activity\n'));
  assert.ok(text.includes('  computers    none\n'));
  assert.ok(text.includes('  findings     none\n'));
  assert.ok(text.includes('Findings\n  No findings.\n'));
  assert.ok(text.includes('Suppressed by the allowlist: none\n'));
  assert.ok(text.includes('Coverage: not assessed\n'));
  assert.ok(text.endsWith('Network pivot: no outbound connections\n'));
});

test('renderTextReport wraps findings to the width, later lines under the value', () => {
  const text = renderTextReport(sampleReport(), { color: false, width: 60 });
  const findings = block(text, 'Findings\n', 'Suppressed');
  const lines = findings.split('\n');

  // A line runs past the width only to keep one long word (a path, a URL) whole.
  const over = lines.filter((line) => [...line].length > 60);
  assert.ok(over.length > 0);
  assert.ok(
    over.every((line) => /^ *\S+(?: \{[0-9a-f-]+\})?$/.test(line.replace(/^ {2}\w+ +/, ''))),
  );
  assert.ok(
    findings.includes(
      '\n  image        C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\n',
    ),
  );
  assert.ok(findings.includes('  why          rundll32.exe, a signed Windows binary often\n'));
  assert.ok(findings.includes('\n               used to run attacker DLLs, connected to a\n'));
});

test('renderTextReport escapes terminal controls in every field, colour on or off', () => {
  const plain = renderTextReport(hostileReport(), { color: false, width: 1000 });
  const coloured = renderTextReport(hostileReport(), { color: true, width: 1000 });

  assert.ok(!plain.includes('\x1b') && !plain.includes('\r') && !plain.includes('\u202e'));
  assert.ok(!coloured.includes('\x1b[31m') && !coloured.includes('\r'));
  assert.equal(coloured.replace(/\x1b\[[0-9;]*m/g, ''), plain);
  assert.ok(plain.includes(`1. [CRITICAL] chain on computer${EVIL_IN_TEXT}`));
  assert.ok(
    plain.includes(
      '5. [SEV\\x1b[31M\\r<SCRIPT>ALERT(1)</SCRIPT>" ONMOUSEOVER="X JAVASCRIPT:ALERT(2) ' +
        `\\u202eGPJ.EXE] kind${EVIL_IN_TEXT} on`,
    ),
  );
  assert.ok(plain.includes(`computers    2: WS${EVIL_IN_TEXT}, DC${EVIL_IN_TEXT}`));
});

test('renderTextReport colours only when asked', () => {
  const coloured = renderTextReport(sampleReport(), { color: true });
  const plain = renderTextReport(sampleReport(), { color: false });

  assert.ok(coloured.includes('1. \x1b[1;97;41m[CRITICAL]\x1b[0m \x1b[1mchain\x1b[0m on '));
  assert.ok(coloured.includes('4. \x1b[33m[MEDIUM]\x1b[0m'));
  assert.ok(coloured.startsWith('\x1b[1mevtxhunt hunt report\x1b[0m\n'));
  assert.ok(!plain.includes('\x1b'));
});

test('renderTextReport shows every ProcessGuid, the sweep destinations and the kinds also matched', () => {
  const text = renderTextReport({ ...sampleReport(), findings: [SWEEP] }, WIDE);
  const lines = block(text, '1. [HIGH]', '\n\n').trimEnd().split('\n');

  assert.deepEqual(lines, [
    '1. [HIGH] lateral-movement on WS-FIN-07.corp.example',
    '  image        C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe ' +
      '{6f1c2a7e-5a10-6632-4c01-000000000b00}',
    '  processes    3: {6f1c2a7e-5a10-6632-4c01-000000000b00}, ' +
      '{6f1c2a7e-5a44-6632-4d01-000000000b00}, {6f1c2a7e-5a71-6632-4e01-000000000b00}',
    '  destination  10.0.4.21:445',
    '  destinations 12 addresses on port 445: 10.0.4.21, 10.0.4.22, 10.0.4.23, 10.0.4.24, ' +
      '10.0.4.25, 10.0.4.26, 10.0.4.27, 10.0.4.28, 10.0.4.29, 10.0.4.30 and 2 more',
    '  seen         2024-05-01T08:30:00.0000000Z .. 2024-05-01T08:41:00.0000000Z, 12 times',
    '  why          powershell.exe reached SMB (445) on 12 internal hosts in 11 minutes.',
    '  also matches lolbin-outbound',
    '  evidence     12 events: Microsoft-Windows-Sysmon%4Operational.evtx #7000, #7001, #7002 ' +
      'and 9 more',
  ]);
});

test('renderTextReport shows a lolbin-inbound finding with where it came from', () => {
  const text = renderTextReport({ ...sampleReport(), findings: [LOLBIN_INBOUND] }, WIDE);
  const lines = block(text, '1. [HIGH]', '\n\n').trimEnd().split('\n');

  // One ProcessGuid only: no `processes` line repeating it.
  assert.deepEqual(lines.slice(0, 5), [
    '1. [HIGH] lolbin-inbound on DC01.corp.example',
    '  image        C:\\Windows\\System32\\mshta.exe {6f1c2a7e-6b20-6632-5f01-000000000b00}',
    '  source       198.51.100.77',
    '  destination  10.0.4.10:8080',
    '  seen         2024-05-01T08:50:00.0000000Z .. 2024-05-01T08:50:00.0000000Z, 1 time',
  ]);
  assert.ok(text.includes('by kind: 1 lolbin-inbound'));
});

test('renderTextReport escapes ProcessGuids, destinations and kinds also matched', () => {
  const plain = renderTextReport(hostileReport(), { color: false, width: 1000 });

  assert.ok(plain.includes(`  processes    2: guid-1${EVIL_IN_TEXT}, guid-2${EVIL_IN_TEXT}\n`));
  assert.ok(plain.includes(`: 10.0.0.1${EVIL_IN_TEXT}, 10.0.0.2${EVIL_IN_TEXT}\n`));
  assert.ok(plain.includes(`  also matches kind${EVIL_IN_TEXT}\n`));
  assert.ok(!plain.includes('\x1b') && !plain.includes('\u202e'));
});

test('renderTextReport counts the evidence the engine left out past its limit', () => {
  const report = sampleReport();
  const [first, ...rest] = report.findings;
  if (first === undefined) throw new Error('the sample has findings');
  const cut = { ...first, evidence: first.evidence.slice(0, 2), evidenceOmitted: 998 };
  const text = renderTextReport({ ...report, findings: [cut, ...rest] }, WIDE);

  assert.match(text, /  evidence {5}1000 events: .*#\d+, #\d+ and 998 more\n/);
});
