/** Rebuilding a readable EVTX file from a carved log: a new file header, then its chunks. */
import { CHUNK_SIZE } from '../chunk-header.js';
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
