/** Builds a whole EVTX file: the 4 KiB file header followed by 64 KiB chunks. */
import { crc32 } from './crc32.js';
import { CHUNK_SIZE } from './chunk.js';

export const FILE_HEADER_BLOCK = 0x1000;

/** File header flags. */
export const FileFlags = { Dirty: 1, Full: 2 } as const;

/** File header fields that a test may set; all default to what the chunks say. */
export interface FileHeaderOverrides {
  signature?: string;
  firstChunkNumber?: bigint;
  lastChunkNumber?: bigint;
  nextRecordId?: bigint;
  headerSize?: number;
  minorVersion?: number;
  majorVersion?: number;
  headerBlockSize?: number;
  chunkCount?: number;
  flags?: number;
  checksum?: number;
}

/** The file: header, then each chunk (64 KiB each; shorter arrays are written as given). */
export function evtxFile(chunks: Uint8Array[], overrides: FileHeaderOverrides = {}): Uint8Array {
  const size = FILE_HEADER_BLOCK + chunks.reduce((sum, c) => sum + c.length, 0);
  const bytes = new Uint8Array(size);
  bytes.set(fileHeader(chunks, overrides), 0);
  let at = FILE_HEADER_BLOCK;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The 4 KiB header block for `chunks`. */
export function fileHeader(chunks: Uint8Array[], o: FileHeaderOverrides = {}): Uint8Array {
  const bytes = new Uint8Array(FILE_HEADER_BLOCK);
  const view = new DataView(bytes.buffer);
  const sig = (o.signature ?? 'ElfFile\0').padEnd(8, '\0').slice(0, 8);
  bytes.set(
    Uint8Array.from(sig, (c) => c.charCodeAt(0)),
    0,
  );
  view.setBigUint64(0x08, o.firstChunkNumber ?? 0n, true);
  view.setBigUint64(0x10, o.lastChunkNumber ?? BigInt(Math.max(chunks.length - 1, 0)), true);
  view.setBigUint64(0x18, o.nextRecordId ?? lastRecordId(chunks) + 1n, true);
  view.setUint32(0x20, o.headerSize ?? 0x80, true);
  view.setUint16(0x24, o.minorVersion ?? 1, true);
  view.setUint16(0x26, o.majorVersion ?? 3, true);
  view.setUint16(0x28, o.headerBlockSize ?? FILE_HEADER_BLOCK, true);
  view.setUint16(0x2a, o.chunkCount ?? chunks.length, true);
  view.setUint32(0x78, o.flags ?? 0, true);
  view.setUint32(0x7c, o.checksum ?? crc32(bytes.subarray(0, 0x78)), true);
  return bytes;
}

/** The highest last-record id among chunks that carry the chunk signature. */
function lastRecordId(chunks: Uint8Array[]): bigint {
  let last = 0n;
  for (const chunk of chunks) {
    if (chunk.length < 0x28 || String.fromCharCode(...chunk.subarray(0, 7)) !== 'ElfChnk') continue;
    const id = new DataView(chunk.buffer, chunk.byteOffset).getBigUint64(0x20, true);
    if (id > last) last = id;
  }
  return last;
}

/** A chunk slot of zero bytes, as Windows leaves unused slots. */
export function zeroChunk(): Uint8Array {
  return new Uint8Array(CHUNK_SIZE);
}
