/** The built CLI on the repo-local sample samples/sysmon-issue43.evtx (1730 Sysmon records). */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { accountRows, ISSUE43, runEvtxhunt, withoutAccount } from './run-cli.js';

// First and last seen are Sysmon's UtcTime, the same times `hunt` shows for these groups.
test('pivot --json: top groups of the initiated Sysmon connections, with real values', async () => {
  const run = await runEvtxhunt('pivot', '--json', ISSUE43);
  const result = JSON.parse(run.stdout);

  assert.equal(run.status, 0);
  assert.equal(withoutAccount(run.stderr), '');
  assert.deepEqual(accountRows(run.stderr), [
    {
      state: 'complete',
      read: 1730,
      recovered: 0,
      failed: 0,
      missing: 0,
      duplicates: 0,
      chunksDamaged: 0,
      chunksUnreadable: 0,
      limitsHit: 0,
      file: ISSUE43,
    },
  ]);
  assert.deepEqual(result.by, ['Image', 'DestinationIp']);
  assert.equal(result.seen, 1730);
  assert.equal(result.selected, 137);
  assert.deepEqual(result.rows[0], {
    key: ['C:\\Windows\\System32\\svchost.exe', '220.202.77.124'],
    count: 11,
    ports: ['80'],
    hostnames: [],
    firstSeen: '2017-10-23T07:14:47.5870000Z',
    lastSeen: '2017-10-23T07:14:47.8790000Z',
  });
  assert.deepEqual(result.rows[1].key, ['C:\\Windows\\System32\\svchost.exe', '61.163.111.70']);
  assert.equal(result.rows[1].count, 11);
});

test('pivot: the WannaCry decryptor talking to Tor on 127.0.0.1:9050', async () => {
  const run = await runEvtxhunt('pivot', '--json', '--where', 'Image~wanadecryptor', ISSUE43);
  const rows = JSON.parse(run.stdout).rows;

  assert.equal(run.status, 0);
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0], {
    key: ['C:\\tool-test\\tools\\tasksche\\@WanaDecryptor@.exe', '127.0.0.1'],
    count: 10,
    ports: ['9050'],
    hostnames: ['DESKTOP-DF4ULDE'],
    firstSeen: '2017-10-23T07:32:28.1780000Z',
    lastSeen: '2017-10-23T07:39:43.4620000Z',
  });
});

test('pivot text: table heading, top row and tally', async () => {
  const run = await runEvtxhunt('pivot', ISSUE43);
  const lines = run.stdout.trimEnd().split('\n');

  assert.equal(run.status, 0);
  assert.match(
    lines[0] ?? '',
    /^count {2}Image {2,}DestinationIp {2,}ports {2,}hostnames {2,}first seen/,
  );
  assert.match(
    lines[1] ?? '',
    /^ {3}11 {2}C:\\Windows\\System32\\svchost\.exe +220\.202\.77\.124 +80 +- +/,
  );
  assert.equal(lines.at(-1), `${lines.length - 3} groups from 137 of 1730 records`);
});

test('pivot --all-events --by eventId counts every record by event id', async () => {
  const run = await runEvtxhunt('pivot', '--json', '--all-events', '--by', 'eventId', ISSUE43);
  const counts = JSON.parse(run.stdout).rows.map((row: { key: string[]; count: number }) => [
    row.key[0],
    row.count,
  ]);

  assert.deepEqual(counts, [
    ['2', 851],
    ['1', 356],
    ['5', 351],
    ['3', 153],
    ['6', 13],
    ['16', 3],
    ['4', 3],
  ]);
});

test('dump writes 1730 JSON lines, each a structured record plus file', async () => {
  const run = await runEvtxhunt('dump', ISSUE43);
  const lines = run.stdout.trimEnd().split('\n');
  const first = JSON.parse(lines[0] ?? '');

  assert.equal(run.status, 0);
  assert.equal(lines.length, 1730);
  assert.equal(first.file, ISSUE43);
  assert.equal(first.recordId, '1');
  assert.equal(first.eventId, 16);
  assert.equal(first.provider, 'Microsoft-Windows-Sysmon');
  assert.equal(first.timeCreated, '2017-09-03T12:53:24.6694851Z');
  assert.equal(JSON.parse(lines[1729] ?? '').recordId, '1730');
});

