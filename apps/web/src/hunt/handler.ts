/**
 * What the hunt worker does with each request, apart from the worker global so it runs in tests
 * too: one HuntEngine takes every batch of records, and a report runs its detections over all
 * of them. A record the engine throws on is skipped and named in the next report, never the end
 * of the hunt. Sigma rules, once loaded, take the same records; a report over records the
 * engine has reported on already only runs the Sigma part again.
 */
import {
  HuntEngine,
  compareFindings,
  defaultKnowledge,
  type EventRecord,
  type FieldSourceRecord,
  type HuntReport,
} from '@evtxhunt/hunt';

import { checkColumns } from '../row-columns-read.js';
import { batchRecords } from './batch-records.js';
import { SigmaState } from './sigma-state.js';

import {
  SKIPPED_KEPT,
  type AddRequest,
  type HuntReply,
  type HuntRequest,
  type ReportRequest,
  type RulesRequest,
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
  sigma: SigmaState | undefined;
  /** The engine's last report and the records it was over. */
  last: { readonly records: number; readonly report: HuntReport } | undefined;
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
    sigma: undefined,
    last: undefined,
  };
  // Requests run in the order sent: those after a rules request wait until its files are read.
  let pending: Promise<void> | undefined;
  const run = (request: HuntRequest): Promise<void> | undefined => {
    const failed = (error: unknown) => post(failure(request, error));
    try {
      if (request.kind === 'rules') return loadRules(state, request).then(post, failed);
      if (request.kind === 'forget-rules') {
        state.sigma = undefined;
        post({ kind: 'rules-forgotten', id: request.id });
        return undefined;
      }
      post(request.kind === 'add' ? add(state, request, now) : report(state, request, now));
    } catch (error) {
      failed(error);
    }
    return undefined;
  };

  return (request) => {
    const started = pending === undefined ? run(request) : pending.then(() => run(request));
    if (started === undefined) return;
    const chain: Promise<void> = started.finally(() => {
      if (pending === chain) pending = undefined;
    });
    pending = chain;
  };
}

function failure(request: HuntRequest, error: unknown): HuntReply {
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'failed', id: request.id, message: `hunt ${request.kind}: ${message}` };
}

async function loadRules(state: HuntState, request: RulesRequest): Promise<HuntReply> {
  // The rules before are gone even if these fail: the page sends no rows to them any more.
  state.sigma = undefined;
  state.sigma = await SigmaState.of(request.files);
  return { kind: 'rules', id: request.id, load: state.sigma.load };
}

function add(state: HuntState, request: AddRequest, now: () => number): HuntReply {
  const started = now();
  checkColumns(request.batch.rows, `hunt batch ${request.id}`);
  if (request.batch.files.length !== request.batch.rows.count) {
    throw new RangeError(`hunt batch ${request.id}: files hold ${request.batch.files.length} rows`);
  }
  const engine = request.to !== 'sigma';
  const sigma = request.to !== 'engine' ? state.sigma : undefined;
  // Sigma first, as the CLI does: the engine may keep the record, whose data the rules replace.
  for (const record of batchRecords(request.batch)) {
    sigma?.add(record);
    if (engine) addOne(state, record);
  }
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
  const report = engineReport(state);
  const sigma = state.sigma?.outcome();
  const findings = sigma === undefined ? report.findings : [...report.findings, ...sigma.findings];
  const outcome = {
    report:
      sigma === undefined ? report : { ...report, findings: [...findings].sort(compareFindings) },
    records: state.records,
    skipped: [...state.skipped],
    skippedCount: state.skippedCount,
    addMs: state.addMs,
    reportMs: now() - started,
    ...(sigma === undefined ? {} : { sigma }),
  };
  return { kind: 'report', id: request.id, outcome };
}

/** The engine's report, run again only when records came since the last one. */
function engineReport(state: HuntState): HuntReport {
  if (state.last?.records === state.records) return state.last.report;
  const report = state.engine.report();
  state.last = { records: state.records, report };
  return report;
}
