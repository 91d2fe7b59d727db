import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { SysmonLogGenerator } from '@evtxhunt/generate';

import { ParsePool, type ParseListener, type WorkerPort } from '../../src/pool/worker-pool.js';
import type { CompactRow, ParseOutcome, WorkerReply, WorkerRequest } from '../../src/protocol.js';
import { rowsOf } from '../../src/row-columns-read.js';
import { createWorkerHandler } from '../../src/worker/handler.js';
import { parseBytes } from '../support/parse.js';
import { BAD_CHUNK_MAGIC, ISSUE43, SKIP_SHARED } from '../support/paths.js';
import { recoveredLog } from '../support/recovered-log.js';

/** Ports that run the real worker handler in this process, recording what each was asked. */
function inProcessWorkers() {
  const asked: WorkerRequest[][] = [];
  const spawn = (): WorkerPort => {
    const requests: WorkerRequest[] = [];
    asked.push(requests);
    const port: WorkerPort = {
      onmessage: null,
      terminate: () => undefined,
      postMessage: (request: WorkerRequest) => {
        requests.push(request);
        queueMicrotask(() => void handle(request));
      },
    };
    const handle = createWorkerHandler((reply: WorkerReply) => port.onmessage?.({ data: reply }));
    return port;
  };
  const tasks = (worker: number) => asked[worker]?.filter((r) => r.kind === 'slots').length ?? 0;
  return { spawn, asked, tasks };
}

interface Collected {
  rows: CompactRow[];
  done?: ParseOutcome;
  failed?: string;
  dropped: boolean;
  finished: Promise<void>;
}

function collector(): { listener: ParseListener; collected: Collected } {
  let finish = () => undefined as void;
  const collected: Collected = {
    rows: [],
    dropped: false,
    finished: new Promise((r) => (finish = r)),
  };
  const listener: ParseListener = {
    rows: (rows) => void collected.rows.push(...rowsOf(rows)),
    done: (outcome) => void ((collected.done = outcome), finish()),
    failed: (message) => void ((collected.failed = message), finish()),
    dropped: () => void ((collected.dropped = true), finish()),
  };
  return { listener, collected };
}

/** Reads `bytes` through a pool of `size` in-process workers. */
async function pooled(bytes: Uint8Array<ArrayBuffer>, size: number, slotsPerTask?: number) {
  const workers = inProcessWorkers();
  const pool = new ParsePool(workers.spawn, size, slotsPerTask ? { slotsPerTask } : {});
  const run = collector();
  pool.parse(new Blob([bytes]), 'log.evtx', run.listener);
  await run.collected.finished;
  return { ...run.collected, workers };
}

/** A generated Sysmon log of about `size` bytes, in memory. */
function generatedBytes(seed: number, size: number): Uint8Array<ArrayBuffer> {
  const generator = new SysmonLogGenerator({ seed, sizeBytes: size });
  const chunks = [...generator.chunks()];
  const bytes = new Uint8Array(4096 + chunks.length * 65536);
  chunks.forEach((chunk, i) => bytes.set(chunk, 4096 + i * 65536));
  bytes.set(generator.fileHeader(), 0);
  return bytes;
}

test('ParsePool reads one file on every worker, with the rows and summary of one pass', async () => {
  const bytes = new Uint8Array(await readFile(ISSUE43));
  const reference = await parseBytes(bytes, 'log.evtx');

  for (const size of [1, 2, 3]) {
    const run = await pooled(bytes, size, 4);

    assert.equal(run.rows.length, 1730);
    assert.deepEqual(run.rows, reference.rows);
    assert.deepEqual(run.done, reference.outcome);
    // 33 slots: one, then eight tasks of 4; every worker the pool may start takes some.
    const tasks = [...Array(size).keys()].map((worker) => run.workers.tasks(worker));
    assert.equal(run.workers.asked.length, size);
    assert.equal(
      tasks.reduce((a, b) => a + b),
      9,
    );
    assert.ok(
      tasks.every((count) => count > 0),
      `tasks per worker: ${tasks.join(', ')}`,
    );
    const first = run.workers.asked[0]?.find((request) => request.kind === 'slots');
    assert.deepEqual(first?.kind === 'slots' && [first.first, first.count], [0, 1]);
  }
});