test('dump --format xml writes one Windows-style event per line', async () => {
  const run = await runEvtxhunt('dump', '--format', 'xml', ISSUE43);
  const lines = run.stdout.trimEnd().split('\n');

  assert.equal(run.status, 0);
  assert.equal(lines.length, 1730);
  assert.match(
    lines[0] ?? '',
    /^<Event xmlns='http:\/\/schemas\.microsoft\.com\/win\/2004\/08\/events\/event'>/,
  );
  assert.match(lines[0] ?? '', /<EventRecordID>1<\/EventRecordID>/);
});

test('info: header facts, record counts, chunk table and no damage', async () => {
  const run = await runEvtxhunt('info', ISSUE43);

  assert.equal(run.status, 0);
  assert.match(run.stdout, /^ {2}size {12}2166784 bytes$/m);
  assert.match(run.stdout, /^ {2}next record id {2}1731$/m);
  assert.match(run.stdout, /^ {2}records {9}1730 read, 0 failed$/m);
  assert.match(run.stdout, /^ +0 {2}0x1000 +ok +1-78 +valid +valid$/m);
  assert.match(run.stdout, /^ {2}damage {10}none found$/m);
});

test('info --json: one object per file with header, chunks and summary', async () => {
  const run = await runEvtxhunt('info', '--json', ISSUE43);
  const [report] = JSON.parse(run.stdout);

  assert.equal(run.status, 0);
  assert.equal(report.file, ISSUE43);
  assert.equal(report.header.nextRecordId, '1731');
  assert.equal(report.header.chunkCount, 23);
  assert.equal(report.chunks.length, 33);
  assert.deepEqual(report.summary.records, { read: 1730, failed: 0, missing: 0 });
});

test('usage errors exit 2 and name the problem', async () => {
  const unknown = await runEvtxhunt('pivot', '--bogus', ISSUE43);
  const where = await runEvtxhunt('pivot', '--where', 'Image', ISSUE43);
  const command = await runEvtxhunt('carv', ISSUE43);
  const none = await runEvtxhunt('dump');

  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown option '--bogus'/);
  assert.equal(where.status, 2);
  assert.match(where.stderr, /--where: Cannot parse filter "Image": expected =, != or ~/);
  assert.equal(command.status, 2);
  assert.match(command.stderr, /unknown command 'carv'/);
  assert.equal(none.status, 2);
  assert.equal(none.stdout, '');
});

test('--help prints each command’s usage to stdout and exits 0', async () => {
  for (const command of ['info', 'dump', 'pivot']) {
    const run = await runEvtxhunt(command, '--help');

    assert.equal(run.status, 0);
    assert.match(run.stdout, new RegExp(`^Usage: evtxhunt ${command} `));
  }
});

test('a missing file is reported and the other files are still read', async () => {
  const run = await runEvtxhunt('dump', '/nonexistent/missing.evtx', ISSUE43);

  assert.equal(run.status, 2);
  assert.equal(run.stdout.trimEnd().split('\n').length, 1730);
  assert.match(run.stderr, /^\/nonexistent\/missing\.evtx: error: ENOENT/m);
});

test('pivot reads a log given twice once, and explains an empty result', async () => {
  const twice = await runEvtxhunt('pivot', '--json', ISSUE43, ISSUE43);
  const once = await runEvtxhunt('pivot', '--json', ISSUE43);
  assert.equal(twice.stdout, once.stdout);
  assert.equal(
    withoutAccount(twice.stderr),
    'evtxhunt: 1730 duplicate records (read twice) counted once\n',
  );
  const total = accountRows(twice.stderr).at(-1);
  assert.deepEqual([total?.state, total?.read, total?.file], ['all complete', 3460, 'total']);

  const empty = await runEvtxhunt('pivot', '--query', 'eventId:22', ISSUE43);
  assert.match(
    empty.stderr,
    /no initiated Sysmon Event ID 3 matched; pivot looks only at those unless --all-events is given/,
  );
});
