/** The 4 KiB file header: reported, never trusted for where the chunks are. */
import { crc32 } from './crc32.js';
import { EvtxError } from './errors.js';

export const FILE_SIGNATURE = 'ElfFile\0';
export const FILE_HEADER_BLOCK = 4096;

export interface FileHeader {
  firstChunkNumber: bigint;
  lastChunkNumber: bigint;
  nextRecordId: bigint;
  headerSize: number;
  minorVersion: number;
  majorVersion: number;
  headerBlockSize: number;
  chunkCount: number;
  flags: number;
  /** Flag 0x1: the log was not closed cleanly; the header may be stale. */
  dirty: boolean;
  /** Flag 0x2: the log reached its maximum size. */
  full: boolean;
  checksum: number;
  /** CRC-32 of the first 120 bytes equals `checksum`. */
  checksumValid: boolean;
}

/** Parses the header at the start of `bytes`; throws `EvtxError` when it is not one. */
export function parseFileHeader(bytes: Uint8Array): FileHeader {
  if (bytes.length < 128) {
    throw new EvtxError('file header', 0, `file is ${bytes.length} bytes, a header needs 128`);
  }
  const signature = String.fromCharCode(...bytes.subarray(0, 8));
  if (signature !== FILE_SIGNATURE) {
    throw new EvtxError(
      'file header',
      0,
      `bad signature ${JSON.stringify(signature)}, expected "ElfFile"`,
    );
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, 128);
  const flags = view.getUint32(120, true);
  const checksum = view.getUint32(124, true);
  return {
    firstChunkNumber: view.getBigUint64(8, true),
    lastChunkNumber: view.getBigUint64(16, true),
    nextRecordId: view.getBigUint64(24, true),
    headerSize: view.getUint32(32, true),
    minorVersion: view.getUint16(36, true),
    majorVersion: view.getUint16(38, true),
    headerBlockSize: view.getUint16(40, true),
    chunkCount: view.getUint16(42, true),
    flags,
    dirty: (flags & 1) !== 0,
    full: (flags & 2) !== 0,
    checksum,
    checksumValid: crc32(bytes, 0, 120) === checksum,
  };
}
