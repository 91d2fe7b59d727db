import assert from 'node:assert/strict';
import { copyFile, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { setTimeout as sleep } from 'node:timers/promises';

import { taskSize } from '../../src/parallel/chunk-pool.js';
import { ChunkPool, EvtxFile, openFileSource } from '../../src/node.js';
import { corpusFiles, SAMPLE_PATH } from '../support/corpus-files.js';
import { RECORD_KEYS_JOB, type RecordKeysOptions } from '../support/record-keys-job.js';
import { THREAD_JOB } from '../support/thread-job.js';
import { readPooled, readSequential } from '../support/slot-reading.js';

function keysPool(
  threads: number,
  options: RecordKeysOptions = {},
  slotsPerTask = 4,
  parseHere = false,
) {
  return new ChunkPool<string>({
    threads,
    job: { module: RECORD_KEYS_JOB, options },
    slotsPerTask,
    parseHere,
  });
}

/** The pools the tests hold to a sequential read: workers alone, and one helped by this thread. */
const POOLS = [
  { threads: 1, parseHere: false },
  { threads: 2, parseHere: false },
  { threads: 1, parseHere: true },
];

let dir = '';
let damaged = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evtxhunt-pool-'));
  damaged = join(dir, 'wiped-and-cut.evtx');
  await copyFile(SAMPLE_PATH, damaged);
  const handle = await open(damaged, 'r+');
  await handle.write(new Uint8Array(65536), 0, 65536, 4096 + 5 * 65536);
  await handle.truncate(4096 + 19 * 65536 + 1000);
  await handle.close();
});
after(() => rm(dir, { recursive: true }));

test('ChunkPool gives the sample, whole and damaged, what a sequential read gives', async () => {
  for (const { threads, parseHere } of POOLS) {
    const pool = keysPool(threads, {}, 4, parseHere);
    try {
      for (const path of [SAMPLE_PATH, damaged]) {
        assert.deepEqual(
          await readPooled(pool, path),
          await readSequential(path),
          `${threads} ${parseHere} ${path}`,
        );
      }
    } finally {
      await pool.close();
    }
  }
});

test('ChunkPool reads a file rewritten at the same path between two reads afresh', async () => {
  // A thread keeps the file of one read open with its templates; the second read must not
  // reuse them (or the old size) for the new bytes at the same path.
  const path = join(dir, 'rewritten.evtx');
  const pool = keysPool(2, {}, 4);
  try {
    await copyFile(damaged, path);
    assert.deepEqual(await readPooled(pool, path), await readSequential(path), 'damaged first');
    await copyFile(SAMPLE_PATH, path);
    const whole = await readPooled(pool, path);
    assert.deepEqual(whole, await readSequential(path), 'whole second');
    assert.equal(whole.summary.records.failed, 0);
  } finally {
    await pool.close();
  }
});

test('ChunkPool reads the unused space of a file opened with slack, as a sequential read does', async () => {
  // 71 records in the sample's unused space read sequentially; 31 of them borrow a template
  // from an earlier chunk, which a thread that had not parsed it must parse first. Every one
  // repeats a live record of another chunk, so none is output.
  const expected = await readSequential(SAMPLE_PATH, { slack: true });
  assert.equal(expected.summary.records.recovered, undefined);
  assert.equal(expected.summary.records.duplicates, 71);
  assert.equal(expected.keys.length, expected.summary.records.read);
  for (const { threads, parseHere } of POOLS) {
    const pool = keysPool(threads, {}, 4, parseHere);
    try {
      const pooled = await readPooled(pool, SAMPLE_PATH, { slack: true });
      assert.deepEqual(pooled, expected, `${threads} ${parseHere}`);
    } finally {
      await pool.close();
    }
  }
});

test('ChunkPool gives the slack records of a file whose live copies were wiped, as EvtxFile does', async () => {
  // Slot 21 wiped: the records left in chunk 22's unused space repeat no live record now, and
  // some borrow a template from an earlier chunk when read again at the end of the pass.
  const wiped = join(dir, 'slack-without-copies.evtx');
  await copyFile(SAMPLE_PATH, wiped);
  const handle = await open(wiped, 'r+');
  await handle.write(new Uint8Array(65536), 0, 65536, 4096 + 21 * 65536);
  await handle.close();

  const expected = await readSequential(wiped, { slack: true });
  const { read, recovered, duplicates } = expected.summary.records;
  assert.deepEqual([read, recovered, duplicates], [1645, 71, undefined]);
  assert.equal(expected.keys.length, 1645 + 71);
  for (const { threads, parseHere } of POOLS) {
    const pool = keysPool(threads, {}, 4, parseHere);
    try {
      assert.deepEqual(await readPooled(pool, wiped, { slack: true }), expected, `${threads}`);
    } finally {
      await pool.close();
    }
  }
});

test('ChunkPool reports a slot whose job throws and still gives every other slot', async () => {
  for (const { threads, parseHere } of POOLS) await assertFailedSlot(threads, parseHere);
});

