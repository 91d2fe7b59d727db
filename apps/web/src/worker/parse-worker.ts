/** The parse worker's entry: requests from the page go to the handler, replies go back. */
import type { WorkerReply, WorkerRequest } from '../protocol.js';
import { columnBuffers } from '../row-columns.js';
import { createWorkerHandler } from './handler.js';

declare const self: DedicatedWorkerGlobalScope;

/** A slot task's columns are moved to the page, not copied. */
const moved = (reply: WorkerReply) => (reply.kind === 'slots' ? columnBuffers(reply.batch) : []);

const handle = createWorkerHandler((reply) => self.postMessage(reply, moved(reply)));
self.onmessage = (event: MessageEvent<WorkerRequest>) => void handle(event.data);
