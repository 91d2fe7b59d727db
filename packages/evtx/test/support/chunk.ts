/**
 * Builds one 64 KiB EVTX chunk: header (with both CRC32s), the common string and template
 * pointer tables, and event records whose BinXml shares the chunk's name and template caches.
 */
import { BinXmlEncoder, emptyTables, type ChunkTables } from './binxml-encoder.js';
import type { Fragment } from './binxml.js';
import { ByteWriter } from './byte-writer.js';
import { crc32 } from './crc32.js';
import { filetime } from './values.js';

export const CHUNK_SIZE = 0x10000;
export const CHUNK_HEADER_SIZE = 0x200;
export const RECORD_MAGIC = 0x00002a2a;

/** One event record. Everything but `body` has a realistic default. */
export interface RecordSpec {
  recordId: bigint | number;
  /** Record header time (when the record was written): ISO-8601 or FILETIME ticks. */
  writtenTime?: string | bigint;
  /** A BinXml fragment body, or raw bytes written in place of the whole BinXml. */
  body: Fragment | Uint8Array;
  /** Override the size field (the trailing copy keeps the real size unless `trailingSize`). */
  size?: number;
  trailingSize?: number;
  magic?: number;
}

/** Chunk header fields that a test may set to a wrong value; all default to the truth. */
export interface ChunkHeaderOverrides {
  signature?: string;
  firstRecordNumber?: bigint;
  lastRecordNumber?: bigint;
  firstRecordId?: bigint;
  lastRecordId?: bigint;
  headerSize?: number;
  lastRecordOffset?: number;
  freeSpaceOffset?: number;
  flags?: number;
  dataCrc?: number;
  headerCrc?: number;
}

/** Where a record landed in its chunk. */
export interface WrittenRecord {
  recordId: bigint;
  offset: number;
  size: number;
}

export class ChunkBuilder {
  private readonly w = new ByteWriter().padTo(CHUNK_HEADER_SIZE);
  private readonly tables: ChunkTables = emptyTables();
  /** Records in the order written, with their chunk offsets. */
  readonly records: WrittenRecord[] = [];

  /** Append one record; returns its chunk offset. */
  add(spec: RecordSpec): number {
    const offset = this.w.length;
    const recordId = BigInt(spec.recordId);
    const time = spec.writtenTime ?? '2024-01-01T00:00:00.0000000Z';
    this.w
      .u32(spec.magic ?? RECORD_MAGIC)
      .u32(0)
      .u64(recordId);
    this.w.u64(typeof time === 'bigint' ? time : filetime(time));

    if (spec.body instanceof Uint8Array) this.w.raw(spec.body);
    else new BinXmlEncoder(this.w, this.tables).fragment(spec.body);
    this.w.padTo(offset + align8(this.w.length - offset + 4) - 4);
    const size = this.w.length + 4 - offset;
    this.w.u32(spec.trailingSize ?? size);
    this.w.patchU32(offset + 4, spec.size ?? size);

    if (this.w.length > CHUNK_SIZE) throw new Error(`Chunk overflow: ${this.w.length} bytes`);
    this.records.push({ recordId, offset, size });
    return offset;
  }

  /** Chunk offset of a name already written in this chunk, for hand-made raw tokens. */
  nameOffset(name: string): number | undefined {
    return this.tables.names.get(name);
  }

  /** Offset where the next record would start (the free space offset). */
  get freeSpaceOffset(): number {
    return this.w.length;
  }

  /** The finished 64 KiB chunk. */
  build(overrides: ChunkHeaderOverrides = {}): Uint8Array {
    const bytes = new Uint8Array(CHUNK_SIZE);
    bytes.set(this.w.bytes());
    const view = new DataView(bytes.buffer);
    const first = this.records[0]?.recordId ?? 0n;
    const last = this.records.at(-1)?.recordId ?? 0n;

    bytes.set(signature(overrides.signature ?? 'ElfChnk\0'), 0);
    view.setBigUint64(0x08, overrides.firstRecordNumber ?? first, true);
    view.setBigUint64(0x10, overrides.lastRecordNumber ?? last, true);
    view.setBigUint64(0x18, overrides.firstRecordId ?? first, true);
    view.setBigUint64(0x20, overrides.lastRecordId ?? last, true);
    view.setUint32(0x28, overrides.headerSize ?? 0x80, true);
    view.setUint32(0x2c, overrides.lastRecordOffset ?? this.records.at(-1)?.offset ?? 0, true);
    const free = overrides.freeSpaceOffset ?? this.w.length;
    view.setUint32(0x30, free, true);
    view.setUint32(0x78, overrides.flags ?? 0, true);
    this.tables.stringTable.forEach((v, i) => view.setUint32(0x80 + i * 4, v, true));
    this.tables.templateTable.forEach((v, i) => view.setUint32(0x180 + i * 4, v, true));

    const dataEnd = Math.min(Math.max(free, CHUNK_HEADER_SIZE), CHUNK_SIZE);
    view.setUint32(0x34, overrides.dataCrc ?? crc32(bytes.subarray(0x200, dataEnd)), true);
    view.setUint32(0x7c, overrides.headerCrc ?? chunkHeaderCrc(bytes), true);
    return bytes;
  }
}

/** CRC32 of chunk header bytes 0..120 and 128..512, as stored at offset 124. */
export function chunkHeaderCrc(chunk: Uint8Array): number {
  return crc32(chunk.subarray(0, 0x78), chunk.subarray(0x80, 0x200));
}

/** Recompute both CRCs of a chunk in place, after a test edited its bytes. */
export function fixChunkCrcs(chunk: Uint8Array): void {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const free = Math.min(Math.max(view.getUint32(0x30, true), CHUNK_HEADER_SIZE), CHUNK_SIZE);
  view.setUint32(0x34, crc32(chunk.subarray(0x200, free)), true);
  view.setUint32(0x7c, chunkHeaderCrc(chunk), true);
}

/** A chunk with the given records, one after another. */
export function chunkOf(records: RecordSpec[], overrides: ChunkHeaderOverrides = {}): Uint8Array {
  const builder = new ChunkBuilder();
  for (const record of records) builder.add(record);
  return builder.build(overrides);
}

function signature(text: string): Uint8Array {
  return Uint8Array.from(text.padEnd(8, '\0').slice(0, 8), (c) => c.charCodeAt(0));
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