async function assertFailedSlot(threads: number, parseHere: boolean): Promise<void> {
  // One slot per task, so slot 3 runs on this thread in some reads when it parses too.
  const pool = keysPool(threads, { failSlot: 3 }, 1, parseHere);
  try {
    const pooled = await readPooled(pool, SAMPLE_PATH);
    const whole = await readSequential(SAMPLE_PATH);
    const lost = whole.chunks[3]?.records ?? 0;

    assert.equal(lost, 75);
    assert.equal(pooled.keys.length, 1730 - lost);
    assert.deepEqual(pooled.summary.records, { read: 1730 - lost, failed: lost, missing: 0 });
    assert.equal(pooled.summary.lost, true);
    assert.deepEqual(
      pooled.summary.diagnostics.map((d) => [d.severity, d.chunkIndex, d.offset, d.message]),
      [
        [
          'error',
          3,
          4096 + 3 * 65536,
          'slot 3 not read: the chunk job threw Error: asked to fail on slot 3; its 75 records are lost',
        ],
      ],
    );
  } finally {
    await pool.close();
  }
}

test('ChunkPool with parseHere shares the slots between this thread and its workers', async () => {
  const pool = new ChunkPool<string>({
    threads: 1,
    job: { module: THREAD_JOB, options: {} },
    slotsPerTask: 1,
    parseHere: true,
  });
  const source = await openFileSource(SAMPLE_PATH);
  try {
    // Until its worker is ready, this thread takes every task.
    await pool.start();
    const evtx = await EvtxFile.open(source);
    const where = new Map<string, number>();
    for await (const { output } of pool.read(evtx, SAMPLE_PATH)) {
      if (output !== undefined) where.set(output, (where.get(output) ?? 0) + 1);
    }

    // The first task goes to the ready worker, more as it answers; meanwhile this thread takes
    // the next ones.
    assert.equal((where.get('main') ?? 0) + (where.get('worker') ?? 0), 23);
    assert.ok((where.get('main') ?? 0) >= 1, `main parsed ${where.get('main')} slots`);
    assert.ok((where.get('worker') ?? 0) >= 1, `the worker parsed ${where.get('worker')} slots`);
  } finally {
    await source.close();
    await pool.close();
  }
});

test('ChunkPool with parseHere gives a worker no task before it has started', async () => {
  const pool = new ChunkPool<string>({
    threads: 1,
    job: { module: THREAD_JOB, options: { workerStartMs: 1500 } },
    slotsPerTask: 1,
    parseHere: true,
  });
  const source = await openFileSource(SAMPLE_PATH);
  try {
    const evtx = await EvtxFile.open(source);
    const where: string[] = [];
    for await (const { output } of pool.read(evtx, SAMPLE_PATH)) {
      if (output !== undefined) where.push(output);
    }

    // The worker takes 1.5 s to load its job; this thread reads the sample alone meanwhile.
    assert.deepEqual(where, Array<string>(23).fill('main'));
  } finally {
    await source.close();
    await pool.close();
  }
});

test('ChunkPool parses at most its window of tasks ahead of a slow consumer, in order', async () => {
  const window = 3;
  const pool = new ChunkPool<string>({
    threads: 1,
    job: { module: THREAD_JOB, options: { stamp: true } },
    slotsPerTask: 2,
    parseHere: true,
    window,
  });
  const source = await openFileSource(SAMPLE_PATH);
  try {
    await pool.start();
    const evtx = await EvtxFile.open(source);
    const parsed: number[] = [];
    const consumed: number[] = [];
    const indexes: number[] = [];
    for await (const { info, output } of pool.read(evtx, SAMPLE_PATH)) {
      indexes.push(info.index);
      if (output === undefined) continue;
      consumed.push(performance.timeOrigin + performance.now());
      parsed.push(Number(output));
      await sleep(10);
    }

    assert.deepEqual(indexes, [...Array(33).keys()]);
    // When slot `i` was given, the slots parsed were those of the tasks in the window: the one
    // given and at most `window - 1` after it, two slots each.
    const ahead = consumed.map((at, i) => parsed.filter((time) => time <= at).length - (i + 1));
    assert.equal(parsed.length, 23);
    assert.ok(Math.max(...ahead) <= (window - 1) * 2 + 1, `parsed ahead: ${ahead.join(' ')}`);
    assert.ok(Math.max(...ahead) >= 2, `parsed ahead: ${ahead.join(' ')}`);
  } finally {
    await source.close();
    await pool.close();
  }
});

test('taskSize splits the last slots of a file into ever smaller tasks', () => {
  const sizes: number[] = [];
  for (let left = 300; left > 0; left -= sizes.at(-1) ?? 1) sizes.push(taskSize(left, 16));
  assert.deepEqual(sizes.slice(0, 3), [16, 16, 16]);
  assert.deepEqual(sizes.slice(-18), [2, 2, ...Array<number>(16).fill(1)]);
  assert.ok(
    sizes.every((size, i) => i === 0 || size <= sizes[i - 1]!),
    sizes.join(' '),
  );
  assert.equal(
    sizes.reduce((a, b) => a + b),
    300,
  );
  assert.equal(taskSize(1000, 8), 8);
});

