/** The hash worker's entry: requests from the page go to the handler, replies go back. */
import { createHashHandler } from './hash-handler.js';
import type { HashWorkerRequest } from './hash-protocol.js';

declare const self: DedicatedWorkerGlobalScope;

const handle = createHashHandler((reply) => self.postMessage(reply));
self.onmessage = (event: MessageEvent<HashWorkerRequest>) => handle(event.data);
