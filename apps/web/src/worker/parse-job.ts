/**
 * One file parsed from a byte source on one thread, its rows handed out in batches as they are
 * read: the sequential reference the parse workers' result is tested against, and what the Node
 * benches and tests load a store with. Works on any ByteSource. The page itself reads files
 * through its pool of workers (pool/file-read.ts), a run of slots per task.
 */
import { EvtxFile, type ByteSource, type EvtxRecord } from '@evtxhunt/evtx';

import { keptSummary } from '../files/kept-summary.js';
import type { ParseOutcome, Progress } from '../protocol.js';
import { RowColumnsWriter, type RowColumns } from '../row-columns.js';
import { recordRow } from './compact-row.js';

/** Where a parse sends its batches, and how it learns it should stop. */
export interface ParseSink {
  rows(rows: RowColumns, progress: Progress): void;
  /** Asked between records; true stops the parse. */
  cancelled(): boolean;
}

/** How often a parse hands out rows: after this many records or this many milliseconds. */
export interface BatchLimits {
  readonly records: number;
  readonly ms: number;
}

/** Batch limits by default: about 2,000 records or 100 ms, whichever comes first. */
export const DEFAULT_BATCH: BatchLimits = { records: 2000, ms: 100 };

/** The clock batches are timed by; a parameter so tests can drive it. */
export type Clock = () => number;

/**
 * Reads every record of `source` in order, handing out rows every `limits.records` records or
 * `limits.ms` milliseconds.
 */
export async function parseEvtx(
  source: ByteSource,
  sink: ParseSink,
  limits: BatchLimits = DEFAULT_BATCH,
  clock: Clock = Date.now,
): Promise<ParseOutcome> {
  const evtx = await EvtxFile.open(source);
  const batch = new Batcher(sink, limits, clock, source.size);
  let cancelled = sink.cancelled();

  if (!cancelled) {
    // A chunk's records per await: one await per record cost some 15% of the parse.
    for await (const records of evtx.recordBatches()) {
      cancelled = addRows(records, batch, sink);
      if (cancelled) break;
    }
  }
  batch.flush();
  const progress = batch.progress(cancelled ? undefined : source.size);
  return { cancelled, progress, ...keptSummary(evtx.summary) };
}

/** Adds a chunk's records one by one; true when the sink cancelled part way. */
function addRows(records: readonly EvtxRecord[], batch: Batcher, sink: ParseSink): boolean {
  for (const record of records) {
    batch.add(record);
    if (sink.cancelled()) return true;
  }
  return false;
}

/** Collects rows and hands them to the sink when a batch is full or old enough. */
class Batcher {
  #rows = new RowColumnsWriter();
  #records = 0;
  #bytes = 0;
  #since: number;

  constructor(
    private readonly sink: ParseSink,
    private readonly limits: BatchLimits,
    private readonly clock: Clock,
    private readonly size: number,
  ) {
    this.#since = clock();
  }

  add(record: EvtxRecord): void {
    const { facts, data } = recordRow(record);
    this.#rows.add(facts, data);
    this.#records++;
    this.#bytes = record.offset;
    const full = this.#rows.count >= this.limits.records;
    if (full || this.clock() - this.#since >= this.limits.ms) this.flush();
  }

  flush(): void {
    this.#since = this.clock();
    if (this.#rows.count === 0) return;
    const rows = this.#rows.done();
    this.#rows = new RowColumnsWriter();
    this.sink.rows(rows, this.progress());
  }

  /** Progress so far; `bytes` overrides the position (the whole size once done). */
  progress(bytes = this.#bytes): Progress {
    return { bytes, size: this.size, records: this.#records };
  }
}