test('ChunkPool with parseHere reports a file no thread can read, slot by slot', async () => {
  const pool = keysPool(1, {}, 1, true);
  const source = await openFileSource(SAMPLE_PATH);
  try {
    await pool.start();
    const evtx = await EvtxFile.open(source);
    const missing = join(dir, 'gone.evtx');
    const messages: string[] = [];
    for await (const { output } of pool.read(evtx, missing)) assert.equal(output, undefined);
    for (const d of evtx.summary.diagnostics) messages.push(d.message);

    const unread =
      /^slot (\d+) not read: the (worker|main) thread could not read the file: Error: ENOENT/;
    const failed = messages.filter((message) => unread.test(message));
    assert.equal(failed.length, 33);
    assert.ok(failed.some((message) => message.includes('the main thread')));
    assert.ok(failed.some((message) => message.includes('the worker thread')));
  } finally {
    await source.close();
    await pool.close();
  }
});

test('ChunkPool runs the slots of a dead worker again one by one, losing only the fatal one', async () => {
  const pool = keysPool(2, { failSlot: 5, exitOnFail: true }, 8);
  try {
    const pooled = await readPooled(pool, SAMPLE_PATH);
    const messages = pooled.summary.diagnostics.map((d) => `${d.chunkIndex}: ${d.message}`);

    // Without its chunk header the slot's ids are unknown, so the gap is reported as a jump.
    assert.deepEqual(messages, [
      '5: slot 5 not read: the worker thread died (exited with code 3), 2 times',
      '6: record ids jump from chunk 4 to chunk 6: records 365-433 are missing, 69 in all ' +
        '(chunk 4 ends at 364 and chunk 6 starts at 434, both by their chunk headers)',
    ]);
    assert.equal(pooled.chunks.length, 33);
    assert.equal(pooled.keys.length, 1730 - (await readSequential(SAMPLE_PATH)).chunks[5]!.records);
  } finally {
    await pool.close();
  }
});

test('ChunkPool reports every slot failed when the job module has no createChunkJob', async () => {
  const module = new URL('../support/corpus-files.js', import.meta.url);
  const pool = new ChunkPool<string>({ threads: 1, job: { module, options: {} } });
  try {
    const pooled = await readPooled(pool, SAMPLE_PATH);
    const failed = pooled.summary.diagnostics.filter((d) => d.message.startsWith('slot '));
    assert.equal(pooled.keys.length, 0);
    assert.deepEqual(pooled.summary.records, { read: 0, failed: 1730, missing: 0 });
    assert.equal(failed.length, 23, 'only the slots with records fail');
    assert.match(
      failed[0]?.message ?? '',
      /^slot 0 not read: the chunk job could not be loaded: TypeError: job module file:.*corpus-files\.js does not export a createChunkJob function; its 78 records are lost$/,
    );
  } finally {
    await pool.close();
  }
});

test('ChunkPool moves byte outputs from the workers, and back with recycle', async () => {
  const pool = new ChunkPool<Uint8Array>({
    threads: 2,
    job: { module: RECORD_KEYS_JOB, options: { bytes: true } },
  });
  const source = await openFileSource(SAMPLE_PATH);
  try {
    const evtx = await EvtxFile.open(source);
    const keys: string[] = [];
    let recycled = 0;
    for await (const { output } of pool.read(evtx, SAMPLE_PATH)) {
      if (output === undefined) continue;
      keys.push(...new TextDecoder().decode(output).split(' '));
      pool.recycle(output);
      if (output.byteLength === 0) recycled++;
      pool.recycle(output);
    }

    assert.deepEqual(keys, (await readSequential(SAMPLE_PATH)).keys);
    assert.equal(recycled, 23);
  } finally {
    await source.close();
    await pool.close();
  }
});

test('ChunkPool refuses bad options and reading after close', async () => {
  const job = { module: RECORD_KEYS_JOB, options: {} };
  assert.throws(() => new ChunkPool({ threads: 0, job }), {
    name: 'RangeError',
    message: 'threads must be a whole number from 1, not 0',
  });
  assert.throws(() => new ChunkPool({ threads: 2, job, slotsPerTask: 100 }), {
    message: 'slots per read must be 1-64, not 100',
  });

  const pool = keysPool(1);
  await pool.close();
  const source = await openFileSource(SAMPLE_PATH);
  const evtx = await EvtxFile.open(source);
  await assert.rejects(pool.read(evtx, SAMPLE_PATH).next(), {
    message: `chunk pool is closed; cannot read ${SAMPLE_PATH}`,
  });
  await source.close();
});

const corpus = corpusFiles();
test(
  'ChunkPool gives every corpus file the summary, chunks and records of a sequential read',
  { skip: typeof corpus === 'string' ? corpus : false },
  async () => {
    for (const parseHere of [false, true]) {
      const pool = keysPool(parseHere ? 1 : 2, {}, 4, parseHere);
      try {
        for (const path of corpus as string[]) {
          assert.deepEqual(await readPooled(pool, path), await readSequential(path), path);
        }
      } finally {
        await pool.close();
      }
    }
  },
);
