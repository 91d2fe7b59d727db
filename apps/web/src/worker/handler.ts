/**
 * What a parse worker does with each request, apart from the worker global so it can run in a
 * test as well: slot tasks answer with their slots' reports and rows, export tasks with rows
 * batch by batch (export-task.ts), XML requests read one record. Requests are independent, so
 * a worker answers an XML request between two tasks.
 */
import { blobSource, TemplateCache, type FileTemplates } from '@evtxhunt/evtx';

import type { WorkerReply, WorkerRequest, XmlRequest } from '../protocol.js';
import { startsAsExport } from '../files/export-sniff.js';
import { exportRecordXml, runExport } from './export-task.js';
import { recordXml } from './record-xml.js';
import { runSlotTask } from './slot-task.js';

/** Sends a reply to the page. */
export type PostReply = (reply: WorkerReply) => void;

/**
 * Files whose compiled templates a worker keeps at once. The page says when a file is done
 * (`forget`); this bounds what a page that never says so can leave behind.
 */
const FILES_KEPT = 8;

/** Makes the request handler of one worker; the returned promise settles when it is answered. */
export function createWorkerHandler(post: PostReply): (request: WorkerRequest) => Promise<void> {
  const templates = new TemplatesByParse();
  const waiting = new Map<number, (more: boolean) => void>();

  return async (request) => {
    switch (request.kind) {
      case 'slots': {
        const file = templates.of(request.parse);
        await answer(post, request.id, async () => post(await runSlotTask(request, file)));
        return;
      }
      case 'forget':
        templates.forget(request.parse);
        return;
      case 'xml':
        await answer(post, request.id, () => xml(request, post));
        return;
      case 'export': {
        const more = () => new Promise<boolean>((resolve) => waiting.set(request.id, resolve));
        await answer(post, request.id, () => runExport(request, { post, more }));
        waiting.delete(request.id);
        return;
      }
      case 'more':
        waiting.get(request.id)?.(request.stop !== true);
        waiting.delete(request.id);
        return;
    }
  };
}

/** The templates compiled for each file's parse, so its tasks compile each template once. */
class TemplatesByParse {
  readonly #caches = new Map<number, FileTemplates>();

  of(parse: number): FileTemplates {
    let cache = this.#caches.get(parse);
    if (cache === undefined) {
      cache = { templates: new TemplateCache(), warmed: 0 };
      this.#caches.set(parse, cache);
      // Maps keep insertion order: the first key is the parse seen longest ago.
      const oldest = this.#caches.keys().next().value;
      if (this.#caches.size > FILES_KEPT && oldest !== undefined) this.#caches.delete(oldest);
    }
    return cache;
  }

  forget(parse: number): void {
    this.#caches.delete(parse);
  }
}

async function xml(request: XmlRequest, post: PostReply): Promise<void> {
  if (await startsAsExport(request.file)) {
    const text = await exportRecordXml(request.file, request.name, request.chunk);
    post({ kind: 'xml', id: request.id, xml: text });
    return;
  }
  const source = blobSource(request.file, request.name);
  post({
    kind: 'xml',
    id: request.id,
    xml: await recordXml(source, request.chunk, request.offset),
  });
}

/** Runs `work`; anything it throws becomes a `failed` reply naming the request. */
async function answer(post: PostReply, id: number, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ kind: 'failed', id, message });
  }
}
