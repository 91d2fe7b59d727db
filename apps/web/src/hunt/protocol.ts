/**
 * The messages between the page and its hunt worker: a union keyed on `kind`, each carrying the
 * request id it answers. The page sends the store's rows in batches of columns (typed arrays
 * moved, not copied; each shared text and value listed once), in row order, and asks
 * for a report once every row has been sent; the worker keeps one HuntEngine across batches, so
 * files added later only cost their own records. Sigma rules are sent as the files picked and
 * compiled in the worker; rows sent again for new rules go to the rules only.
 */
import type { HuntReport } from '@evtxhunt/hunt';

import type { HuntBatch } from './batch-records.js';
import type { RuleFile } from './sigma-files.js';
import type { SigmaLoad, SigmaOutcome } from './sigma-state.js';

/** Store rows for the engine, in row order; the worker makes them into records. */
export interface AddRequest {
  readonly kind: 'add';
  readonly id: number;
  readonly batch: HuntBatch;
  /** Who takes the rows: the engine and the Sigma rules (both when absent). */
  readonly to?: 'engine' | 'sigma';
}

/** Reads and compiles Sigma rules, replacing any loaded before; rows sent later go to them. */
export interface RulesRequest {
  readonly kind: 'rules';
  readonly id: number;
  readonly files: readonly RuleFile[];
}

/** Forgets the Sigma rules loaded: rows and reports after it have none. */
export interface ForgetRulesRequest {
  readonly kind: 'forget-rules';
  readonly id: number;
}

/** Run the detections over every record added so far. */
export interface ReportRequest {
  readonly kind: 'report';
  readonly id: number;
}

/** What the page asks of the hunt worker. */
export type HuntRequest = AddRequest | ReportRequest | RulesRequest | ForgetRulesRequest;

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
  /** The Sigma rules' part, once rules are loaded; its findings are in the report's too. */
  readonly sigma?: SigmaOutcome;
}

/** The report asked for by `id`. */
export interface ReportReply {
  readonly kind: 'report';
  readonly id: number;
  readonly outcome: HuntOutcome;
}

/** The rules of a RulesRequest were compiled. */
export interface RulesReply {
  readonly kind: 'rules';
  readonly id: number;
  readonly load: SigmaLoad;
}

/** The rules were forgotten. */
export interface ForgottenReply {
  readonly kind: 'rules-forgotten';
  readonly id: number;
}

/** The request `id` failed outright. */
export interface HuntFailedReply {
  readonly kind: 'failed';
  readonly id: number;
  readonly message: string;
}

/** What the hunt worker answers. */
export type HuntReply = AddedReply | ReportReply | RulesReply | ForgottenReply | HuntFailedReply;

/** Skipped records whose reason is kept; the rest are only counted. */
export const SKIPPED_KEPT = 20;
