/** The 512-byte chunk header and its two CRCs. */
import { crc32 } from './crc32.js';

export const CHUNK_SIZE = 65536;
export const CHUNK_SIGNATURE = 'ElfChnk\0';
export const CHUNK_HEADER_SIZE = 512;

export interface ChunkHeader {
  firstRecordNumber: bigint;
  lastRecordNumber: bigint;
  firstRecordId: bigint;
  lastRecordId: bigint;
  headerSize: number;
  lastRecordOffset: number;
  freeSpaceOffset: number;
  recordsChecksum: number;
  headerChecksum: number;
  /** CRC-32 of bytes 0-120 and 128-512 equals `headerChecksum`. */
  headerCrcValid: boolean;
  /** CRC-32 of the records area [512, freeSpaceOffset) equals `recordsChecksum`. */
  dataCrcValid: boolean;
}

/** True when the slot starts with the chunk signature. */
export function hasChunkSignature(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== CHUNK_SIGNATURE.charCodeAt(i)) return false;
  return true;
}

/** True when every byte is zero: a slot Windows has not written yet. */
export function isAllZero(bytes: Uint8Array): boolean {
  let i = 0;
  // Aligned slots are checked a 32-bit word at a time.
  if ((bytes.byteOffset & 3) === 0 && bytes.length >= 4) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2);
    for (; i < words.length; i++) if (words[i] !== 0) return false;
    i *= 4;
  }
  for (; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/** Parses a chunk header; the caller has checked the signature and that 512 bytes exist. */
export function parseChunkHeader(bytes: Uint8Array): ChunkHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, CHUNK_HEADER_SIZE);
  const freeSpaceOffset = view.getUint32(48, true);
  const recordsChecksum = view.getUint32(52, true);
  const headerChecksum = view.getUint32(124, true);
  const dataEnd = Math.min(Math.max(freeSpaceOffset, CHUNK_HEADER_SIZE), bytes.length);

  return {
    firstRecordNumber: view.getBigUint64(8, true),
    lastRecordNumber: view.getBigUint64(16, true),
    firstRecordId: view.getBigUint64(24, true),
    lastRecordId: view.getBigUint64(32, true),
    headerSize: view.getUint32(40, true),
    lastRecordOffset: view.getUint32(44, true),
    freeSpaceOffset,
    recordsChecksum,
    headerChecksum,
    headerCrcValid: crc32(bytes, 128, 512, crc32(bytes, 0, 120)) === headerChecksum,
    dataCrcValid:
      freeSpaceOffset <= bytes.length &&
      crc32(bytes, CHUNK_HEADER_SIZE, dataEnd) === recordsChecksum,
  };
}
