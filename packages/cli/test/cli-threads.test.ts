/**
 * `--threads`: the pool's workers must give what the main thread alone gives, byte for byte,
 * on the bundled sample and (where it is there) on the shared corpus, whose files are small
 * enough that EVTXHUNT_POOL_MIN_SLOTS=0 is set to send them through the pool all the same.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { defaultThreads, threadsOption } from '../src/threads-option.js';
import { ISSUE43, SHARED, SKIP_SHARED, runEvtxhunt, runEvtxhuntWith } from './run-cli.js';

const POOL_EVERY_FILE = { EVTXHUNT_POOL_MIN_SLOTS: '0' };

/** Runs `args` with one thread and with two, and asserts the runs are the same. */
async function assertSameWithThreads(args: readonly string[]): Promise<string> {
  const one = await runEvtxhuntWith(POOL_EVERY_FILE, ...args, '--threads', '1');
  const two = await runEvtxhuntWith(POOL_EVERY_FILE, ...args, '--threads', '2');
  assert.equal(two.status, one.status, `${args.join(' ')}: status`);
  assert.equal(two.stderr, one.stderr, `${args.join(' ')}: stderr`);
  assert.ok(two.stdout === one.stdout, `${args.join(' ')}: stdout differs`);
  return one.stdout;
}

test('dump --threads 2 writes the sample as one thread does, JSON lines and XML', async () => {
  const jsonl = await assertSameWithThreads(['dump', ISSUE43]);
  const xml = await assertSameWithThreads(['dump', '--format', 'xml', ISSUE43]);
  const queried = await assertSameWithThreads([
    'dump',
    '--query',
    'DestinationPort:>1024',
    ISSUE43,
  ]);

  assert.equal(jsonl.split('\n').length - 1, 1730);
  assert.equal(xml.split('\n').length - 1, 1730);
  assert.equal(queried.split('\n').length - 1, 33);
});

test("dump --slack leaves out the sample's 71 slack records, copies of live ones, on 1 or 2 threads", async () => {
  const plain = await runEvtxhunt('dump', ISSUE43);
  const jsonl = await assertSameWithThreads(['dump', '--slack', ISSUE43]);
  await assertSameWithThreads(['dump', '--slack', '--format', 'xml', ISSUE43]);
  const slack = await runEvtxhunt('dump', '--slack', ISSUE43);

  // Every record of the sample's unused space repeats a live record of the chunk before it.
  assert.ok(jsonl === plain.stdout);
  const notes = slack.stderr.split('\n').filter((line) => line.includes(': info: '));
  assert.equal(notes.length, 71);
  assert.equal(
    notes[0],
    `${ISSUE43}: info: record at 0x164298 (chunk 22, record 1648): recovered record at 0x164298 repeats the live record at 0x154298 (slot 21); not output again`,
  );
});

test(
  'dump --slack adds the older records of a slack-rich log after the live ones, on 1 or 2 threads',
  { skip: SKIP_SHARED },
  async () => {
    const file = `${SHARED}/velociraptor/EID4769_Kerberoasting.evtx`;
    const jsonl = await assertSameWithThreads(['dump', '--slack', file]);
    const flags = jsonl
      .trimEnd()
      .split('\n')
      .map((line) => line.includes('"recovered":true'));

    // 9 live records, then the 72 older Kerberos events left in the unused space.
    assert.deepEqual(flags, [...Array(9).fill(false), ...Array(72).fill(true)]);
  },
);

test('info, pivot, hunt and timeline take --slack, as one thread and as two', async () => {
  const info = await runEvtxhunt('info', '--slack', ISSUE43);
  assert.equal(info.status, 0);
  assert.match(info.stderr, /complete +1730 +0 /);
  await assertSameWithThreads(['pivot', '--slack', ISSUE43]);
  await assertSameWithThreads(['hunt', '--slack', '--format', 'json', ISSUE43]);
  const timeline = await runEvtxhunt('timeline', '--slack', ISSUE43);
  assert.equal(timeline.status, 0);
});

