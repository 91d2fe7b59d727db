/**
 * The carving scan: an image of any size (a disk image, a memory dump, unallocated space) is
 * read window by window, never whole, and searched at every byte offset for chunk signatures
 * and, outside the chunks found, for intact records. Loose records that need a template from
 * elsewhere are read last, once every chunk of the image has lent its templates.
 */
import { TemplateCache } from '../binxml/template-cache.js';
import { CHUNK_SIZE } from '../chunk-header.js';
import type { RecordCandidate } from '../recover/record-scan.js';
import type { ByteSource } from '../source.js';
import {
  examineChunk,
  isCarvedChunk,
  type CarvedChunk,
  type RejectedSignature,
} from './carved-chunk.js';
import { looseRecordAt, needsTemplate, readLooseRecord, type LooseRecord } from './loose-record.js';
import { CHUNK_MAGIC, findPattern, RECORD_MAGIC } from './signatures.js';

/**
 * Bytes searched per read. Each read takes 64 KiB more, so that a chunk or record starting in
 * the window is whole in the buffer: memory stays near 4 MiB whatever the image's size.
 */
export const SCAN_WINDOW = 4 * 1024 * 1024;

/** How far a scan has come, given after each window. */
export interface CarveProgress {
  readonly scanned: number;
  readonly size: number;
  readonly chunks: number;
  readonly looseRecords: number;
}

/** What a scan tells its caller while it runs; the library itself never prints. */
export interface CarveOptions {
  /** Bytes searched per read, at least 64 KiB; SCAN_WINDOW by default. */
  readonly windowBytes?: number;
  readonly onProgress?: (progress: CarveProgress) => void;
  /**
   * Each loose record with its record when it could be read: as it is found, or, for one that
   * needs a template from the carved chunks, after the whole image was searched.
   */
  readonly onLooseRecord?: (record: LooseRecord) => void | Promise<void>;
}

/** A loose record as the scan keeps it: where, which, and whether it could be read. */
export type LooseRecordFound = Omit<LooseRecord, 'record'> & { readonly read: boolean };

/** Everything a scan found, in image order. */
export interface CarveScan {
  readonly image: string;
  readonly size: number;
  /** Chunks accepted; a copy of an earlier one has `duplicateOf`. */
  readonly chunks: readonly CarvedChunk[];
  /** Chunk signatures whose header could not be used. */
  readonly rejected: readonly RejectedSignature[];
  readonly looseRecords: readonly LooseRecordFound[];
}

/** Scans `source` for chunks and loose records; see CarveScan. */
export async function scanImage(
  source: ByteSource,
  options: CarveOptions = {},
): Promise<CarveScan> {
  const window = options.windowBytes ?? SCAN_WINDOW;
  if (!Number.isInteger(window) || window < CHUNK_SIZE) {
    throw new RangeError(`window must be a whole number of bytes from 65536, not ${window}`);
  }
  const scan = new ImageScan(source, options, window);
  for (let start = 0; start < source.size; start += window) await scan.window(start);
  await scan.readDeferred();
  return scan.result();
}

class ImageScan {
  readonly #chunks: CarvedChunk[] = [];
  readonly #rejected: RejectedSignature[] = [];
  readonly #loose: LooseRecordFound[] = [];
  /** Offsets of the chunks kept so far by the CRC of their bytes, to recognise copies. */
  readonly #copies = new Map<number, CarvedChunk[]>();
  /** Image offset where the search goes on: past the last chunk or record taken. */
  #resumeAt = 0;
  /**
   * Templates compiled from the carved chunks, lent to loose records by template id. TODO:
   * the cache keeps 4 MiB of definitions (MAX_CACHED_TEMPLATE_BYTES); in an image with more,
   * a loose record whose template is past that is not read.
   */
  readonly #templates = new TemplateCache();
  /** Loose records that need a template, by image offset, read once the scan is done. */
  readonly #deferred: { offset: number; candidate: RecordCandidate }[] = [];

  constructor(
    private readonly source: ByteSource,
    private readonly options: CarveOptions,
    private readonly windowBytes: number,
  ) {}

