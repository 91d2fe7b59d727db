/**
 * Fills one 64 KiB chunk with records and finishes it: the header's record numbers and ids,
 * last record offset, free space offset, both CRCs and the string and template tables.
 */
import { CHUNK_HEADER_SIZE, CHUNK_SIGNATURE } from '../chunk-header.js';
import { crc32 } from '../crc32.js';
import { RECORD_SIGNATURE } from '../recover/record-scan.js';
import { BinXmlWriter } from './binxml-writer.js';
import { ChunkBuffer, ChunkFull } from './chunk-buffer.js';
import type { TemplateInstance } from './values.js';

/** Chunk header field Windows sets to 1 in every chunk seen in the corpus. */
const CHUNK_FLAGS = 1;

/** One record to write: its identifier, when it was written, and the event. */
export interface ChunkRecord {
  readonly recordId: bigint;
  /** FILETIME ticks (100 ns since 1601). */
  readonly writtenTime: bigint;
  readonly event: TemplateInstance;
}

/** Writes records into one chunk at a time; `finish()` hands the chunk out and starts the next. */
export class ChunkWriter {
  #out = new ChunkBuffer();
  readonly #binxml = new BinXmlWriter(this.#out);
  #first: bigint | undefined;
  #last = 0n;
  #lastOffset = 0;
  #count = 0;

  /** Records in the chunk so far. */
  get count(): number {
    return this.#count;
  }

  /** Writes the record; false when it does not fit, leaving the chunk as it was. */
  add(record: ChunkRecord): boolean {
    const out = this.#out;
    out.begin();
    try {
      this.#record(record);
    } catch (error) {
      out.rollback();
      if (error instanceof ChunkFull) return false;
      throw error;
    }
    out.commit();
    return true;
  }

  #record(record: ChunkRecord): void {
    const out = this.#out;
    const start = out.pos;
    out.u32(RECORD_SIGNATURE);
    const sizeAt = out.take(4);
    out.u64(record.recordId);
    out.u64(record.writtenTime);

    this.#binxml.fragment(record.event);
    // Records are 8-byte aligned, the trailing size copy included.
    out.alignTo(8, 4);
    const size = out.pos + 4 - start;
    out.u32(size);
    out.view.setUint32(sizeAt, size, true);

    this.#first ??= record.recordId;
    this.#last = record.recordId;
    this.#lastOffset = start;
    this.#count++;
  }

  /** The finished chunk; the writer starts a new empty chunk afterwards. */
  finish(): Uint8Array {
    const out = this.#out;
    const { bytes, view } = out;
    bytes.set(
      Array.from(CHUNK_SIGNATURE, (c) => c.charCodeAt(0)),
      0,
    );
    const first = this.#first ?? 0n;
    view.setBigUint64(8, first, true);
    view.setBigUint64(16, this.#last, true);
    view.setBigUint64(24, first, true);
    view.setBigUint64(32, this.#last, true);
    view.setUint32(40, 128, true);
    view.setUint32(44, this.#lastOffset, true);
    view.setUint32(48, out.pos, true);
    view.setUint32(52, crc32(bytes, CHUNK_HEADER_SIZE, out.pos), true);
    view.setUint32(120, CHUNK_FLAGS, true);
    out.stringTable.forEach((offset, i) => view.setUint32(128 + 4 * i, offset, true));
    out.templateTable.forEach((offset, i) => view.setUint32(384 + 4 * i, offset, true));
    view.setUint32(124, crc32(bytes, 128, 512, crc32(bytes, 0, 120)), true);

    this.#reset();
    return bytes;
  }

  #reset(): void {
    this.#out = new ChunkBuffer();
    this.#binxml.out = this.#out;
    this.#first = undefined;
    this.#last = 0n;
    this.#lastOffset = 0;
    this.#count = 0;
  }
}
