/**
 * The chunks of a log in record id order. Windows fills chunk slots one after another and,
 * once the log is full, wraps round to slot 0, so record ids rise from slot to slot with one
 * drop where the newest chunk is followed by the oldest. A slot inside the log that holds no
 * chunk was wiped or damaged: its records are the ids missing between the chunks around it.
 */
import type { ChunkInfo } from './chunk.js';
import { hex } from './errors.js';
import type { FileHeader } from './file-header.js';
import type { RecordIds } from './slots.js';
import type { Diagnostic } from './types.js';

/** The identifiers of an unused chunk header. */
const NO_RECORD_ID = 0xffffffffffffffffn;

/** The record ids a chunk holds, and what told us. */
interface IdSpan {
  first: bigint;
  last: bigint;
  /** `header`: its chunk header (CRC valid); `records`: the ids of the records read. */
  from: 'header' | 'header and records' | 'records';
}

/** A slot that holds a chunk, with its record ids when they can be trusted. */
interface FoundChunk {
  index: number;
  offset: number;
  span: IdSpan | undefined;
}

/** Consecutive slots inside the log that hold no readable chunk. */
interface LostRun {
  slots: readonly ChunkInfo[];
  /** The chunks on either side in file order; undefined at either end of the file. */
  before: FoundChunk | undefined;
  after: FoundChunk | undefined;
}

/** Record ids missing between two chunks; an undefined end is open. */
interface IdRange {
  low: bigint | undefined;
  high: bigint | undefined;
}

/** What is missing from the log once every slot has been read. */
export interface MissingRecords {
  diagnostics: Diagnostic[];
  /** Record ids known to be missing; open-ended ranges are not counted. */
  count: number;
  /** True when a slot inside the log held records that are now lost. */
  lost: boolean;
}

/** Collects chunks and lost slots in file order, then says which record ids are missing. */
export class ChunkSequence {
  private readonly found: FoundChunk[] = [];
  private readonly runs: LostRun[] = [];

  constructor(private readonly header: FileHeader | undefined) {}

  /**
   * A slot that holds a chunk, with the smallest and largest record id read from it; it closes
   * the run of lost slots just before it, if any.
   */
  addChunk(info: ChunkInfo, read: RecordIds | undefined): void {
    const chunk = { index: info.index, offset: info.offset, span: idSpan(info, read) };
    const run = this.runs.at(-1);
    if (run !== undefined && run.after === undefined) run.after = chunk;
    this.found.push(chunk);
  }

  /** The highest record id any chunk added so far holds, by its header or its records. */
  highestId(): bigint | undefined {
    let highest: bigint | undefined;
    for (const { span } of this.found) {
      if (span !== undefined && (highest === undefined || span.last > highest)) highest = span.last;
    }
    return highest;
  }

  /** Consecutive slots inside the log without a readable chunk, after the chunks added so far. */
  addLostRun(slots: readonly ChunkInfo[]): void {
    if (slots.length > 0) this.runs.push({ slots, before: this.found.at(-1), after: undefined });
  }

  /**
   * Explains every lost run, then every jump in record ids between chunks. `ring` says the
   * slots form a ring (no unused slot is left at the end of the file, so the log may have
   * wrapped): a run at either end of the file is then bounded by the chunk at the other end.
   */
  finish(ring: boolean): MissingRecords {
    const missing: MissingRecords = { diagnostics: [], count: 0, lost: false };
    const explained = new Set<string>();
    for (const run of this.runs) this.explainRun(run, ring, missing, explained);
    this.findIdJumps(missing, explained);
    return missing;
  }

  private explainRun(
    run: LostRun,
    ring: boolean,
    missing: MissingRecords,
    explained: Set<string>,
  ): void {
    const before = ring ? (run.before ?? this.found.at(-1)) : run.before;
    const after = ring ? (run.after ?? this.found[0]) : run.after;
    const ranges = this.candidates(before?.span, after?.span);
    const only = ranges.length === 1 ? ranges[0] : undefined;
    if (only?.low !== undefined && only.high !== undefined) {
      missing.count += Number(only.high - only.low + 1n) - foundWithin(run.slots, only, 'found');
      if (before && after) explained.add(pairKey(before, after));
    }
    if (ranges.length > 0) missing.lost = true;

    const first = run.slots[0] as ChunkInfo;
    const evidence = this.evidence(before, after);
    const loss = describeLoss(ranges, run.slots.length);
    const back = describeFound(run.slots, only);
    missing.diagnostics.push({
      severity: ranges.length > 0 ? 'error' : 'warning',
      structure: 'chunk',
      offset: first.offset,
      chunkIndex: first.index,
      message: `${describeSlots(run.slots)}; ${loss}${back} (${evidence})`,
    });
  }

