/**
 * The built CLI on the shared corpus (/work/shared/samples/evtx; origins in its INVENTORY.tsv).
 * Skips with a message where the corpus is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

import { ISSUE43, SHARED, SKIP_SHARED, runEvtxhunt, withoutAccount } from './run-cli.js';

const BAD_CHUNK = `${SHARED}/evtx-rs/sample_with_a_bad_chunk_magic.evtx`;
const ZERO_BYTES = `${SHARED}/hayabusa/test1.evtx`;
const XML_NAMED_EVTX = `${SHARED}/soc-investigation-lab/sysmon.evtx`;
const EMPTY_LOG = `${SHARED}/ultra842-fix/Microsoft-Windows-Sysmon%4Operational.evtx`;

/** Event ID 3 counts per file from INVENTORY.tsv (evtxexport's histogram). */
function inventoryEid3(names: readonly string[]): Map<string, number> {
  const lines = readFileSync(`${SHARED}/INVENTORY.tsv`, 'utf8').trim().split('\n').slice(1);
  const counts = new Map<string, number>();
  for (const line of lines) {
    const [path = '', , , , , , histogram = ''] = line.split('\t');
    const eid3 = /(?:^|,)3:(\d+)/.exec(histogram);
    if (names.includes(path)) counts.set(`${SHARED}/${path}`, Number(eid3?.[1] ?? 0));
  }
  return counts;
}

test(
  'a file with bad chunk magic: warnings with file and hex offset, records out, exit 1',
  { skip: SKIP_SHARED },
  async () => {
    const run = await runEvtxhunt('dump', BAD_CHUNK);
    const warnings = withoutAccount(run.stderr).trimEnd().split('\n');

    assert.equal(run.status, 1);
    // evtxexport's 267 live records, and 113 flagged recovered: 31 behind the zeroed page of
    // chunk 7 (its CRC fails), 15 and 67 behind the destroyed headers of slots 6 and 10.
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 267 + 113);
    assert.equal(lines.filter((line) => line.endsWith(',"recovered":true}')).length, 113);
    assert.ok(warnings.length > 0);
    for (const line of warnings) {
      assert.ok(line.startsWith(`${BAD_CHUNK}: `), line);
      assert.match(line, / at 0x[0-9a-f]+/);
    }
    assert.match(run.stderr, /chunk header at 0x61000 \(chunk 6\)/);
  },
);

test('a 0-byte file is unreadable: exit 2, nothing out', { skip: SKIP_SHARED }, async () => {
  const run = await runEvtxhunt('dump', ZERO_BYTES);

  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, new RegExp(`: error: file header at 0x0: `));
});

test(
  'an XML file named .evtx is read as XML, by content: exit 0',
  { skip: SKIP_SHARED },
  async () => {
    const run = await runEvtxhunt('dump', XML_NAMED_EVTX);
    const record = JSON.parse(run.stdout) as { eventId: number; data: Record<string, string> };

    assert.equal(run.status, 0);
    assert.equal(record.eventId, 4688);
    assert.equal(
      record.data['NewProcessName'],
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
  },
);

test(
  'an unreadable file does not stop the others; the worst status wins',
  { skip: SKIP_SHARED },
  async () => {
    const run = await runEvtxhunt('pivot', '--json', ZERO_BYTES, ISSUE43);

    assert.equal(run.status, 2);
    assert.equal(JSON.parse(run.stdout).selected, 137);
  },
);

test(
  'an empty log (valid header, no records) reads cleanly: exit 0',
  { skip: SKIP_SHARED },
  async () => {
    const run = await runEvtxhunt('info', '--json', EMPTY_LOG);
    const [report] = JSON.parse(run.stdout);

    assert.equal(run.status, 0);
    assert.deepEqual(report.summary.records, { read: 0, failed: 0, missing: 0 });
  },
);

test(
  'pivot counts the Event ID 3 records of the sysmon_3 samples like evtxexport',
  { skip: SKIP_SHARED },
  async () => {
    const folder = 'evtx-attack-samples';
    const names = readdirSync(`${SHARED}/${folder}`)
      .filter((name) => /sysmon_3/i.test(name))
      .map((name) => `${folder}/${name}`);
    const expected = inventoryEid3(names);
    const args = ['--all-events', '--where', 'eventId=3', '--by', 'file'];
    const run = await runEvtxhunt('pivot', '--json', ...args, ...expected.keys());
    const rows: { key: string[]; count: number }[] = JSON.parse(run.stdout).rows;

    assert.equal(run.status, 0);
    assert.ok(expected.size >= 3);
    const found = new Map(rows.map((row) => [row.key[0], row.count]));
    for (const [file, count] of expected) assert.equal(found.get(file) ?? 0, count, file);
  },
);

test('pivot walks a directory for .evtx files', { skip: SKIP_SHARED }, async () => {
  const run = await runEvtxhunt(
    'pivot',
    '--json',
    '--all-events',
    '--by',
    'file',
    `${SHARED}/python-evtx`,
  );
  const files = JSON.parse(run.stdout)
    .rows.map((row: { key: string[] }) => row.key[0])
    .sort();

  assert.deepEqual(files, [
    `${SHARED}/python-evtx/dns_log_malformed.evtx`,
    `${SHARED}/python-evtx/issue_43.evtx`,
  ]);
});
