/** A workbench with a hunt worker run in this process, and a way to wait for the hunt. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { HuntLink, type HuntPort } from '../../src/hunt/hunter.js';
import { createHuntHandler } from '../../src/hunt/handler.js';
import type { HuntRequest } from '../../src/hunt/protocol.js';
import { ParsePool, type WorkerPort } from '../../src/pool/worker-pool.js';
import type { WorkerReply, WorkerRequest } from '../../src/protocol.js';
import { Workbench } from '../../src/session/workbench.js';
import { createWorkerHandler } from '../../src/worker/handler.js';

/** A hunt port answering from the real handler, a microtask later, as a worker would. */
export function inProcessHuntPort(): HuntPort {
  const port: HuntPort = {
    onmessage: null,
    postMessage: (request: HuntRequest) => queueMicrotask(() => handle(request)),
  };
  const handle = createHuntHandler((reply) => port.onmessage?.({ data: reply }));
  return port;
}

function inProcessParsePort(): WorkerPort {
  const port: WorkerPort = {
    onmessage: null,
    terminate: () => undefined,
    postMessage: (request: WorkerRequest) => queueMicrotask(() => void handle(request)),
  };
  const handle = createWorkerHandler((reply: WorkerReply) => port.onmessage?.({ data: reply }));
  return port;
}

/** A workbench on in-process parse and hunt workers whose frames run on a timer. */
export function huntBench(): Workbench {
  return new Workbench({
    pool: new ParsePool(inProcessParsePort, 2),
    schedule: (task, delayMs) => void setTimeout(task, delayMs),
    now: () => performance.now(),
    hunter: new HuntLink(inProcessHuntPort()),
  });
}

/** Opens the files at `paths` under their base names. */
export async function openPaths(bench: Workbench, paths: readonly string[]): Promise<void> {
  const inputs = await Promise.all(
    paths.map(async (path) => ({ blob: new Blob([await readFile(path)]), name: basename(path) })),
  );
  bench.open(inputs);
}

/** Resolves once the hunt has reported over every row and no file is loading; rejects after `ms`. */
export function huntReady(bench: Workbench, ms = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(
        new Error(`hunt not ready after ${ms} ms: ${JSON.stringify(bench.hunt.status.value)}`),
      );
    }, ms);
    const stop = bench.hunt.status.subscribe((status) => {
      if (status.state === 'failed') reject(new Error(status.message));
      if (status.state !== 'ready' || bench.loading || status.sent !== bench.store.rowCount) return;
      clearTimeout(timer);
      queueMicrotask(() => stop());
      resolve();
    });
  });
}
