/** The hunt worker's entry: requests from the page go to the handler, replies go back. */
import { createHuntHandler } from './handler.js';
import type { HuntRequest } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

const handle = createHuntHandler((reply) => self.postMessage(reply));
self.onmessage = (event: MessageEvent<HuntRequest>) => handle(event.data);