test('ParsePool reads a generated log on two workers exactly as one pass does', async () => {
  const bytes = generatedBytes(7, 3_000_000);
  const reference = await parseBytes(bytes, 'log.evtx');

  const run = await pooled(bytes, 2);

  assert.ok(reference.rows.length > 2000, `${reference.rows.length} records`);
  assert.equal(run.rows.length, reference.rows.length);
  assert.deepEqual(run.rows, reference.rows);
  assert.deepEqual(run.done, reference.outcome);
});

test('ParsePool gives no rows for a chunk that repeats an earlier one, as one pass does', async () => {
  const bytes = new Uint8Array(await readFile(ISSUE43));
  const slot = (index: number) => 0x1000 + index * 0x10000;
  // Chunk 3 (records 224-298) copied over slot 9 (records 683-761): 1730 - 79 records.
  bytes.copyWithin(slot(9), slot(3), slot(4));
  const reference = await parseBytes(bytes, 'log.evtx');

  for (const slotsPerTask of [1, 16]) {
    const run = await pooled(bytes, 2, slotsPerTask);

    assert.equal(run.rows.length, 1651);
    assert.deepEqual(run.rows, reference.rows);
    assert.deepEqual(run.done, reference.outcome);
    assert.equal(run.done?.summary.records.duplicates, 75);
  }
});

test(
  'ParsePool accounts for a damaged file in slot order, slots held across tasks',
  { skip: SKIP_SHARED },
  async () => {
    const bytes = new Uint8Array(await readFile(BAD_CHUNK_MAGIC));
    const reference = await parseBytes(bytes, 'log.evtx');

    // One slot a task: the unreadable slots are held by the accountant from task to task.
    const run = await pooled(bytes, 2, 1);

    assert.deepEqual(run.rows, reference.rows);
    assert.deepEqual(run.done, reference.outcome);
    assert.deepEqual(run.done?.summary.records, {
      read: 267,
      failed: 3,
      missing: 1632,
      recovered: 113,
    });
    assert.equal(run.done?.summary.chunks.unreadable, 12);
  },
);

test('ParsePool leaves out recovered copies of records and gives the rest last, as one pass does', async () => {
  // Slot 1 of the recovered log lost its first 8 KiB; after it come a copy of that slot and a
  // copy of slot 0 (206 live records) with its chunk header zeroed.
  const damaged = recoveredLog();
  const slot = (index: number) =>
    damaged.subarray(0x1000 + index * 0x10000, 0x1000 + (index + 1) * 0x10000);
  const bytes = new Uint8Array(damaged.length + 2 * 0x10000);
  bytes.set(damaged, 0);
  bytes.set(slot(1), damaged.length);
  bytes.set(slot(0), damaged.length + 0x10000);
  bytes.fill(0, damaged.length + 0x10000, damaged.length + 0x10000 + 512);
  const reference = await parseBytes(bytes, 'log.evtx');
  const recovered = reference.outcome.summary.records.recovered ?? 0;

  assert.ok(recovered > 100, `${recovered} recovered`);
  assert.equal(reference.outcome.summary.records.duplicates, recovered + 206);
  assert.equal(reference.rows.length, 206 + recovered);
  for (const slotsPerTask of [1, 16]) {
    const run = await pooled(bytes, 2, slotsPerTask);
    assert.deepEqual(run.rows, reference.rows);
    assert.deepEqual(run.done, reference.outcome);
  }
});

test('ParsePool reads the records of a destroyed slot 0 at the end, as one pass does', async () => {
  // The sample's slot 0 loses its first 4 KiB, chunk header and templates with it: its other
  // records take their templates from later chunks at the end. In the recovered log no chunk
  // holds the template any more (slot 1 lost it too): slot 0's records fail at the end.
  const sample = new Uint8Array(await readFile(ISSUE43));
  sample.fill(0, 0x1000, 0x2000);
  const lost = recoveredLog();
  lost.fill(0, 0x1000, 0x2000);
  const expected = [
    [sample, 'recovered', 0],
    [lost, 'failed', 0],
  ] as const;
  for (const [bytes, kind] of expected) {
    const reference = await parseBytes(bytes, 'log.evtx');
    const records = reference.outcome.summary.records;
    const late = reference.outcome.summary.diagnostics.filter((d) =>
      kind === 'recovered'
        ? /waited for templates of later chunks: [1-9]\d* read at the end with them \(recovered\), \d+ failed$/.test(
            d.message,
          )
        : d.message.includes('no chunk of the file defines one template'),
    );
    assert.ok(late.length > 0, kind);
    if (kind === 'failed') assert.equal(records.failed, late.length);
    for (const slotsPerTask of [1, 16]) {
      const run = await pooled(bytes, 2, slotsPerTask);
      assert.deepEqual(run.rows, reference.rows);
      assert.deepEqual(run.done, reference.outcome);
    }
  }
});

