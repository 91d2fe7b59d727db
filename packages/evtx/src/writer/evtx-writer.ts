/**
 * Writes an EVTX log chunk by chunk: records go in, finished 64 KiB chunks come out as they
 * fill, and the 4 KiB file header is asked for at the end, so a log of any size is written with
 * one chunk in memory.
 */
import { CHUNK_SIZE } from '../chunk-header.js';
import { FILE_HEADER_BLOCK } from '../file-header.js';
import { ChunkWriter } from './chunk-writer.js';
import { fileHeaderBytes } from './file-header.js';
import type { TemplateInstance } from './values.js';

/** The header's chunk count is 16 bits wide. */
export const MAX_CHUNKS = 0xffff;

/** One event to write; the writer gives it the next record identifier. */
export interface EventRecordInput {
  /** When the record was written to the log, in FILETIME ticks (100 ns since 1601). */
  readonly writtenTime: bigint;
  readonly event: TemplateInstance;
}

export interface EvtxWriterOptions {
  /** Identifier of the first record; 1 by default, as in a new log. */
  readonly firstRecordId?: bigint;
}

/** Streams records into chunks; see `add`, `finish` and `fileHeader`. */
export class EvtxWriter {
  readonly #chunk = new ChunkWriter();
  #nextRecordId: bigint;
  #chunks = 0;
  #finished = false;

  constructor(options: EvtxWriterOptions = {}) {
    this.#nextRecordId = options.firstRecordId ?? 1n;
  }

  /** The identifier the next record will get (events usually repeat it as EventRecordID). */
  get nextRecordId(): bigint {
    return this.#nextRecordId;
  }

  /** Chunks handed out so far. */
  get chunkCount(): number {
    return this.#chunks;
  }

  /**
   * Adds a record. Returns the previous chunk, finished, when this record did not fit in it
   * and started a new one; otherwise undefined.
   */
  add(record: EventRecordInput): Uint8Array | undefined {
    if (this.#finished) throw new Error('Cannot add a record: the writer was finished');
    const chunkRecord = { ...record, recordId: this.#nextRecordId };
    if (this.#chunk.add(chunkRecord)) {
      this.#nextRecordId++;
      return undefined;
    }
    if (this.#chunk.count === 0) {
      throw new RangeError(`Cannot write record ${this.#nextRecordId}: larger than a chunk`);
    }

    const full = this.#handOut();
    if (!this.#chunk.add(chunkRecord)) {
      throw new RangeError(`Cannot write record ${this.#nextRecordId}: larger than a chunk`);
    }
    this.#nextRecordId++;
    return full;
  }

  /** Finishes the last chunk and returns it, or undefined when no record is waiting. */
  finish(): Uint8Array | undefined {
    this.#finished = true;
    return this.#chunk.count === 0 ? undefined : this.#handOut();
  }

  #handOut(): Uint8Array {
    if (this.#chunks >= MAX_CHUNKS) {
      // TODO: logs above 65535 chunks (4 GiB) would need the header's chunk count to wrap,
      // which no reader expects; Windows never writes one.
      throw new RangeError(`Cannot write chunk ${this.#chunks}: a log holds ${MAX_CHUNKS}`);
    }
    this.#chunks++;
    return this.#chunk.finish();
  }

  /**
   * The 4 KiB file header for the chunks handed out so far: chunk numbers and count, the next
   * record identifier, version 3.1 and the CRC of its first 120 bytes. Write it at offset 0.
   */
  fileHeader(): Uint8Array {
    return fileHeaderBytes(this.#chunks, this.#nextRecordId);
  }
}

/** Writes a whole log in memory: the header and every chunk. For small logs and tests. */
export function writeEvtx(
  records: Iterable<EventRecordInput>,
  options?: EvtxWriterOptions,
): Uint8Array {
  const writer = new EvtxWriter(options);
  const chunks: Uint8Array[] = [];
  for (const record of records) {
    const full = writer.add(record);
    if (full !== undefined) chunks.push(full);
  }
  const last = writer.finish();
  if (last !== undefined) chunks.push(last);

  const bytes = new Uint8Array(FILE_HEADER_BLOCK + CHUNK_SIZE * chunks.length);
  bytes.set(writer.fileHeader(), 0);
  chunks.forEach((chunk, i) => bytes.set(chunk, FILE_HEADER_BLOCK + CHUNK_SIZE * i));
  return bytes;
}
