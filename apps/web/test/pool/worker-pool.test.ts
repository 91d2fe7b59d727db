import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { ParsePool, type ParseListener, type WorkerPort } from '../../src/pool/worker-pool.js';
import type { DoneReply, WorkerReply, WorkerRequest } from '../../src/protocol.js';
import { createWorkerHandler } from '../../src/worker/handler.js';
import { ISSUE43 } from '../support/paths.js';

/** Ports that run the real worker handler in this process, counting parses running at once. */
function inProcessWorkers() {
  const state = { spawned: 0, running: 0, mostRunning: 0 };
  const spawn = (): WorkerPort => {
    state.spawned++;
    const port: WorkerPort = {
      onmessage: null,
      terminate: () => undefined,
      postMessage: (request: WorkerRequest) => {
        if (request.kind === 'parse')
          state.mostRunning = Math.max(state.mostRunning, ++state.running);
        queueMicrotask(() => void handle(request));
      },
    };
    const handle = createWorkerHandler((reply: WorkerReply) => {
      if (reply.kind === 'done' || reply.kind === 'failed') state.running--;
      port.onmessage?.({ data: reply });
    });
    return port;
  };
  return { spawn, state };
}

interface Collected {
  rows: number;
  done?: DoneReply;
  failed?: string;
  dropped: boolean;
  finished: Promise<void>;
}

function collector(): { listener: ParseListener; collected: Collected } {
  let finish = () => undefined as void;
  const collected: Collected = {
    rows: 0,
    dropped: false,
    finished: new Promise((r) => (finish = r)),
  };
  const listener: ParseListener = {
    rows: (rows) => void (collected.rows += rows.length),
    done: (reply) => void ((collected.done = reply), finish()),
    failed: (message) => void ((collected.failed = message), finish()),
    dropped: () => void ((collected.dropped = true), finish()),
  };
  return { listener, collected };
}

test('ParsePool parses files on at most `size` workers and routes rows by request', async () => {
  const { spawn, state } = inProcessWorkers();
  const pool = new ParsePool(spawn, 2);
  const file = new Blob([await readFile(ISSUE43)]);
  const runs = [collector(), collector(), collector()];

  for (const run of runs) pool.parse(file, 'issue43.evtx', run.listener);
  await Promise.all(runs.map((run) => run.collected.finished));

  assert.deepEqual(
    runs.map((run) => run.collected.rows),
    [1730, 1730, 1730],
  );
  assert.ok(runs.every((run) => run.collected.done?.summary.records.read === 1730));
  assert.equal(state.spawned, 2);
  assert.equal(state.mostRunning, 2);
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
  assert.equal(waiting.collected.rows, 0);
  assert.equal(running.collected.done?.cancelled, true);
  assert.ok(running.collected.rows < 1730);
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

test('ParsePool reports a file that cannot be read at all as failed', async () => {
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
});

test('ParsePool.warm starts every worker before any file is opened', () => {
  const { spawn, state } = inProcessWorkers();
  const pool = new ParsePool(spawn, 3);

  pool.warm();
  pool.warm();

  assert.equal(state.spawned, 3);
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

  for (const run of runs) pool.parse(new Blob([]), 'a.evtx', run.listener);
  await Promise.all(runs.map((run) => run.collected.finished));

  for (const run of runs)
    assert.equal(
      run.collected.failed,
      'the parse worker could not start or stopped (no reason given); reload the page while its server runs',
    );
  assert.equal(ports.length, 2);
  assert.equal(pool.pending, 0);
});

test('ParsePool rejects an XML request whose worker dies', async () => {
  const { spawn, ports } = deadWorkers();
  const pool = new ParsePool(spawn, 1);

  const xml = pool.xml(new Blob([]), 'a.evtx', 0, 0x1200);
  ports[0]?.onerror?.({ message: 'Uncaught RangeError' });

  await assert.rejects(xml, /could not start or stopped \(Uncaught RangeError\)/);
});
