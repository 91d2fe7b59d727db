/**
 * The fuzzer's oracle: parses a file completely (every record to XML and structured) and judges
 * a mutant's parse against the clean file's.
 *
 * What "undamaged" means: a chunk slot whose 64 KiB (or the file's shorter tail) are byte for
 * byte the same, at the same file offset, in the clean file and the mutant. The parser reads
 * every slot on its own (templates and names are cached per chunk, the file header never
 * decides where data is), so nothing outside a slot may change that slot's records: the file
 * header, other chunks and the file's length may only change the summary (missing ids, wiped
 * or empty slots, what the header claimed). Every record of an undamaged slot must come out
 * identical: header id, file offset, XML and structured record.
 *
 * What "reported" means: for a slot that is not undamaged, where the clean file or the mutant
 * holds a chunk, and whose records differ from the clean ones (compared by id, XML and
 * structured record, not by offset), the mutant's parse must carry a warning or an error for
 * that slot (its chunk index), or count more loss in its summary than the clean parse (chunks
 * damaged or unreadable, records failed or missing). A crafted mutant (CRCs recomputed, or a
 * chunk copied whole) is a consistent file: a changed value there is no damage the parser can
 * see, so only clean records found nowhere in the mutant (lost) must be reported, the same way
 * but for the file: a warning or error anywhere, or more loss counted. Exempt: slots cut off
 * whole at a chunk boundary that no valid file header names, since the rest looks complete.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { crc32 } from '../../src/crc32.js';
import { bytesSource, EvtxFile, type FileSummary } from '../../src/index.js';
import type { Mutant } from './mutators.js';
import { keyOf } from './pool-job.js';

const HEADER_BLOCK = 4096;
const CHUNK_SIZE = 65536;
const MB = 1024 * 1024;

/** Time allowed for one parse: a fixed part and a part per MB of input. */
export const TIME_BUDGET = { baseMs: 1000, perMbMs: 4000 } as const;

/** Heap growth allowed while parsing one input: a fixed part and bytes per input byte. */
export const HEAP_BOUND = { baseBytes: 64 * MB, perInputByte: 48 } as const;

/** Everything one parse produced that the oracle compares. */
export interface ParseOutcome {
  /** Records by slot index: `id|offset|xml|structured` keys in file order. */
  slots: Map<number, string[]>;
  summary: FileSummary;
  /** CPU time the parse took, user and system, in ms. */
  cpuMs: number;
  heapGrowth: number;
}

/** A mutant the oracle rejected, and why. */
export interface Failure {
  kind:
    | 'exception'
    | 'time'
    | 'memory'
    | 'undamaged-chunk-changed'
    | 'damage-not-reported'
    | 'pool-differs';
  detail: string;
}

