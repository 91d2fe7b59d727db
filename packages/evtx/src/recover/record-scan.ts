/**
 * Finds event records in bytes that are not read as a chunk: a slot whose chunk header was
 * destroyed, the unused space at the end of a chunk, or any stretch of a disk image. A record
 * is believed only when its signature, its size, the copy of the size at its end and its
 * written time all agree; its BinXml is not looked at here.
 */
import { filetimeToIso } from '../time.js';

/** The record signature `**\0\0` as a little-endian 32-bit value. */
export const RECORD_SIGNATURE = 0x00002a2a;

/** Signature, size, record id and written time come before the BinXml. */
export const RECORD_HEADER_SIZE = 24;

/** The header, the smallest BinXml (a fragment header) and the trailing size copy. */
export const MIN_RECORD_SIZE = RECORD_HEADER_SIZE + 4 + 4;

/** A record lives in one chunk's record area: 64 KiB less the 512-byte chunk header. */
export const MAX_RECORD_SIZE = 65536 - 512;

/**
 * Written times believed, as FILETIME ticks: 1990-01-01 to 2100-01-01. EVTX came with Windows
 * Vista (2006); the margin admits a clock set wrong, not the zeros or noise of a false hit.
 */
export const EARLIEST_FILETIME = 122_756_256_000_000_000n;
export const LATEST_FILETIME = 157_469_184_000_000_000n;

/** One record the scan believes in. */
export interface RecordCandidate {
  /** Offset of the record's signature: `base` plus its index in the bytes scanned. */
  readonly offset: number;
  /** The record's size, equal to the copy in its last four bytes. */
  readonly size: number;
  /** The record header's identifier. */
  readonly recordId: bigint;
  /** The record header's FILETIME, as ISO-8601 UTC with seven fraction digits. */
  readonly writtenTime: string;
}

/** Where in the bytes to look, and how. */
export interface RecordScanOptions {
  /** Index in `bytes` to start at; default 0. */
  from?: number;
  /** Index in `bytes` where a record must have ended; default `bytes.length`. */
  to?: number;
  /**
   * Offsets tried: 8 for records inside a chunk, which Windows writes 8-byte aligned (counted
   * from `bytes`' start); 1 (the default) for carving, where a chunk can lie anywhere.
   */
  step?: 1 | 8;
}

/**
 * Every record in `bytes[from, to)` whose signature, size, trailing size copy and written time
 * agree, in order; records never overlap (the scan goes on after each record it takes).
 * `base` is the absolute offset of `bytes[0]`, added to each candidate's offset.
 */
export function scanRecords(
  bytes: Uint8Array,
  base = 0,
  options: RecordScanOptions = {},
): RecordCandidate[] {
  const to = Math.min(options.to ?? bytes.length, bytes.length);
  const step = options.step ?? 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const found: RecordCandidate[] = [];
  let pos = alignUp(Math.max(0, options.from ?? 0), step);

  while (pos + MIN_RECORD_SIZE <= to) {
    // Byte by byte, the next signature is found with indexOf rather than tried at each offset.
    if (step === 1) pos = nextSignature(bytes, pos, to);
    if (pos < 0) break;
    const candidate = recordAt(view, pos, to);
    if (candidate === undefined) {
      pos += step;
      continue;
    }
    found.push({ ...candidate, offset: base + pos });
    pos += alignUp(candidate.size, step);
  }
  return found;
}

/**
 * The record at `pos` when its header and trailing size copy are believable and it ends by
 * `to`; its offset is `pos` (the caller adds its base).
 */
export function recordAt(view: DataView, pos: number, to: number): RecordCandidate | undefined {
  if (pos < 0 || pos + MIN_RECORD_SIZE > to) return undefined;
  if (view.getUint32(pos, true) !== RECORD_SIGNATURE) return undefined;

  const size = view.getUint32(pos + 4, true);
  if (size < MIN_RECORD_SIZE || size > MAX_RECORD_SIZE || pos + size > to) return undefined;
  if (view.getUint32(pos + size - 4, true) !== size) return undefined;

  const low = view.getUint32(pos + 16, true);
  const high = view.getUint32(pos + 20, true);
  const ticks = (BigInt(high) << 32n) | BigInt(low);
  if (ticks < EARLIEST_FILETIME || ticks > LATEST_FILETIME) return undefined;

  const recordId = view.getBigUint64(pos + 8, true);
  return { offset: pos, size, recordId, writtenTime: filetimeToIso(low, high) };
}

/** The index of the next `**\0\0` at or after `pos` that leaves room for a record, or -1. */
function nextSignature(bytes: Uint8Array, pos: number, to: number): number {
  let at = pos;
  while (at + MIN_RECORD_SIZE <= to) {
    at = bytes.indexOf(0x2a, at);
    if (at < 0 || at + MIN_RECORD_SIZE > to) return -1;
    if (bytes[at + 1] === 0x2a && bytes[at + 2] === 0 && bytes[at + 3] === 0) return at;
    at++;
  }
  return -1;
}

function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}
