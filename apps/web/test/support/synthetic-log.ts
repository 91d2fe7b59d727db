/**
 * Large EVTX logs for the browser bench, made from a real one: the sample's chunks repeated
 * as often as asked, each record renumbered so ids run 1, 2, 3, ... through the whole file
 * (the record header's id and the event's System/EventRecordID, a UInt64 substitution value),
 * each chunk header's record numbers and ids set to match, both chunk CRCs and the file
 * header's CRC recomputed, and the header's chunk count, last chunk and next record id set.
 * The result reads as one clean log with no damage and no gap. What it does not change: the
 * events' times and other values repeat the sample's.
 */
import { crc32 } from '@evtxhunt/evtx';
import { open } from 'node:fs/promises';

const HEADER_BLOCK = 4096;
const CHUNK_SIZE = 65536;
const CHUNK_HEADER = 512;
const RECORD_SIGNATURE = 0x00002a2a;
const RECORD_HEADER = 24;
const FRAGMENT_HEADER_TOKEN = 0x0f;
const TEMPLATE_INSTANCE_TOKEN = 0x0c;
/** Next-definition offset, GUID and data size before a template definition's body. */
const TEMPLATE_HEADER = 24;
const UINT64_VALUE = 0x0a;
/** The file header keeps the chunk count in 16 bits. */
const MAX_CHUNKS = 0xffff;
/** Chunks written at once. */
const WRITE_BATCH = 64;

/** What was written. */
export interface SyntheticLog {
  readonly path: string;
  readonly bytes: number;
  readonly chunks: number;
  readonly records: number;
}

/** Writes a log of the sample's chunks repeated until the file has at least `minBytes`. */
export async function writeSyntheticLog(
  path: string,
  sample: Uint8Array,
  minBytes: number,
): Promise<SyntheticLog> {
  const chunks = sampleChunks(sample);
  const total = Math.max(1, Math.ceil((minBytes - HEADER_BLOCK) / CHUNK_SIZE));
  if (total > MAX_CHUNKS) {
    throw new RangeError(
      `synthetic log: ${total} chunks asked, a file header counts ${MAX_CHUNKS}`,
    );
  }

  const file = await open(path, 'w');
  let nextId = 1n;
  try {
    await file.write(new Uint8Array(HEADER_BLOCK), 0, HEADER_BLOCK, 0);
    for (let first = 0; first < total; first += WRITE_BATCH) {
      const count = Math.min(WRITE_BATCH, total - first);
      const batch = new Uint8Array(count * CHUNK_SIZE);
      for (let i = 0; i < count; i++) {
        const chunk = batch.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
        chunk.set(chunks[(first + i) % chunks.length] ?? new Uint8Array(0));
        nextId = renumberChunk(chunk, nextId, first + i);
      }
      await file.write(batch, 0, batch.length, HEADER_BLOCK + first * CHUNK_SIZE);
    }
    await file.write(fileHeader(sample, total, nextId), 0, HEADER_BLOCK, 0);
  } finally {
    await file.close();
  }
  const records = Number(nextId - 1n);
  return { path, bytes: HEADER_BLOCK + total * CHUNK_SIZE, chunks: total, records };
}

/** The sample's chunks, as many as its header counts; each must carry the chunk signature. */
function sampleChunks(sample: Uint8Array): Uint8Array[] {
  const count = view(sample).getUint16(42, true);
  const chunks = Array.from({ length: count }, (_, i) =>
    sample.subarray(HEADER_BLOCK + i * CHUNK_SIZE, HEADER_BLOCK + (i + 1) * CHUNK_SIZE),
  );
  chunks.forEach((chunk, i) => {
    const signature = String.fromCharCode(...chunk.subarray(0, 8));
    if (chunk.length !== CHUNK_SIZE || signature !== 'ElfChnk\0') {
      throw new Error(`synthetic log: the sample's chunk ${i} at ${hexOffset(i)} is not a chunk`);
    }
  });
  return chunks;
}

/** Gives the chunk's records ids from `firstId` on, fixes its header; returns the next id. */
function renumberChunk(chunk: Uint8Array, firstId: bigint, index: number): bigint {
  const data = view(chunk);
  const freeSpace = data.getUint32(48, true);
  let id = firstId;
  for (let at = CHUNK_HEADER; at + 24 <= freeSpace;) {
    const size = data.getUint32(at + 4, true);
    if (data.getUint32(at, true) !== RECORD_SIGNATURE || size < 24 || at + size > freeSpace) {
      throw new Error(`synthetic log: no record at ${hexOffset(index, at)} of the output`);
    }
    renumberEventRecordId(chunk, at, id);
    data.setBigUint64(at + 8, id++, true);
    at += size;
  }

  for (const field of [8, 24]) data.setBigUint64(field, firstId, true);
  for (const field of [16, 32]) data.setBigUint64(field, id - 1n, true);
  data.setUint32(52, crc32(chunk, CHUNK_HEADER, freeSpace), true);
  data.setUint32(124, crc32(chunk, 128, CHUNK_HEADER, crc32(chunk, 0, 120)), true);
  return id;
}

/**
 * Sets the System/EventRecordID of the record at `record` to `id`: the one UInt64 value of its
 * template instance equal to the record header's id. Offsets are the chunk's own.
 */
function renumberEventRecordId(chunk: Uint8Array, record: number, id: bigint): void {
  const data = view(chunk);
  const instance = record + RECORD_HEADER + 4;
  const where = `record at chunk offset 0x${record.toString(16)}`;
  if (chunk[record + RECORD_HEADER] !== FRAGMENT_HEADER_TOKEN) {
    throw new Error(`synthetic log: ${where} does not start with a BinXML fragment header`);
  }
  if (chunk[instance] !== TEMPLATE_INSTANCE_TOKEN) {
    throw new Error(`synthetic log: ${where} holds no template instance`);
  }

  const definition = data.getUint32(instance + 6, true);
  let table = instance + 10;
  // A definition written in place sits between the instance header and its values.
  if (definition === table) table += TEMPLATE_HEADER + data.getUint32(definition + 20, true);
  const oldId = data.getBigUint64(record + 8, true);
  const count = data.getUint32(table, true);
  let value = table + 4 + 4 * count;
  let found = 0;
  for (let i = 0; i < count; i++) {
    const size = data.getUint16(table + 4 + 4 * i, true);
    const isId = chunk[table + 6 + 4 * i] === UINT64_VALUE && size === 8;
    if (isId && data.getBigUint64(value, true) === oldId) {
      data.setBigUint64(value, id, true);
      found++;
    }
    value += size;
  }
  if (found !== 1) {
    throw new Error(`synthetic log: ${where} has ${found} UInt64 values equal to its id ${oldId}`);
  }
}

/** The sample's header with this file's chunk range, next record id, clean flags and CRC. */
function fileHeader(sample: Uint8Array, chunks: number, nextId: bigint): Uint8Array {
  const header = sample.slice(0, HEADER_BLOCK);
  const data = view(header);
  data.setBigUint64(8, 0n, true);
  data.setBigUint64(16, BigInt(chunks - 1), true);
  data.setBigUint64(24, nextId, true);
  data.setUint16(42, chunks, true);
  data.setUint32(120, 0, true);
  data.setUint32(124, crc32(header, 0, 120), true);
  return header;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function hexOffset(chunk: number, within = 0): string {
  return `0x${(HEADER_BLOCK + chunk * CHUNK_SIZE + within).toString(16)}`;
}
