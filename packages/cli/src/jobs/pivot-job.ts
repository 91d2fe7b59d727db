/**
 * The chunk job of `pivot --threads`: a worker parses a chunk and applies the selection, and
 * sends back only what the main thread still needs. Every record goes as its identity, for
 * the duplicate check and the count of records seen, in columns; a record the selection takes
 * goes with the few fields the pivot reads, and no others.
 */
import type { EventRecord, FieldValue } from '@evtxhunt/hunt';
import type { ChunkJob, EvtxRecord } from '@evtxhunt/evtx/node';

import { selectionFor } from '../record-selection.js';

/** What the main thread tells each worker: the options that select and group records. */
export interface PivotJobOptions {
  readonly where: readonly string[];
  readonly allEvents: boolean;
  readonly query: string | undefined;
  /** The fields grouped by: a selected record keeps these of its data fields. */
  readonly by: readonly string[];
}

/** The data fields the pivot reads of every selected record, whatever it groups by. */
const PIVOT_READS = ['DestinationPort', 'DestinationHostname', 'UtcTime'];

/** One chunk's records, in record order, as the main thread's pivot needs them. */
export interface PivotChunk {
  /** Each record's EventRecordID. */
  readonly recordIds: readonly string[];
  /** Each record's TimeCreated. */
  readonly times: readonly (string | undefined)[];
  /** Each record's computer and channel, as an index into `logs`. */
  readonly logOf: readonly number[];
  /** The chunk's distinct computer and channel pairs (almost always one). */
  readonly logs: readonly (readonly [computer: string, channel: string])[];
  /** The records the selection took, by position in the chunk, in order. */
  readonly selected: readonly PivotPick[];
}

/** A selected record: its System fields and only the data fields the pivot reads. */
export interface PivotPick {
  readonly at: number;
  readonly record: EventRecord;
}

/** This module, for the pool's `job.module`. */
export const PIVOT_JOB = new URL('./pivot-job.js', import.meta.url);

/** Builds the job: one PivotChunk per chunk. */
export function createChunkJob(options: PivotJobOptions): ChunkJob<PivotChunk> {
  const select = selectionFor(options.where, options.allEvents, options.query);
  const kept = [...new Set([...options.by, ...PIVOT_READS])];
  return (records) => pivotChunk(records, select, kept);
}

function pivotChunk(
  records: readonly EvtxRecord[],
  select: (record: EventRecord) => boolean,
  kept: readonly string[],
): PivotChunk {
  const recordIds: string[] = [];
  const times: (string | undefined)[] = [];
  const logOf: number[] = [];
  const logs = new LogTable();
  const selected: PivotPick[] = [];

  for (const [at, evtxRecord] of records.entries()) {
    const record: EventRecord = { ...evtxRecord.toStructured(), file: evtxRecord.file };
    recordIds.push(record.recordId);
    times.push(record.timeCreated);
    logOf.push(logs.indexOf(record.computer, record.channel));
    if (select(record)) selected.push({ at, record: withFields(record, kept) });
  }
  return { recordIds, times, logOf, logs: logs.pairs, selected };
}

/** The distinct computer and channel pairs of a chunk, numbered as they come. */
class LogTable {
  readonly pairs: [computer: string, channel: string][] = [];
  readonly #index = new Map<string, number>();

  indexOf(computer: string, channel: string): number {
    const key = `${computer}\u0000${channel}`;
    let index = this.#index.get(key);
    if (index === undefined) {
      index = this.pairs.push([computer, channel]) - 1;
      this.#index.set(key, index);
    }
    return index;
  }
}

/** The record with only the data fields named in `kept` (those it has). */
function withFields(record: EventRecord, kept: readonly string[]): EventRecord {
  const data: Record<string, FieldValue> = Object.create(null) as Record<string, FieldValue>;
  for (const name of kept) {
    if (Object.hasOwn(record.data, name)) data[name] = record.data[name] as FieldValue;
  }
  return { ...record, data };
}
