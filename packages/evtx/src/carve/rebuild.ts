/** Rebuilding a readable EVTX file from a carved log: a new file header, then its chunks. */
import { CHUNK_SIZE } from '../chunk-header.js';
import { FILE_HEADER_BLOCK } from '../file-header.js';
import type { ByteSource } from '../source.js';
import { fileHeaderBytes } from '../writer/file-header.js';
import type { CarvedChunk } from './carved-chunk.js';
import type { CarvedLog } from './log-plan.js';

/**
 * The bytes of the rebuilt file, in order: the 4 KiB header (chunk count, next record id, CRC),
 * then each chunk as found, read again from `source` one at a time. Chunk bytes are never
 * changed: a chunk whose CRC failed still fails it in the rebuilt file, so the parser says so.
 * A chunk cut off by the end of the image is padded with zeros to 64 KiB.
 */
export async function* rebuildLog(source: ByteSource, log: CarvedLog): AsyncGenerator<Uint8Array> {
  yield fileHeaderBytes(log.chunks.length, log.lastRecordId + 1n);
  for (const chunk of log.chunks) yield await chunkSlot(source, chunk);
}

/** The 64 KiB slot for `chunk`: its bytes, padded with zeros when it was cut off. */
export async function chunkSlot(source: ByteSource, chunk: CarvedChunk): Promise<Uint8Array> {
  const bytes = await source.read(chunk.offset, chunk.length);
  if (bytes.length === CHUNK_SIZE) return bytes;

  const slot = new Uint8Array(CHUNK_SIZE);
  slot.set(bytes);
  return slot;
}

/**
 * The rebuilt file as a byte source, without writing it: the header, then each chunk read
 * from `source` when asked for. Open it with EvtxFile to read the log as it will be written.
 */
export function rebuiltSource(source: ByteSource, log: CarvedLog, name: string): ByteSource {
  const header = fileHeaderBytes(log.chunks.length, log.lastRecordId + 1n);
  const size = FILE_HEADER_BLOCK + CHUNK_SIZE * log.chunks.length;

  async function piece(index: number): Promise<Uint8Array> {
    const chunk = log.chunks[index - 1];
    return chunk === undefined ? header : chunkSlot(source, chunk);
  }

  async function read(offset: number, length: number): Promise<Uint8Array> {
    const end = Math.min(size, offset + length);
    const bytes = new Uint8Array(Math.max(0, end - offset));
    for (let at = offset; at < end;) {
      // Piece 0 is the header; piece i > 0 is slot i - 1.
      const index =
        at < FILE_HEADER_BLOCK ? 0 : 1 + Math.floor((at - FILE_HEADER_BLOCK) / CHUNK_SIZE);
      const start = index === 0 ? 0 : FILE_HEADER_BLOCK + (index - 1) * CHUNK_SIZE;
      const part = (await piece(index)).subarray(at - start, end - start);
      if (part.length === 0) break;
      bytes.set(part, at - offset);
      at += part.length;
    }
    return bytes;
  }

  return { size, name, read };
}
