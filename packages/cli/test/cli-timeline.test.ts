/**
 * `evtxhunt timeline` on the repo-local sample samples/sysmon-issue43.evtx: the WannaCry run of
 * 2017-10-23 (tasksche.exe starting @WanaDecryptor@.exe and its Tor client taskhsvc.exe).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ISSUE43, runEvtxhunt, withoutAccount } from './run-cli.js';

const TASKSCHE = '{0b8f529f-9a78-59ed-0000-00105ad78f01}';

interface Row {
  time: string;
  kind: string;
  eventId: number;
  image?: string;
  processGuid?: string;
  summary: string;
  evidence: { file: string; recordId: string; eventId: number; time: string };
}

function jsonRows(stdout: string): Row[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Row);
}

function kindCounts(rows: readonly Row[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
  return counts;
}

test('timeline --process: tasksche.exe, everything it started and their connections', async () => {
  const run = await runEvtxhunt('timeline', '--json', '--process', TASKSCHE, ISSUE43);
  const rows = jsonRows(run.stdout);
  const byRecord = new Map(rows.map((row) => [row.evidence.recordId, row]));

  assert.equal(run.status, 0);
  assert.equal(withoutAccount(run.stderr), '');
  assert.deepEqual(kindCounts(rows), { 'process-start': 58, 'process-end': 53, network: 22 });
  assert.deepEqual(rows[0], {
    time: '2017-10-23T07:30:00.6290000Z',
    computer: 'DESKTOP-DF4ULDE',
    kind: 'process-start',
    eventId: 1,
    image: 'C:\\tool-test\\tools\\tasksche\\tasksche.exe',
    processGuid: TASKSCHE,
    summary: '"C:\\tool-test\\tools\\tasksche\\tasksche.exe" ',
    evidence: { file: ISSUE43, recordId: '774', eventId: 1, time: '2017-10-23T07:30:00.6290000Z' },
  });
  assert.equal(byRecord.get('1605')?.summary, 'TaskData\\Tor\\taskhsvc.exe');
  assert.equal(
    byRecord.get('1623')?.summary,
    'tcp 127.0.0.1:51190 -> 127.0.0.1:9050 (DESKTOP-DF4ULDE)',
  );
  assert.equal(byRecord.get('1628')?.summary, 'vssadmin  delete shadows /all /quiet ');
  assert.deepEqual(
    rows.map((row) => row.time),
    rows.map((row) => row.time).sort(),
  );
});

test('timeline --image: the decryptor by file name, any case, with its parents’ starts', async () => {
  const run = await runEvtxhunt('timeline', '--json', '--image', '@wanadecryptor@.EXE', ISSUE43);
  const rows = jsonRows(run.stdout);
  const own = rows.filter((row) => row.image?.endsWith('\\@WanaDecryptor@.exe'));
  const others = rows.filter((row) => !own.includes(row));

  assert.equal(run.status, 0);
  assert.deepEqual(kindCounts(rows), { 'process-start': 21, 'process-end': 17, network: 10 });
  assert.equal(own.length, 46);
  assert.equal(new Set(own.map((row) => row.processGuid)).size, 19);
  assert.deepEqual(
    others.map((row) => [row.evidence.recordId, row.kind, row.image]),
    [
      ['774', 'process-start', 'C:\\tool-test\\tools\\tasksche\\tasksche.exe'],
      ['1572', 'process-start', 'C:\\Windows\\SysWOW64\\cmd.exe'],
    ],
  );
});

test('timeline text: heading, escaped cells and a tally of what was shown', async () => {
  const run = await runEvtxhunt('timeline', '--process', TASKSCHE, ISSUE43);
  const lines = run.stdout.trimEnd().split('\n');

  assert.equal(run.status, 0);
  assert.match(
    lines[0] ?? '',
    /^time \(UTC\) +computer +event +kind +process +ProcessGuid +summary$/,
  );
  assert.match(
    lines[1] ?? '',
    /^2017-10-23T07:30:00\.6290000Z {2}DESKTOP-DF4ULDE +1 {2}process-start +tasksche\.exe +\{0b8f529f-9a78-59ed-0000-00105ad78f01\} +"C:\\tool-test/,
  );
  assert.equal(lines.at(-1), '133 events shown of 860 activities read');
});

test('timeline of everything: every Sysmon 1, 3 and 5 record, in time order', async () => {
  const run = await runEvtxhunt('timeline', '--json', ISSUE43);
  const rows = jsonRows(run.stdout);

  assert.equal(run.status, 0);
  assert.deepEqual(kindCounts(rows), { 'process-start': 356, 'process-end': 351, network: 153 });
  assert.ok(rows.every((row, i) => i === 0 || (rows[i - 1]?.time ?? '') <= row.time));
});

test('timeline: an unknown ProcessGuid is said on stderr; both filters at once are misuse', async () => {
  const unknown = await runEvtxhunt(
    'timeline',
    '--process',
    '{00000000-1111-2222-3333-444444444444}',
    ISSUE43,
  );
  const both = await runEvtxhunt('timeline', '--process', TASKSCHE, '--image', 'cmd.exe', ISSUE43);
  const none = await runEvtxhunt('timeline');

  assert.equal(unknown.status, 0);
  assert.equal(
    withoutAccount(unknown.stderr),
    'evtxhunt: no process with ProcessGuid {00000000-1111-2222-3333-444444444444} in these logs\n',
  );
  assert.match(unknown.stdout, /^0 events shown of 860 activities read$/m);
  assert.equal(both.status, 2);
  assert.match(both.stderr, /options '--process' and '--image' cannot be used together/);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /timeline needs at least one path/);
});