  /**
   * The record ids lost slots may have held, from the chunks before and after them: none when
   * those ids are contiguous, one range, or two where the ids drop across the slots (the log
   * wrapped there, so they held either its newest records or its oldest).
   */
  private candidates(before: IdSpan | undefined, after: IdSpan | undefined): IdRange[] {
    if (before && after && before.last < after.first) {
      const low = before.last + 1n;
      return low < after.first ? [{ low, high: after.first - 1n }] : [];
    }
    if (!before && !after) return [{ low: undefined, high: undefined }];

    const newer = before && this.newerThan(before.last);
    // Windows numbers records from 1: nothing is older than record 1.
    const older =
      after && after.first > 1n ? { low: undefined, high: after.first - 1n } : undefined;
    // A clean file header knows the last id written, which settles newer against older.
    if (newer?.high !== undefined) return [newer];
    return [newer, older].filter((range) => range !== undefined);
  }

  /** Records written after `last`: up to a clean header's next record id, else open-ended. */
  private newerThan(last: bigint): IdRange | undefined {
    const header = this.header;
    if (!header?.checksumValid || header.dirty) return { low: last + 1n, high: undefined };
    const next = header.nextRecordId;
    return next > last + 1n ? { low: last + 1n, high: next - 1n } : undefined;
  }

  /** Which chunks bound the slots, where the log wrapped, and the file header if it was asked. */
  private evidence(before: FoundChunk | undefined, after: FoundChunk | undefined): string {
    const notes = [describeBounds(before, after)];
    const [a, b] = [before?.span, after?.span];
    if (a && b && before !== after && b.first <= a.last) {
      notes.push('the ids drop there: the log wrapped');
    }

    // The header's next record id was asked about records newer than the chunk before.
    const header = this.header;
    const askedHeader = a !== undefined && !(b && a.last < b.first);
    if (askedHeader && header?.checksumValid && !header.dirty) {
      notes.push(`the file header's next record id is ${header.nextRecordId}`);
    }
    return notes.join('; ');
  }

  /** Warns where ids jump from one chunk to the next in id order with no lost slot to explain. */
  private findIdJumps(missing: MissingRecords, explained: ReadonlySet<string>): void {
    const chunks = this.found.filter((chunk) => chunk.span !== undefined).sort(byFirstId);
    for (let i = 1; i < chunks.length; i++) {
      const a = chunks[i - 1] as FoundChunk & { span: IdSpan };
      const b = chunks[i] as FoundChunk & { span: IdSpan };
      // TODO: chunks whose id ranges overlap (a chunk copied, or left over from before the
      // log was cleared) are passed over in silence; they may deserve a warning of their own.
      if (b.span.first <= a.span.last + 1n || explained.has(pairKey(a, b))) continue;

      const range = { low: a.span.last + 1n, high: b.span.first - 1n };
      missing.count += Number(range.high - range.low + 1n);
      // The records were written (the ids say so) and are not in the file: they are lost.
      missing.lost = true;
      const jump = `record ids jump from chunk ${a.index} to chunk ${b.index}`;
      missing.diagnostics.push({
        severity: 'warning',
        structure: 'chunk',
        offset: b.offset,
        chunkIndex: b.index,
        message: `${jump}: ${describeRange(range)} (${describeBounds(a, b)})`,
      });
    }
  }
}

/**
 * The ids in a chunk: its header's when the header CRC holds (records that failed are then
 * still inside the span, and counted as failed rather than missing), else the records read.
 */
function idSpan(info: ChunkInfo, read: RecordIds | undefined): IdSpan | undefined {
  const header = info.header;
  const usable =
    header !== undefined &&
    header.headerCrcValid &&
    header.firstRecordId <= header.lastRecordId &&
    header.firstRecordId !== NO_RECORD_ID;
  if (!usable) return read && { ...read, from: 'records' };

  // Records read past the free space offset carry ids beyond what the header names.
  const past = info.pastFreeLastId;
  const last = past !== undefined && past > header.lastRecordId ? past : undefined;
  if (last !== undefined) return { first: header.firstRecordId, last, from: 'header and records' };
  return { first: header.firstRecordId, last: header.lastRecordId, from: 'header' };
}

/**
 * Records found by their signatures in the slots whose found ids lie inside `range`: those
 * read as `recovered` in the pass, those found `unreadable`, those `waiting` for templates of
 * later chunks (read at the end, then counted recovered or failed), or all those `found`,
 * readable or not (so not missing); 0 without a closed range.
 */
