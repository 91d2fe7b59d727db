/**
 * A worker thread of a chunk pool: loads the job and says it is ready, then runs the tasks it
 * is sent one at a time, in the order they came (task-runner.ts does the reading, parsing and
 * the job), and sends each reply back with its byte outputs moved rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { ownBuffer } from './protocol.js';
import type { PoolRequest, TaskReply, WorkerStart } from './protocol.js';
import { TaskRunner } from './task-runner.js';

/**
 * The buffers of byte outputs that own their whole buffer: moved to the main thread rather
 * than copied. A view into a larger buffer is copied, since moving it would take the rest.
 */
function ownBuffers(reply: TaskReply): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const { output } of reply.slots) {
    const buffer = ownBuffer(output);
    if (buffer !== undefined) buffers.push(buffer);
  }
  return buffers;
}

function serve(): void {
  const port = parentPort;
  if (port === null) throw new Error('chunk-worker.js must run as a worker thread');
  const runner = new TaskRunner(workerData as WorkerStart);

  // Tasks are handled one at a time, in the order they came, after the job is loaded.
  let queue = runner.prepare().then(() => port.postMessage({ kind: 'ready' }));
  port.on('message', (request: PoolRequest) => {
    // Recycled buffers need nothing done: they are garbage here, freed at the next collection.
    if (request.kind === 'recycle') return;
    queue = queue.then(async () => {
      if (request.kind === 'close') {
        await runner.close();
        port.close();
        return;
      }
      const reply = await runner.task(request);
      port.postMessage(reply, ownBuffers(reply));
    });
  });
}

serve();
