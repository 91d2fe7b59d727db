/**
 * The half of reading a file that any thread may do: chunk slots are read in runs, one read
 * per run, and each slot is parsed on its own. Nothing here looks at another slot; what slots
 * mean together is the accountant's work (slot-accountant.ts), done in slot order.
 */
import { TemplateCache } from './binxml/template-cache.js';
import { CHUNK_SIZE } from './chunk-header.js';
import { readChunk, type ChunkInfo, type ChunkReadOptions, type ChunkResult } from './chunk.js';
import { FILE_HEADER_BLOCK } from './file-header.js';
import type { ByteSource } from './source.js';
import { recordIdRange, type RecordIds } from './record-ids.js';
import type { EvtxRecord } from './record.js';
import { outsideHeaderRange } from './record-walker.js';
import type { RecoveredToRead } from './recover/duplicates.js';
import { readLate, type LateReport } from './recover/late-records.js';
import { slotKeys, type SlotKeys } from './recover/record-keys.js';
import type { Diagnostic } from './types.js';

export { recordIdRange, type RecordIds } from './record-ids.js';

/**
 * Slots read with one call to the source by a sequential reader, by default. Reading 16 at a
 * time (1 MiB) measured no faster with the file in the page cache (npm run bench:threads) and
 * peaked some 30 MB higher, since the larger buffers wait longer to be collected.
 */
export const SLOTS_PER_READ = 1;

/** Slots in one task of a chunk pool, read by its worker with one call: 16 x 64 KiB, 1 MiB. */
export const SLOTS_PER_TASK = 16;

/** The most slots one read may take, so a run's buffer stays small: 64 x 64 KiB, 4 MiB. */
export const MAX_SLOTS_PER_READ = 64;

/** What the accountant needs to know of one slot; small enough to pass between threads. */
export interface SlotReport {
  readonly info: ChunkInfo;
  readonly diagnostics: readonly Diagnostic[];
  /** Undefined when no record was read from the slot. */
  readonly recordIds: RecordIds | undefined;
  /**
   * The ids and hashes of the slot's live and recovered records, by which the accountant tells
   * recovered copies of a record (recover/duplicates.ts). Undefined when no record was read.
   */
  readonly keys?: SlotKeys | undefined;
}

/** One slot parsed: its records and its report. */
export type ParsedSlot = ChunkResult & SlotReport;

/** 64 KiB slots after the 4 KiB header, counting a partial last one. */
export function slotCount(size: number): number {
  return Math.max(0, Math.ceil((size - FILE_HEADER_BLOCK) / CHUNK_SIZE));
}

/** The absolute file offset of slot `index`. */
export function slotOffset(index: number): number {
  return FILE_HEADER_BLOCK + index * CHUNK_SIZE;
}

/**
 * Parses the bytes of slot `index` (up to 64 KiB); never throws for bad data. Give the slots of
 * one file the same `templates` to compile each template once, not once per chunk.
 */
export function parseSlot(
  bytes: Uint8Array,
  index: number,
  file: string,
  templates?: TemplateCache,
  options?: ChunkReadOptions,
): ParsedSlot {
  const offset = slotOffset(index);
  const result = readChunk(bytes, index, offset, file, templates, options);
  const { info, records } = result;
  // A record outside its chunk header's range does not widen the ids the chunk holds.
  const vouched =
    info.recovered === undefined ? records : records.filter((r) => !outsideHeaderRange(info, r));
  const found = records.length > 0 || result.deferred !== undefined;
  const keys = found ? slotKeys(bytes, offset, records, result.deferred) : undefined;
  return { ...result, recordIds: recordIdRange(vouched), keys };
}

/**
 * The live records of `records`: in the pass over a file, recovered records wait for its end,
 * when it is known which of them repeat another record (recover/duplicates.ts).
 */
export function liveRecords(records: readonly EvtxRecord[]): EvtxRecord[] {
  return records.filter((record) => !record.recovered);
}

/**
 * At the end of a pass, one slot the accountant names (`toRead`) parsed again from its `bytes`,
 * with only the recovered records it names: those read in the pass, and those that waited,
 * read now with every template of `templates` (which must by then hold every chunk's). Records
 * in file order; `late` for the accountant's `settleRecovered`.
 */
export function readRecoveredSlot(
  bytes: Uint8Array,
  toRead: RecoveredToRead,
  file: string,
  templates: TemplateCache,
  options?: ChunkReadOptions,
): { slot: ParsedSlot; late: LateReport | undefined } {
  const { index, offsets, late } = toRead;
  const parsed = parseSlot(bytes, index, file, templates, options);
  const records = keptRecovered(parsed.records, offsets);
  if (late.length === 0) return { slot: { ...parsed, records }, late: undefined };

  const slot = { index, offset: slotOffset(index), file };
  const waited = readLate(bytes, slot, templates, late);
  records.push(...waited.records);
  records.sort((a, b) => a.offset - b.offset);
  return { slot: { ...parsed, records }, late: waited.report };
}

/** The recovered records of `records` at the file offsets `offsets`, read again at the end. */
export function keptRecovered(
  records: readonly EvtxRecord[],
  offsets: readonly number[],
): EvtxRecord[] {
  const kept = new Set(offsets);
  return records.filter((record) => record.recovered && kept.has(record.offset));
}

/**
 * Parses slots `first` to `end` (exclusive) of `source` in order, reading `slotsPerRead` slots
 * with each call and starting the next read while the slots of this one are parsed. Records
 * keep their run's buffer alive, so a consumer holding one record holds up to 4 MiB.
 */
export async function* parseSlots(
  source: ByteSource,
  first: number,
  end: number,
  slotsPerRead: number = SLOTS_PER_READ,
  options?: ChunkReadOptions,
  templates: TemplateCache = new TemplateCache(),
): AsyncGenerator<ParsedSlot> {
  const perRead = checkSlotsPerRead(slotsPerRead);
  const runLength = (start: number) => Math.min(perRead, end - start);
  let next = readRun(source, first, runLength(first));
  for (let start = first; start < end; start += perRead) {
    const bytes = await next;
    const count = runLength(start);
    if (start + count < end) next = readRun(source, start + count, runLength(start + count));

    // A read cut short (the file shrank) leaves its last slots empty, as a slot-by-slot read would.
    for (let i = 0; i < count; i++) {
      const slot = bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
      yield parseSlot(slot, start + i, source.name, templates, options);
    }
  }
}

/** Throws a RangeError unless `count` is a whole number of slots from 1 to the maximum. */
export function checkSlotsPerRead(count: number): number {
  if (Number.isInteger(count) && count >= 1 && count <= MAX_SLOTS_PER_READ) return count;
  throw new RangeError(`slots per read must be 1-${MAX_SLOTS_PER_READ}, not ${count}`);
}

/**
 * Starts reading `count` slots from slot `first` with one read; slot `first + i` is at
 * `i * CHUNK_SIZE` in the result. A read that is never awaited (the consumer stopped early)
 * must not become an unhandled rejection, so one handler is attached here; the caller's await
 * still sees the error.
 */
export function readRun(source: ByteSource, first: number, count: number): Promise<Uint8Array> {
  const pending = source.read(slotOffset(first), count * CHUNK_SIZE);
  pending.catch(() => undefined);
  return pending;
}
