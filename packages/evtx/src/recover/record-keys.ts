/**
 * What tells two copies of one record apart without keeping either: its header id and a hash
 * of its bytes. A slot's live records are kept as ids and hashes for the whole pass (6 bytes a
 * record when their ids run without a gap, as Windows writes them; 14 otherwise), so a record
 * recovered anywhere in the file can be recognised as a copy of one (recover/duplicates.ts).
 */
import type { EvtxRecord } from '../record.js';
import { RECORD_HEADER_SIZE, type RecordCandidate } from './record-scan.js';

/** One recovered record of a slot: where it lies and what it holds. */
export interface RecoveredKey {
  /** Absolute file offset of the record. */
  readonly offset: number;
  readonly recordId: bigint;
  readonly hash: number;
  /** Set when the record waits for templates of later chunks (recover/late-records.ts). */
  readonly late?: true;
}

/** The live records of one slot, in record order; structured-cloneable. */
export interface LiveKeys {
  /** The first record's id; with `ids` undefined, record `i` has id `first + i`. */
  readonly first: bigint;
  readonly ids: BigUint64Array | undefined;
  readonly hashes: Uint32Array;
  /** Each record's offset within its slot (a slot is 64 KiB). */
  readonly offsets: Uint16Array;
}

/** The keys of a slot's records: the live ones, and the recovered ones. */
export interface SlotKeys {
  readonly live: LiveKeys | undefined;
  readonly recovered: readonly RecoveredKey[];
}

/**
 * The keys of `records` and of the records `deferred` to the end of the pass (their offsets
 * within the slot), read from `bytes`, the slot at file offset `slotOffset` that holds them.
 * Records are believed only after their size was checked, so each lies inside `bytes`.
 */
export function slotKeys(
  bytes: Uint8Array,
  slotOffset: number,
  records: readonly EvtxRecord[],
  deferred: readonly RecordCandidate[] = [],
): SlotKeys {
  const view = slotView(bytes);
  const live = records.filter((record) => !record.recovered);
  const recovered: RecoveredKey[] = records
    .filter((record) => record.recovered)
    .map(({ offset, recordId }) => ({
      offset,
      recordId,
      hash: recordHash(view, offset - slotOffset),
    }));
  for (const { offset, recordId } of deferred) {
    recovered.push({
      offset: slotOffset + offset,
      recordId,
      hash: recordHash(view, offset),
      late: true,
    });
  }
  recovered.sort((a, b) => a.offset - b.offset);
  return { live: liveKeys(view, slotOffset, live), recovered };
}

/** Words read as the little-endian values a DataView gives, so either way hashes alike. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The slot's bytes as words too, when they are aligned for it (they are, read by a source). */
interface SlotView {
  readonly view: DataView;
  readonly words: Uint32Array | undefined;
}

function slotView(bytes: Uint8Array): SlotView {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const aligned = LITTLE_ENDIAN && bytes.byteOffset % 4 === 0;
  const words = aligned
    ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2)
    : undefined;
  return { view, words };
}

function liveKeys(
  view: SlotView,
  slotOffset: number,
  live: readonly EvtxRecord[],
): LiveKeys | undefined {
  const head = live[0];
  if (head === undefined) return undefined;

  const first = head.recordId;
  const gapless = live.every((record, i) => record.recordId === first + BigInt(i));
  const ids = gapless ? undefined : BigUint64Array.from(live, (record) => record.recordId);
  const offsets = Uint16Array.from(live, (record) => record.offset - slotOffset);
  const hashes = Uint32Array.from(offsets, (at) => recordHash(view, at));
  return { first, ids, hashes, offsets };
}

/**
 * A 32-bit hash of the record at `at`: its size, written time and everything after them up to
 * its end (the id is compared on its own). Two copies of a record agree; a match of id and
 * hash between different records has odds of 1 in 2^32. Records start 8-byte aligned in their
 * chunk, so they are read as words when the slot's bytes allow it; the hash is the same.
 */
export function recordHash({ view, words }: SlotView, at: number): number {
  const size = view.getUint32(at + 4, true);
  let hash = Math.imul(size, 0x9e3779b1) ^ 0x811c9dc5;
  const end = at + size;
  let pos = at + RECORD_HEADER_SIZE - 8;
  if (words !== undefined && pos % 4 === 0) {
    const last = end >>> 2;
    for (let word = pos >>> 2; word < last; word++) hash = mix(hash, words[word] as number);
    pos = last << 2;
  }
  for (; pos + 4 <= end; pos += 4) hash = mix(hash, view.getUint32(pos, true));
  for (; pos < end; pos++) hash = mix(hash, view.getUint8(pos));
  return hash >>> 0;
}

function mix(hash: number, word: number): number {
  const h = Math.imul(hash ^ word, 0x01000193);
  return h ^ (h >>> 15);
}

/** The id of live record `i`. */
export function liveId(keys: LiveKeys, i: number): bigint {
  return keys.ids === undefined ? keys.first + BigInt(i) : (keys.ids[i] as bigint);
}