  /** Searches the window that starts at image offset `start`. */
  async window(start: number): Promise<void> {
    const bytes = await this.source.read(start, this.windowBytes + CHUNK_SIZE);
    const end = Math.min(this.windowBytes, bytes.length);
    let pos = Math.max(0, this.#resumeAt - start);
    let nextChunk = -2;

    while (pos < end) {
      if (nextChunk !== -1 && nextChunk < pos)
        nextChunk = findPattern(bytes, CHUNK_MAGIC, pos, end);
      // Records are searched only up to the next chunk, which may hold them.
      const limit = nextChunk === -1 ? end : nextChunk;
      const record = findPattern(bytes, RECORD_MAGIC, pos, limit);
      if (record !== -1) pos = await this.#takeRecord(bytes, record, start);
      else if (nextChunk !== -1) pos = await this.#takeChunk(bytes, nextChunk, start);
      else pos = end;
    }
    this.#resumeAt = Math.max(this.#resumeAt, start + pos);
    this.#progress(start + end);
  }

  /** Reads the loose records that waited for the templates of every carved chunk. */
  async readDeferred(): Promise<void> {
    for (const { offset, candidate } of this.#deferred) {
      const bytes = await this.source.read(offset, candidate.size);
      const found = readLooseRecord(
        bytes,
        0,
        { ...candidate, offset: 0 },
        offset,
        this.source.name,
        this.#templates,
      );
      await this.#keepLoose(found);
    }
    this.#loose.sort((a, b) => a.offset - b.offset);
  }

  result(): CarveScan {
    return {
      image: this.source.name,
      size: this.source.size,
      chunks: this.#chunks,
      rejected: this.#rejected,
      looseRecords: this.#loose,
    };
  }

  /** Takes the chunk signature at `at`; returns where the search goes on. */
  async #takeChunk(bytes: Uint8Array, at: number, start: number): Promise<number> {
    const slot = bytes.subarray(at, at + CHUNK_SIZE);
    const found = examineChunk(
      slot,
      start + at,
      this.#chunks.length,
      this.source.name,
      this.#templates,
    );
    if (!isCarvedChunk(found)) {
      this.#rejected.push(found);
      return at + 1;
    }

    const original = await this.#originalOf(found, slot);
    if (original !== undefined) found.duplicateOf = original.offset;
    else this.#copies.set(found.contentCrc, [...(this.#copies.get(found.contentCrc) ?? []), found]);
    this.#chunks.push(found);
    return at + found.length;
  }

  /**
   * The chunk kept earlier with the same bytes as `slot`: the CRC of all bytes picks the
   * candidates, and the bytes read again decide, so two chunks that only share a CRC are both
   * kept. No chunk's bytes are held, so memory does not grow with the chunks found.
   */
  async #originalOf(found: CarvedChunk, slot: Uint8Array): Promise<CarvedChunk | undefined> {
    for (const candidate of this.#copies.get(found.contentCrc) ?? []) {
      if (candidate.length !== found.length) continue;
      const bytes = await this.source.read(candidate.offset, candidate.length);
      if (sameBytes(bytes, slot)) return candidate;
    }
    return undefined;
  }

  /** Takes the record signature at `at` when an intact record starts there. */
  async #takeRecord(bytes: Uint8Array, at: number, start: number): Promise<number> {
    const candidate = looseRecordAt(bytes, at);
    if (candidate === undefined) return at + 1;

    if (needsTemplate(bytes, at, candidate.size)) {
      this.#deferred.push({ offset: start + at, candidate });
    } else {
      await this.#keepLoose(readLooseRecord(bytes, at, candidate, start + at, this.source.name));
    }
    return at + candidate.size;
  }

  async #keepLoose(found: LooseRecord): Promise<void> {
    await this.options.onLooseRecord?.(found);
    const { record, ...kept } = found;
    this.#loose.push({ ...kept, read: record !== undefined });
  }

  #progress(scanned: number): void {
    this.options.onProgress?.({
      scanned: Math.min(scanned, this.source.size),
      size: this.source.size,
      chunks: this.#chunks.length,
      looseRecords: this.#loose.length,
    });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