function foundWithin(
  slots: readonly ChunkInfo[],
  range: IdRange | undefined,
  which: 'recovered' | 'unreadable' | 'waiting' | 'found',
): number {
  if (range?.low === undefined || range.high === undefined) return 0;
  let count = 0;
  for (const { recovered = 0, foundUnreadable = 0, waiting = 0, foundIds } of slots) {
    const inside =
      foundIds !== undefined && foundIds.first >= range.low && foundIds.last <= range.high;
    if (!inside) continue;
    const counts = {
      recovered,
      unreadable: foundUnreadable - waiting,
      waiting,
      found: recovered + foundUnreadable,
    };
    count += counts[which];
  }
  return count;
}

/**
 * What a lost run's records found by their signatures came to when the run was explained, as
 * the account counts them: recovered, failed (unreadable), or waiting for the end of the pass,
 * when they are counted recovered or failed (recover/late-records.ts says which).
 */
function describeFound(slots: readonly ChunkInfo[], range: IdRange | undefined): string {
  const parts = [
    [foundWithin(slots, range, 'recovered'), 'recovered by their signatures'],
    [foundWithin(slots, range, 'unreadable'), 'found but unreadable'],
    [foundWithin(slots, range, 'waiting'), 'found that wait for templates of later chunks'],
  ] as const;
  const told = parts.filter(([count]) => count > 0);
  return told.map(([count, what], i) => `, ${count} ${i === 0 ? 'of them ' : ''}${what}`).join('');
}

function byFirstId(a: FoundChunk, b: FoundChunk): number {
  const x = a.span?.first ?? 0n;
  const y = b.span?.first ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
}

function pairKey(a: FoundChunk, b: FoundChunk): string {
  return `${a.index}:${b.index}`;
}

/** What the lost slots hold: all zeros, or bytes without a chunk signature. */
function describeSlots(slots: readonly ChunkInfo[]): string {
  const zeros = slots.filter((slot) => slot.status === 'wiped').length;
  const unsigned = slots.length - zeros;
  if (slots.length === 1) {
    return zeros === 1
      ? 'the slot is all zeros (wiped or never written)'
      : 'the slot holds no chunk signature';
  }

  const last = slots.at(-1) as ChunkInfo;
  const kinds = [
    zeros > 0 ? `${zeros} all zeros (wiped or never written)` : '',
    unsigned > 0 ? `${unsigned} without a chunk signature` : '',
  ].filter(Boolean);
  const span = `slots ${slots[0]?.index}-${last.index} (to ${hex(last.offset)})`;
  return `${span} hold no chunk: ${kinds.join(', ')}`;
}

/** The candidate ranges as a clause: `records 111-184 are missing, 74 in all`. */
function describeLoss(ranges: readonly IdRange[], slots: number): string {
  const [range, other] = ranges;
  const them = slots === 1 ? 'the slot' : 'the slots';
  if (range === undefined) {
    return `no record ids are missing between the chunks around ${them}, so no records appear lost`;
  }
  if (other !== undefined) {
    return (
      `records from ${range.low} on or up to ${other.high} are missing, open-ended: ` +
      `${them} held either the log's newest records or its oldest`
    );
  }
  return describeRange(range);
}

function describeRange({ low, high }: IdRange): string {
  if (low === undefined && high === undefined) {
    return 'their records are missing; no chunk with record ids bounds them';
  }
  if (low === undefined) {
    return `records up to ${high} are missing; the range is open-ended, no earlier chunk bounds it`;
  }
  if (high === undefined) {
    return `records from ${low} on are missing; the range is open-ended, no later chunk bounds it`;
  }
  if (low === high) return `record ${low} is missing`;
  return `records ${low}-${high} are missing, ${high - low + 1n} in all`;
}

const SOURCES: Record<IdSpan['from'], [string, string]> = {
  header: ['its chunk header', 'their chunk headers'],
  'header and records': [
    'its chunk header and the records read past it',
    'their chunk headers and the records read past them',
  ],
  records: ['the records read from it', 'the records read from them'],
};

/** `chunk 1 ends at 110 and chunk 3 starts at 185, both by their chunk headers`. */
function describeBounds(before: FoundChunk | undefined, after: FoundChunk | undefined): string {
  const a = before?.span;
  const b = after?.span;
  if (before && a && before === after) {
    return `chunk ${before.index}, ids ${a.first}-${a.last}, is the only chunk with record ids`;
  }
  const end = before && a && `chunk ${before.index} ends at ${a.last}`;
  const start = after && b && `chunk ${after.index} starts at ${b.first}`;
  if (a && b && a.from === b.from) return `${end} and ${start}, both by ${SOURCES[a.from][1]}`;

  const sides = [a && `${end} by ${SOURCES[a.from][0]}`, b && `${start} by ${SOURCES[b.from][0]}`];
  const said = sides.filter((side) => side !== undefined);
  return said.length > 0 ? said.join(' and ') : 'no chunk with record ids survives';
}
