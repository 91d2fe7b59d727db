/**
 * The messages between the page and its hunt worker: a union keyed on `kind`, each carrying the
 * request id it answers. The page sends the store's rows in batches of columns (typed arrays
 * moved, not copied; each shared text and value listed once), in row order, and asks
 * for a report once every row has been sent; the worker keeps one HuntEngine across batches, so
 * files added later only cost their own records.
 */
import type { HuntReport } from '@evtxhunt/hunt';

import type { HuntBatch } from './batch-records.js';

/** Store rows for the engine, in row order; the worker makes them into records. */
export interface AddRequest {
  readonly kind: 'add';
  readonly id: number;
  readonly batch: HuntBatch;
}

/** Run the detections over every record added so far. */
export interface ReportRequest {
  readonly kind: 'report';
  readonly id: number;
}

/** What the page asks of the hunt worker. */
export type HuntRequest = AddRequest | ReportRequest;

/** A batch was taken in; `records` counts every record added so far. */
export interface AddedReply {
  readonly kind: 'added';
  readonly id: number;
  readonly records: number;
}

/** A record the engine threw on: it is skipped, and the hunt goes on without it. */
export interface SkippedRecord {
  readonly file: string;
  readonly recordId: string;
  readonly message: string;
}

/** The engine's report over the first `records` records, and what it cost in the worker. */
export interface HuntOutcome {
  readonly report: HuntReport;
  readonly records: number;
  /** Records the engine threw on (the first few kept), and how many in all. */
  readonly skipped: readonly SkippedRecord[];
  readonly skippedCount: number;
  /** Milliseconds spent in engine.add over all batches, and in report(). */
  readonly addMs: number;
  readonly reportMs: number;
}

/** The report asked for by `id`. */
export interface ReportReply {
  readonly kind: 'report';
  readonly id: number;
  readonly outcome: HuntOutcome;
}

/** The request `id` failed outright. */
export interface HuntFailedReply {
  readonly kind: 'failed';
  readonly id: number;
  readonly message: string;
}

/** What the hunt worker answers. */
export type HuntReply = AddedReply | ReportReply | HuntFailedReply;

/** Skipped records whose reason is kept; the rest are only counted. */
export const SKIPPED_KEPT = 20;