test('ParsePool keeps at most two tasks a worker out for a file until their answers are in', async () => {
  const requests: WorkerRequest[] = [];
  const ports: WorkerPort[] = [];
  const spawn = (): WorkerPort => {
    const port: WorkerPort = {
      onmessage: null,
      terminate: () => undefined,
      postMessage: (request) => void requests.push(request),
    };
    ports.push(port);
    return port;
  };
  const pool = new ParsePool(spawn, 2, { slotsPerTask: 1 });
  const run = collector();

  pool.parse(new Blob([await readFile(ISSUE43)]), 'a.evtx', run.listener);
  await new Promise((resolve) => setTimeout(resolve, 20));

  assert.equal(requests.filter((r) => r.kind === 'slots').length, 4);
  // Answer the first task: one more goes out, the window stays full.
  const port = ports[0] as WorkerPort;
  const handle = createWorkerHandler((reply) => port.onmessage?.({ data: reply }));
  await handle(requests[0] as WorkerRequest);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(requests.filter((r) => r.kind === 'slots').length, 5);
  assert.ok(run.collected.rows.length > 0);
  pool.cancelAll();
  await run.collected.finished;
  assert.equal(run.collected.done?.cancelled, true);
});

test('ParsePool reads several files at once, at most `size` of them', async () => {
  const { spawn, asked } = inProcessWorkers();
  const pool = new ParsePool(spawn, 2);
  const file = new Blob([await readFile(ISSUE43)]);
  const runs = [collector(), collector(), collector()];

  for (const run of runs) pool.parse(file, 'issue43.evtx', run.listener);
  assert.equal(pool.pending, 3);
  await Promise.all(runs.map((run) => run.collected.finished));

  assert.deepEqual(
    runs.map((run) => [run.collected.rows.length, run.collected.done?.summary.records.read]),
    [
      [1730, 1730],
      [1730, 1730],
      [1730, 1730],
    ],
  );
  assert.equal(asked.length, 2);
  // Each worker is told to forget each file's templates once the file is read.
  const forgotten = asked.map((requests) =>
    requests.flatMap((r) => (r.kind === 'forget' ? [r.parse] : [])),
  );
  assert.deepEqual(forgotten, [
    [1, 2, 3],
    [1, 2, 3],
  ]);
  assert.equal(pool.pending, 0);
});

test('ParsePool drops a waiting file on cancel and stops a running one', async () => {
  const { spawn } = inProcessWorkers();
  const pool = new ParsePool(spawn, 1);
  const file = new Blob([await readFile(ISSUE43)]);
  const running = collector();
  const waiting = collector();

  const first = pool.parse(file, 'a.evtx', running.listener);
  pool.parse(file, 'b.evtx', waiting.listener);
  pool.cancelAll();
  await Promise.all([running.collected.finished, waiting.collected.finished]);

  assert.equal(waiting.collected.dropped, true);
  assert.equal(waiting.collected.rows.length, 0);
  assert.equal(running.collected.done?.cancelled, true);
  assert.ok(running.collected.rows.length < 1730);
  assert.equal(pool.pending, 0);
  pool.cancel(first);
});

test("ParsePool.xml resolves to the record XML, or rejects with the worker's reason", async () => {
  const { spawn } = inProcessWorkers();
  const pool = new ParsePool(spawn, 2);
  const file = new Blob([await readFile(ISSUE43)]);

  const xml = await pool.xml(file, 'a.evtx', 0, 0x1200);

  assert.match(xml, /<EventID>16<\/EventID>/);
  await assert.rejects(pool.xml(file, 'a.evtx', 0, 0x1201), {
    message: 'a.evtx: no readable record at 0x1201 in chunk 0',
  });
});

