/** The 4 KiB file header a writer puts in front of its chunks. */
import { crc32 } from '../crc32.js';
import { FILE_HEADER_BLOCK, FILE_SIGNATURE } from '../file-header.js';

/**
 * A clean version 3.1 file header for `chunkCount` chunks numbered from 0, with `nextRecordId`
 * and the CRC of its first 120 bytes. Write it at offset 0, the chunks after it.
 */
export function fileHeaderBytes(chunkCount: number, nextRecordId: bigint): Uint8Array {
  const bytes = new Uint8Array(FILE_HEADER_BLOCK);
  const view = new DataView(bytes.buffer);
  bytes.set(
    Array.from(FILE_SIGNATURE, (c) => c.charCodeAt(0)),
    0,
  );
  view.setBigUint64(8, 0n, true);
  view.setBigUint64(16, BigInt(Math.max(chunkCount - 1, 0)), true);
  view.setBigUint64(24, BigInt.asUintN(64, nextRecordId), true);
  view.setUint32(32, 128, true);
  view.setUint16(36, 1, true);
  view.setUint16(38, 3, true);
  view.setUint16(40, FILE_HEADER_BLOCK, true);
  view.setUint16(42, chunkCount, true);
  view.setUint32(124, crc32(bytes, 0, 120), true);
  return bytes;
}
