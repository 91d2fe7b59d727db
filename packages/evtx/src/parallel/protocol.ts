/**
 * The messages between a chunk pool and its worker threads, and the job contract. A worker is
 * started with the job's module and options, then takes tasks (a run of chunk slots of one
 * file) and answers each with one report per slot, in slot order.
 */
import type { ChunkInfo, ChunkReadOptions } from '../chunk.js';
import type { EvtxRecord } from '../record.js';
import type { LateReport } from '../recover/late-records.js';
import type { SlotReport } from '../slots.js';

/**
 * What a worker does with the records of one chunk slot, in record order. Its output must be
 * structured-cloneable and should be compact: small row tuples, or text as UTF-8 bytes in a
 * `Uint8Array` of its own, which is moved to the main thread rather than copied.
 */
export type ChunkJob<Output> = (records: readonly EvtxRecord[], chunk: ChunkInfo) => Output;

/**
 * What a job module exports as `createChunkJob`: called once per worker thread with the
 * options the pool was given, it returns the job (or a promise of it, to import lazily what
 * only some options need: each module imported costs every thread its memory).
 */
export type ChunkJobFactory<Options, Output> = (
  options: Options,
) => ChunkJob<Output> | Promise<ChunkJob<Output>>;

/** The job a pool runs: the module exporting `createChunkJob`, and the options it is given. */
export interface JobSpec<Options> {
  /** A `file:` URL (or URL string) of an ES module. */
  readonly module: URL | string;
  readonly options: Options;
}

/** What a worker is started with (its `workerData`). */
export interface WorkerStart {
  readonly module: string;
  readonly options: unknown;
}

/** Parse slots `first` to `first + count` of `file`. */
export interface TaskRequest {
  readonly kind: 'task';
  readonly id: number;
  /** The path the thread opens. */
  readonly file: string;
  /**
   * What records and diagnostics call the file: the EvtxFile's own name, which differs from
   * `file` when the log was unpacked to a temporary file (a gzipped EVTX, a zip's member).
   */
  readonly name: string;
  /**
   * Which read of the pool the task is part of. A thread keeps the file open, with the templates
   * compiled from it, for the tasks of one read only: a file rewritten at the same path between
   * two reads is opened afresh, not read with the old one's templates and size.
   */
  readonly pass: number;
  readonly first: number;
  readonly count: number;
  /** What is read besides the live records: the file's own `EvtxFile.readOptions`. */
  readonly read: ChunkReadOptions;
  /**
   * Set at the end of a pass (recover/duplicates.ts): the job runs only on the recovered
   * records at these file offsets, not on the live ones.
   */
  readonly recovered?: readonly number[];
  /** Of `recovered`, those that waited for templates of later chunks (late-records.ts). */
  readonly late?: readonly number[];
}

/** Close the open file and end the thread. */
export interface CloseRequest {
  readonly kind: 'close';
}

/** Buffers of outputs the main thread is done with, moved to a worker to be freed there. */
export interface RecycleRequest {
  readonly kind: 'recycle';
  readonly buffers: readonly ArrayBuffer[];
}

export type PoolRequest = TaskRequest | CloseRequest | RecycleRequest;

/** One slot as a worker reports it: the accountant's report plus the job's output. */
export interface WorkerSlot<Output = unknown> extends SlotReport {
  /** Undefined for slots without records and for slots that failed. */
  readonly output: Output | undefined;
  /** At the end of a pass: what reading the records that waited gave. */
  readonly late?: LateReport | undefined;
  /** At the end of a pass: how many recovered records the job was given. */
  readonly given?: number;
}

/** The answer to one task: every slot it named, in slot order. */
export interface TaskReply {
  readonly kind: 'task';
  readonly id: number;
  readonly slots: WorkerSlot[];
}

/** Sent once by a worker when its job is loaded (or failed to load): it can take tasks now. */
export interface ReadyReply {
  readonly kind: 'ready';
}

export type WorkerReply = TaskReply | ReadyReply;

/** The buffer of a byte output that spans all of it, so it can be moved between threads. */
export function ownBuffer(output: unknown): ArrayBuffer | undefined {
  if (!(output instanceof Uint8Array) || !(output.buffer instanceof ArrayBuffer)) return undefined;
  // A detached buffer (moved already) has no bytes left and cannot be moved again.
  const whole = output.byteOffset === 0 && output.byteLength === output.buffer.byteLength;
  return whole && output.byteLength > 0 ? output.buffer : undefined;
}