test('ParsePool reports a file whose header cannot be read as failed', async () => {
  const { spawn } = inProcessWorkers();
  const pool = new ParsePool(spawn, 1);
  const unreadable = {
    size: 70000,
    slice: () => ({ arrayBuffer: () => Promise.reject(new Error('the file was moved')) }),
  } as unknown as Blob;
  const run = collector();

  pool.parse(unreadable, 'gone.evtx', run.listener);
  await run.collected.finished;

  assert.equal(run.collected.failed, 'the file was moved');
  assert.throws(() => new ParsePool(spawn, 0), /pool size 0 is not >= 1/);
  assert.throws(() => new ParsePool(spawn, 1, { slotsPerTask: 65 }), /slots per read must be 1-64/);
});

test('ParsePool.warm starts every worker before any file is opened', () => {
  const { spawn, asked } = inProcessWorkers();
  const pool = new ParsePool(spawn, 3);

  pool.warm();
  pool.warm();

  assert.equal(asked.length, 3);
});

/** Ports that never answer and whose script failed to load: they fire `error` on the next turn. */
function deadWorkers() {
  const ports: WorkerPort[] = [];
  const spawn = (): WorkerPort => {
    const port: WorkerPort = {
      onmessage: null,
      terminate: () => undefined,
      postMessage: () => undefined,
    };
    ports.push(port);
    queueMicrotask(() => port.onerror?.({}));
    return port;
  };
  return { spawn, ports };
}

test('ParsePool fails a file whose worker cannot start instead of leaving it waiting', async () => {
  const { spawn, ports } = deadWorkers();
  const pool = new ParsePool(spawn, 1);
  const runs = [collector(), collector()];

  const file = new Blob([await readFile(ISSUE43)]);
  for (const run of runs) pool.parse(file, 'a.evtx', run.listener);
  await Promise.all(runs.map((run) => run.collected.finished));

  for (const run of runs)
    assert.equal(
      run.collected.failed,
      'the parse worker could not start or stopped (no reason given); reload the page while its server runs',
    );
  // Each file's tasks go to a worker, then once more to a new one, and the file fails.
  assert.equal(ports.length, 4);
  assert.equal(pool.pending, 0);
});

/**
 * In-process workers of which the first dies (fires `error`, answers nothing more) when it is
 * sent its `dieAt`-th slot task; the others run the real handler.
 */
function firstWorkerDies(dieAt: number) {
  const workers = inProcessWorkers();
  let spawned = 0;
  const spawn = (): WorkerPort => {
    const port = workers.spawn();
    if (spawned++ > 0) return port;
    const post = port.postMessage;
    let slotTasks = 0;
    let dead = false;
    port.postMessage = (request) => {
      if (request.kind === 'slots' && ++slotTasks === dieAt) dead = true;
      if (dead) queueMicrotask(() => port.onerror?.({ message: 'Out of memory' }));
      else post(request);
    };
    return port;
  };
  return { ...workers, spawn };
}

test('ParsePool sends the tasks of a worker that dies to another, losing no row', async () => {
  const bytes = new Uint8Array(await readFile(ISSUE43));
  const reference = await parseBytes(bytes, 'log.evtx');
  const workers = firstWorkerDies(3);
  const pool = new ParsePool(workers.spawn, 2, { slotsPerTask: 4 });
  const run = collector();

  pool.parse(new Blob([bytes]), 'log.evtx', run.listener);
  await run.collected.finished;

  assert.equal(run.collected.failed, undefined);
  assert.equal(run.collected.rows.length, 1730);
  assert.deepEqual(run.collected.rows, reference.rows);
  assert.deepEqual(run.collected.done, reference.outcome);
  // The dead worker's third task (and any after it) went to a third worker the pool started.
  assert.equal(workers.asked.length, 3);
  assert.ok(workers.tasks(2) >= 1, `the new worker ran ${workers.tasks(2)} tasks`);
  const sent = workers.asked.flat().filter((request) => request.kind === 'slots');
  const ids = sent.map((request) => request.id);
  assert.equal(new Set(ids).size, 9, 'every task of 33 slots (1 + 8 of 4) ran');
});

test('ParsePool rejects an XML request whose worker dies', async () => {
  const { spawn, ports } = deadWorkers();
  const pool = new ParsePool(spawn, 1);

  const xml = pool.xml(new Blob([]), 'a.evtx', 0, 0x1200);
  ports[0]?.onerror?.({ message: 'Uncaught RangeError' });

  await assert.rejects(xml, /could not start or stopped \(Uncaught RangeError\)/);
});
