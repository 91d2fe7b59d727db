/**
 * Which carved chunks make one log: chunks of the same channel and computer, in record id
 * order, go into one file as long as their ids do not overlap; a chunk whose ids overlap every
 * log so far (another copy of the log, or another machine's) starts a new one.
 */
import { MAX_CHUNKS } from '../writer/evtx-writer.js';
import type { CarvedChunk } from './carved-chunk.js';

/** One log to rebuild from carved chunks. */
export interface CarvedLog {
  /** A file name stem of safe characters only: `1-Security-DC01`. */
  readonly name: string;
  readonly channel: string;
  readonly computer: string;
  /** Its chunks in record id order; chunk i goes in slot i of the rebuilt file. */
  readonly chunks: readonly CarvedChunk[];
  readonly firstRecordId: bigint;
  readonly lastRecordId: bigint;
  /** Record ids between its chunks that no chunk held. */
  readonly missing: number;
  /** Records read from its chunks. */
  readonly records: number;
}

/** Characters of the channel and of the computer kept in a log's file name. */
const NAME_PART_CHARS = 60;

/**
 * The logs the chunks make. Copies (`duplicateOf`) and chunks from which no record was read
 * are left out: a rebuilt log would gain nothing from them.
 */
export function planLogs(chunks: readonly CarvedChunk[]): CarvedLog[] {
  const groups = new Map<string, CarvedChunk[]>();
  for (const chunk of chunks) {
    if (chunk.duplicateOf !== undefined || chunk.firstRecordId === undefined) continue;
    const key = `${chunk.channel}\u0000${chunk.computer}`;
    groups.set(key, [...(groups.get(key) ?? []), chunk]);
  }

  const runs = [...groups.values()].flatMap((group) => splitByIds(group));
  return runs.map((run, i) => describeLog(run, i + 1));
}

/** Chunks of one channel and computer as runs whose record ids only go up. */
function splitByIds(group: readonly CarvedChunk[]): CarvedChunk[][] {
  const sorted = [...group].sort((a, b) => compare(first(a), first(b)));
  const runs: CarvedChunk[][] = [];

  for (const chunk of sorted) {
    // The run that ends closest below this chunk continues with it.
    let best: CarvedChunk[] | undefined;
    for (const run of runs) {
      const end = last(run.at(-1)!);
      if (end < first(chunk) && run.length < MAX_CHUNKS && (!best || end > last(best.at(-1)!)))
        best = run;
    }
    if (best === undefined) runs.push([chunk]);
    else best.push(chunk);
  }
  return runs;
}

function describeLog(chunks: CarvedChunk[], number: number): CarvedLog {
  const { channel, computer } = chunks[0]!;
  let missing = 0n;
  for (let i = 1; i < chunks.length; i++) {
    const gap = first(chunks[i]!) - last(chunks[i - 1]!) - 1n;
    if (gap > 0n) missing += gap;
  }

  return {
    name: [
      String(number),
      safeName(channel, 'unknown-channel'),
      safeName(computer, 'unknown-computer'),
    ].join('-'),
    channel,
    computer,
    chunks,
    firstRecordId: first(chunks[0]!),
    lastRecordId: last(chunks.at(-1)!),
    missing: Number(missing),
    records: chunks.reduce((sum, chunk) => sum + chunk.records, 0),
  };
}

/**
 * `text` with every character but ASCII letters, digits, `.`, `_` and `-` replaced by `_`, cut
 * to its first characters: the channel and computer are whatever the image holds, and must
 * not steer where a file is written.
 */
export function safeName(text: string, fallback: string): string {
  const safe = text
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, NAME_PART_CHARS);
  return safe === '' ? fallback : safe;
}

function first(chunk: CarvedChunk): bigint {
  return chunk.firstRecordId ?? 0n;
}

function last(chunk: CarvedChunk): bigint {
  return chunk.lastRecordId ?? 0n;
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
