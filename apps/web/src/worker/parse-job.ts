/**
 * One file parsed from a byte source, its rows handed out in batches as they are read, so the
 * page shows records while the rest still parses. Works on any ByteSource: a browser File in
 * a worker, bytes in memory in a test.
 */
import { EvtxFile, type ByteSource, type EvtxRecord, type FileSummary } from '@evtxhunt/evtx';

import {
  DEFAULT_BATCH,
  DIAGNOSTICS_POSTED,
  type BatchLimits,
  type CompactRow,
  type Progress,
} from '../protocol.js';
import { compactRow } from './compact-row.js';

/** Where a parse sends its batches, and how it learns it should stop. */
export interface ParseSink {
  rows(rows: readonly CompactRow[], progress: Progress): void;
  /** Asked between records; true stops the parse. */
  cancelled(): boolean;
}

/** How a parse ended. */
export interface ParseOutcome {
  readonly cancelled: boolean;
  readonly summary: FileSummary;
  readonly diagnosticsOmitted: number;
  readonly progress: Progress;
}

/** The clock batches are timed by; a parameter so tests can drive it. */
export type Clock = () => number;

/**
 * Reads every record of `source`, posting rows every `limits.records` records or `limits.ms`
 * milliseconds. TODO: one file is read by one worker from start to end, so a single large file
 * parses on one core however many workers the pool has (a generated 1 GB log: about 33 s of that
 * worker's CPU, about what the page's thread spends storing the rows). Splitting a file's chunk
 * slots over the workers and accounting for them in slot order, as packages/evtx's ChunkPool
 * does in Node, is not done.
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
  return outcome(evtx.summary, cancelled, batch.progress(cancelled ? undefined : source.size));
}

/** Adds a chunk's records one by one; true when the sink cancelled part way. */
function addRows(records: readonly EvtxRecord[], batch: Batcher, sink: ParseSink): boolean {
  for (const record of records) {
    batch.add(compactRow(record), record.offset);
    if (sink.cancelled()) return true;
  }
  return false;
}

function outcome(summary: FileSummary, cancelled: boolean, progress: Progress): ParseOutcome {
  // The header's own findings (not EVTX, chunks cut off) always cross: the status line needs them.
  const kept = summary.diagnostics.filter(
    (d, i) =>
      i < DIAGNOSTICS_POSTED || d.structure === 'file header' || d.structure === 'file chunks',
  );
  return {
    cancelled,
    summary: { ...summary, diagnostics: kept },
    diagnosticsOmitted: summary.diagnostics.length - kept.length,
    progress,
  };
}

/** Collects rows and hands them to the sink when a batch is full or old enough. */
class Batcher {
  #rows: CompactRow[] = [];
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

  add(row: CompactRow, offset: number): void {
    this.#rows.push(row);
    this.#records++;
    this.#bytes = offset;
    const full = this.#rows.length >= this.limits.records;
    if (full || this.clock() - this.#since >= this.limits.ms) this.flush();
  }

  flush(): void {
    this.#since = this.clock();
    if (this.#rows.length === 0) return;
    const rows = this.#rows;
    this.#rows = [];
    this.sink.rows(rows, this.progress());
  }

  /** Progress so far; `bytes` overrides the position (the whole size once done). */
  progress(bytes = this.#bytes): Progress {
    return { bytes, size: this.size, records: this.#records };
  }
}