test('dump --threads 2 writes the sample as one thread does without the small-file switch', async () => {
  // The sample has 33 slots, enough to go through the pool with the default threshold.
  const one = await runEvtxhunt('dump', ISSUE43, '--threads', '1');
  const two = await runEvtxhunt('dump', ISSUE43, '--threads', '2');
  assert.ok(two.stdout === one.stdout);
  assert.equal(two.status, 0);
});

test('pivot and hunt --threads 2 give the sample the result of one thread', async () => {
  const pivot = await assertSameWithThreads(['pivot', '--json', ISSUE43]);
  await assertSameWithThreads(['pivot', '--all-events', '--by', 'eventId,computer', ISSUE43]);
  const hunt = await assertSameWithThreads(['hunt', '--format', 'json', ISSUE43]);

  assert.equal((JSON.parse(pivot) as { selected: number }).selected, 137);
  const report = JSON.parse(hunt) as { sources: { recordsRead: number }[] };
  assert.deepEqual(
    report.sources.map((source) => source.recordsRead),
    [1730],
  );
});

test('pivot --threads 2 groups by any field, selects and skips duplicates as one thread does', async () => {
  // The workers send a selected record with only the fields the pivot reads: System fields,
  // the --by fields and the destination port, host name and UtcTime; the log given twice makes
  // every record of the second copy a duplicate the main thread must recognise by identity.
  const args = ['pivot', '--json', ISSUE43, ISSUE43];
  const byImage = await assertSameWithThreads([...args, '--by', 'computer,Image,SourcePort']);
  const queried = await assertSameWithThreads([
    ...args,
    '--all-events',
    '--by',
    'eventId,file,TargetFilename',
    '--query',
    'eventId:2 OR DestinationPort:>1024',
    '--where',
    'Image~e',
  ]);

  const grouped = JSON.parse(byImage) as { seen: number; selected: number; rows: unknown[] };
  assert.deepEqual([grouped.seen, grouped.selected], [1730, 137]);
  const picked = JSON.parse(queried) as { selected: number; rows: { key: string[] }[] };
  assert.ok(picked.rows.some((row) => row.key[0] === '2' && row.key[2] !== ''));
  assert.ok(picked.selected > 0 && picked.selected < 1730);
});

test('dump --threads refuses a count that is not a whole number from 1', async () => {
  for (const bad of ['0', 'two', '1.5', '65']) {
    const run = await runEvtxhunt('dump', ISSUE43, '--threads', bad);
    assert.equal(run.status, 2);
    assert.match(run.stderr, new RegExp(`needs a whole number from 1 to 64, not '${bad}'`));
    assert.equal(run.stdout, '');
  }
});

test('threadsOption takes the count given, else the fallback: by default the cores, at most 64', () => {
  assert.equal(defaultThreads(2), 2);
  assert.equal(defaultThreads(256), 64);
  assert.equal(defaultThreads(0), 1);
  assert.equal(threadsOption(undefined, 1), 1);
  assert.equal(threadsOption('3', 1, 4), 3);
  assert.equal(threadsOption(undefined), defaultThreads());
});

test('threadsOption cuts a count above the cores to the cores', () => {
  assert.equal(threadsOption('64', 1, 2), 2);
  assert.equal(threadsOption('2', 1, 2), 2);
  assert.equal(threadsOption('8', 1, 1), 1);
  assert.throws(() => threadsOption('65', 1, 2), /from 1 to 64, not '65'/);
});

test(
  'dump --threads 2 writes the whole shared corpus as one thread does',
  { skip: SKIP_SHARED },
  async () => {
    const jsonl = await assertSameWithThreads(['dump', SHARED]);
    await assertSameWithThreads(['dump', '--format', 'xml', SHARED]);
    assert.ok(jsonl.split('\n').length > 20000);
  },
);

test(
  'pivot and hunt --threads 2 give the whole shared corpus the result of one thread',
  { skip: SKIP_SHARED },
  async () => {
    await assertSameWithThreads(['pivot', '--json', SHARED]);
    await assertSameWithThreads(['pivot', '--all-events', '--by', 'eventId,channel', SHARED]);
    const hunt = await assertSameWithThreads(['hunt', '--format', 'json', SHARED]);
    assert.ok((JSON.parse(hunt) as { sources: unknown[] }).sources.length > 400);
  },
);
