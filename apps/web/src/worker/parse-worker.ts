/** The parse worker's entry: requests from the page go to the handler, replies go back. */
import type { WorkerRequest } from '../protocol.js';
import { createWorkerHandler } from './handler.js';

declare const self: DedicatedWorkerGlobalScope;

const handle = createWorkerHandler((reply) => self.postMessage(reply));
self.onmessage = (event: MessageEvent<WorkerRequest>) => void handle(event.data);
