/**
 * What a parse worker does with each request, apart from the worker global so it can run in a
 * test as well: parses post rows then `done`, cancels mark a running parse, XML requests read
 * one record. Requests are independent, so a worker answers an XML request mid-parse.
 */
import { blobSource } from '@evtxhunt/evtx';

import type { ParseRequest, WorkerReply, WorkerRequest, XmlRequest } from '../protocol.js';
import { packRows } from '../row-batch.js';
import { parseEvtx, type ParseSink } from './parse-job.js';
import { recordXml } from './record-xml.js';

/** Sends a reply to the page. */
export type PostReply = (reply: WorkerReply) => void;

/** Makes the request handler of one worker; the returned promise settles when it is answered. */
export function createWorkerHandler(post: PostReply): (request: WorkerRequest) => Promise<void> {
  const cancelled = new Set<number>();
  const running = new Set<number>();

  return async (request) => {
    switch (request.kind) {
      case 'parse':
        running.add(request.id);
        await answer(post, request.id, () => parse(request, post, cancelled));
        running.delete(request.id);
        cancelled.delete(request.id);
        return;
      case 'cancel':
        if (running.has(request.id)) cancelled.add(request.id);
        return;
      case 'xml':
        await answer(post, request.id, () => xml(request, post));
        return;
    }
  };
}

async function parse(
  request: ParseRequest,
  post: PostReply,
  cancelled: ReadonlySet<number>,
): Promise<void> {
  const { id } = request;
  const sink: ParseSink = {
    rows: (rows, progress) => post({ kind: 'rows', id, batch: packRows(rows), progress }),
    cancelled: () => cancelled.has(id),
  };
  const outcome = await parseEvtx(blobSource(request.file, request.name), sink, request.batch);
  post({ kind: 'done', id, ...outcome });
}

async function xml(request: XmlRequest, post: PostReply): Promise<void> {
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