/** Parses `bytes` completely; throws whatever the parser throws. */
export async function parseFully(bytes: Uint8Array, name: string): Promise<ParseOutcome> {
  const gc = collector();
  gc?.();
  const heapStart = process.memoryUsage().heapUsed;
  let heapPeak = heapStart;
  // CPU time of this process, not wall time: a loaded machine (other test files run beside this
  // one) stretches the wall clock, while a parser that loops still spends CPU.
  const started = process.cpuUsage();

  const file = await EvtxFile.open(bytesSource(bytes, name));
  const slots = new Map<number, string[]>();
  let count = 0;
  for await (const record of file.records()) {
    const list = slots.get(record.chunkIndex) ?? [];
    list.push(keyOf(record, name));
    slots.set(record.chunkIndex, list);
    if (++count % 64 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  const used = process.cpuUsage(started);
  const cpuMs = (used.user + used.system) / 1000;
  return { slots, summary: file.summary, cpuMs, heapGrowth: heapPeak - heapStart };
}

/** Judges `mutant` against the clean parse of `clean`; undefined when it passes. */
export async function judge(
  clean: Uint8Array,
  cleanOutcome: ParseOutcome,
  mutant: Mutant,
  seen?: (outcome: ParseOutcome) => void,
): Promise<Failure | undefined> {
  let outcome: ParseOutcome;
  try {
    outcome = await parseFully(mutant.bytes, 'mutant.evtx');
    seen?.(outcome);
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { kind: 'exception', detail: text };
  }
  return (
    checkBudgets(mutant.bytes.length, outcome) ?? checkSlots(clean, cleanOutcome, mutant, outcome)
  );
}

/** The time budget of an input of `size` bytes, in ms. */
export function timeBudget(size: number): number {
  return TIME_BUDGET.baseMs + (TIME_BUDGET.perMbMs * size) / MB;
}

/** The heap bound of an input of `size` bytes. */
export function heapBound(size: number): number {
  return HEAP_BOUND.baseBytes + HEAP_BOUND.perInputByte * size;
}

function checkBudgets(size: number, outcome: ParseOutcome): Failure | undefined {
  const budget = timeBudget(size);
  if (outcome.cpuMs > budget) {
    const detail = `${outcome.cpuMs.toFixed(0)} ms of CPU for ${size} bytes, budget ${budget} ms`;
    return { kind: 'time', detail };
  }
  const bound = heapBound(size);
  if (outcome.heapGrowth > bound) {
    const detail = `heap grew ${outcome.heapGrowth} bytes for ${size} bytes, bound ${bound}`;
    return { kind: 'memory', detail };
  }
  return undefined;
}

function checkSlots(
  clean: Uint8Array,
  cleanOutcome: ParseOutcome,
  mutant: Mutant,
  outcome: ParseOutcome,
): Failure | undefined {
  const slots = Math.max(slotCount(clean.length), slotCount(mutant.bytes.length));
  const moreLoss = loss(outcome.summary) > loss(cleanOutcome.summary);
  for (let index = 0; index < slots; index++) {
    const before = cleanOutcome.slots.get(index) ?? [];
    const after = outcome.slots.get(index) ?? [];
    if (sameSlotBytes(clean, mutant.bytes, index)) {
      if (before.join('\n') !== after.join('\n') && !repeated(outcome, index, before)) {
        return { kind: 'undamaged-chunk-changed', detail: slotChange(index, before, after) };
      }
      continue;
    }
    const held = holdsChunk(clean, index) || holdsChunk(mutant.bytes, index);
    if (cutOffUnnamed(mutant.bytes, index)) continue;
    if (mutant.crafted || !held || content(before) === content(after)) continue;
    if (!moreLoss && !reportedAt(outcome.summary, index, mutant.bytes.length)) {
      return { kind: 'damage-not-reported', detail: slotChange(index, before, after) };
    }
  }
  return mutant.crafted ? checkLost(cleanOutcome, outcome, moreLoss) : undefined;
}

/**
 * For a crafted mutant: clean records found nowhere in it, less the mutant's records found
 * nowhere in the clean file (a record changed in place is not lost), must be reported somewhere.
 */
function checkLost(cleanOutcome: ParseOutcome, outcome: ParseOutcome, moreLoss: boolean) {
  const cleanKeys = [...cleanOutcome.slots.values()].flat().map(withoutOffset);
  const mutantKeys = [...outcome.slots.values()].flat().map(withoutOffset);
  const gone = missingFrom(cleanKeys, new Set(mutantKeys));
  const lost = gone - missingFrom(mutantKeys, new Set(cleanKeys));
  if (lost <= 0 || moreLoss) return undefined;
  if (outcome.summary.diagnostics.some((d) => d.severity !== 'info')) return undefined;
  const detail = `${lost} records of the clean file are in no slot of the mutant`;
  return { kind: 'damage-not-reported', detail } as const;
}

function missingFrom(keys: string[], other: Set<string>): number {
  return keys.filter((key) => !other.has(key)).length;
}

/**
 * True when the mutant reports slot `index` as repeating an earlier chunk (a copy was put
 * before it) and that chunk's records are the slot's clean ones: they are read once, there.
 */
function repeated(outcome: ParseOutcome, index: number, before: string[]): boolean {
  const diagnostic = outcome.summary.diagnostics.find(
    (d) => d.chunkIndex === index && d.message.startsWith('chunk repeats chunk '),
  );
  const first = Number(/^chunk repeats chunk (\d+)/.exec(diagnostic?.message ?? '')?.[1]);
  if (!Number.isInteger(first)) return false;
  const strip = (keys: string[]) => keys.map(withoutOffset).join('\n');
  return (
    (outcome.slots.get(index) ?? []).length === 0 &&
    strip(outcome.slots.get(first) ?? []) === strip(before)
  );
}

/**
 * Everything a summary counts as lost: damaged and unreadable chunks, failed and missing records.
 */
function loss({ chunks, records }: FileSummary): number {
  return chunks.damaged + chunks.unreadable + records.failed + records.missing;
}

/** The slot's records by content, in a fixed order, without their file offsets. */
function content(keys: string[]): string {
  return keys.map(withoutOffset).sort().join('\n');
}

/** A record key without its file offset (the second field). */
function withoutOffset(key: string): string {
  const [id, , ...rest] = key.split('|');
  return [id, ...rest].join('|');
}

/**
 * True when slot `index` is wholly cut off the end of `bytes` and no valid file header names
 * it: the file then reads as a shorter log (a dirty header is stale and names too few chunks),
 * so nothing left in it can show the loss.
 */
function cutOffUnnamed(bytes: Uint8Array, index: number): boolean {
  if (HEADER_BLOCK + index * CHUNK_SIZE < bytes.length) return false;
  if (bytes.length < 128) return true;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const valid = crc32(bytes, 0, 120) === view.getUint32(124, true);
  return !valid || view.getUint16(42, true) <= index;
}

/** A warning or error for the slot, or, for a slot cut off the end, for the file. */
function reportedAt(summary: FileSummary, index: number, size: number): boolean {
  const problems = summary.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.some((d) => d.chunkIndex === index)) return true;
  const cutOff = HEADER_BLOCK + index * CHUNK_SIZE >= size;
  return cutOff && (summary.lost || problems.some((d) => d.chunkIndex === undefined));
}

function sameSlotBytes(a: Uint8Array, b: Uint8Array, index: number): boolean {
  const start = HEADER_BLOCK + index * CHUNK_SIZE;
  const endA = Math.min(start + CHUNK_SIZE, a.length);
  const endB = Math.min(start + CHUNK_SIZE, b.length);
  if (endA !== endB) return false;
  for (let i = start; i < endA; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** True when slot `index` of `bytes` starts with the chunk signature. */
function holdsChunk(bytes: Uint8Array, index: number): boolean {
  const start = HEADER_BLOCK + index * CHUNK_SIZE;
  const signature = bytes.subarray(start, start + 8);
  return String.fromCharCode(...signature) === 'ElfChnk\0';
}

function slotCount(size: number): number {
  return Math.max(0, Math.ceil((size - HEADER_BLOCK) / CHUNK_SIZE));
}

function slotChange(index: number, before: string[], after: string[]): string {
  const lost = before.filter((key) => !after.includes(key)).length;
  const gained = after.filter((key) => !before.includes(key)).length;
  return `slot ${index}: ${before.length} records before, ${after.length} after (${lost} gone, ${gained} new or changed)`;
}

/** `gc()` of V8, exposed on first use, so heap growth is measured from a collected heap. */
function collector(): (() => void) | undefined {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? (gc as () => void) : undefined;
}
