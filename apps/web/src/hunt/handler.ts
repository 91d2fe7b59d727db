/**
 * What the hunt worker does with each request, apart from the worker global so it runs in tests
 * too: one HuntEngine takes every batch of records, and a report runs its detections over all
 * of them. A record the engine throws on is skipped and named in the next report, never the end
 * of the hunt.
 */
import {
  HuntEngine,
  defaultKnowledge,
  type EventRecord,
  type FieldSourceRecord,
} from '@evtxhunt/hunt';

import { checkColumns } from '../row-columns-read.js';
import { batchRecords } from './batch-records.js';

import {
  SKIPPED_KEPT,
  type AddRequest,
  type HuntReply,
  type HuntRequest,
  type ReportRequest,
  type SkippedRecord,
} from './protocol.js';

/** Sends a reply to the page. */
export type PostHuntReply = (reply: HuntReply) => void;

/** The engine and what it has cost so far. */
interface HuntState {
  readonly engine: HuntEngine;
  readonly skipped: SkippedRecord[];
  records: number;
  skippedCount: number;
  addMs: number;
}

/**
 * Makes the request handler of one hunt worker; `now` reads a millisecond clock, `engine`
 * makes the engine (tests give one that throws).
 */
export function createHuntHandler(
  post: PostHuntReply,
  now: () => number = () => performance.now(),
  engine: () => HuntEngine = () => new HuntEngine({ knowledge: defaultKnowledge() }),
): (request: HuntRequest) => void {
  const state: HuntState = {
    engine: engine(),
    skipped: [],
    records: 0,
    skippedCount: 0,
    addMs: 0,
  };

  return (request) => {
    try {
      post(request.kind === 'add' ? add(state, request, now) : report(state, request, now));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      post({ kind: 'failed', id: request.id, message: `hunt ${request.kind}: ${message}` });
    }
  };
}

function add(state: HuntState, request: AddRequest, now: () => number): HuntReply {
  const started = now();
  checkColumns(request.batch.rows, `hunt batch ${request.id}`);
  if (request.batch.files.length !== request.batch.rows.count) {
    throw new RangeError(`hunt batch ${request.id}: files hold ${request.batch.files.length} rows`);
  }
  for (const record of batchRecords(request.batch)) addOne(state, record);
  state.addMs += now() - started;
  return { kind: 'added', id: request.id, records: state.records };
}

function addOne(state: HuntState, record: EventRecord | FieldSourceRecord): void {
  state.records++;
  try {
    state.engine.add(record);
  } catch (error) {
    state.skippedCount++;
    if (state.skipped.length >= SKIPPED_KEPT) return;
    const message = error instanceof Error ? error.message : String(error);
    state.skipped.push({ file: record.file ?? '', recordId: record.recordId, message });
  }
}

function report(state: HuntState, request: ReportRequest, now: () => number): HuntReply {
  const started = now();
  const report = state.engine.report();
  const outcome = {
    report,
    records: state.records,
    skipped: [...state.skipped],
    skippedCount: state.skippedCount,
    addMs: state.addMs,
    reportMs: now() - started,
  };
  return { kind: 'report', id: request.id, outcome };
}
