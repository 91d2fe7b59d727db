/**
 * An EVTX file read as a stream of independent 64 KiB chunk slots. The header is reported but
 * never decides where data is: every slot after the first 4 KiB is read, so a stale header, a
 * zeroed slot or a damaged chunk hides nothing behind it.
 */
import { TemplateCache } from './binxml/template-cache.js';
import type { ChunkInfo, ChunkReadOptions } from './chunk.js';
import { EvtxError, hex } from './errors.js';
import { FILE_HEADER_BLOCK, parseFileHeader, type FileHeader } from './file-header.js';
import { freshSummary, type FileSummary } from './file-summary.js';
import { describeThrown } from './parallel/slot-failure.js';
import type { EvtxRecord } from './record.js';
import { SlotAccountant } from './slot-accountant.js';
import {
  checkSlotsPerRead,
  liveRecords,
  parseSlots,
  readRecoveredSlot,
  readRun,
  slotCount,
  SLOTS_PER_READ,
  type ParsedSlot,
  type SlotReport,
} from './slots.js';
import type { ByteSource } from './source.js';
import type { Diagnostic } from './types.js';

export type { FileSummary } from './file-summary.js';

/** How a file is read. */
export interface EvtxFileOptions {
  /**
   * Chunk slots read with one call to the source, 1-64 (64 KiB each); default 1. Larger reads
   * may help a slow source; records keep their read's buffer alive, so they cost memory.
   */
  slotsPerRead?: number;
  /**
   * Also read the records left in each chunk's unused space (after the records its header
   * names: from before the log wrapped, or left by Windows), flagged recovered; default false.
   */
  slack?: boolean;
}

/** One pass over the slots: its accountant, and the templates its chunks defined. */
interface Pass {
  readonly accountant: SlotAccountant<ParsedSlot>;
  readonly templates: TemplateCache;
}

export class EvtxFile {
  readonly summary: FileSummary;

  private constructor(
    private readonly source: ByteSource,
    readonly header: FileHeader | undefined,
    /** What the file header told; every pass over the chunks starts from these. */
    private readonly headerDiagnostics: readonly Diagnostic[],
    private readonly slotsPerRead: number,
    /** What is read besides the live records; a ChunkPool reads the file's slots alike. */
    readonly readOptions: Readonly<ChunkReadOptions>,
  ) {
    this.summary = this.freshSummary();
  }

  /**
   * Reads and checks the file header; never throws for bad data. Throws a RangeError for
   * options out of range.
   */
  static async open(source: ByteSource, options: EvtxFileOptions = {}): Promise<EvtxFile> {
    const slotsPerRead = checkSlotsPerRead(options.slotsPerRead ?? SLOTS_PER_READ);
    const bytes = await source.read(0, FILE_HEADER_BLOCK);
    const diagnostics: Diagnostic[] = [];
    const header = readHeader(bytes, diagnostics);
    if (header && source.size <= FILE_HEADER_BLOCK) {
      diagnostics.push({
        severity: 'info',
        structure: 'file',
        offset: 0,
        message: 'file holds no chunks',
      });
    }
    const readOptions = { slack: options.slack === true, openChunk: openChunk(header) };
    return new EvtxFile(source, header, diagnostics, slotsPerRead, readOptions);
  }

  /**
   * Every readable record: the live ones chunk by chunk in file order, then the recovered ones
   * (flagged so) in file order, less those repeating another record (recover/duplicates.ts).
   */
  async *records(): AsyncGenerator<EvtxRecord> {
    for await (const batch of this.recordBatches()) yield* batch;
  }

  /**
   * The same records, a chunk's at a time (never an empty batch): one await per chunk instead
   * of one per record, which measured some 15% of the time of parsing a record. For readers
   * that go through records in a plain loop; `summary` is as `records()` leaves it.
   */
  async *recordBatches(): AsyncGenerator<readonly EvtxRecord[]> {
    const pass = this.startPass();
    for await (const chunk of this.readSlots(pass)) {
      if (chunk.records.length > 0) yield chunk.records;
    }
    yield* this.readRecovered(pass);
  }

  /** The chunk table; reading it walks every record to count it. */
  async *chunks(): AsyncGenerator<ChunkInfo> {
    const pass = this.startPass();
    for await (const chunk of this.readSlots(pass)) yield chunk.info;
    // Records that waited for templates of later chunks are counted recovered or failed.
    for await (const batch of this.readRecovered(pass, true)) void batch;
  }

  /**
   * Starts a new pass over the slots: resets `summary` and returns the accountant that fills
   * it from slot reports given in slot order. For readers that parse slots elsewhere (worker
   * threads); `records()` and `chunks()` start their own pass.
   */
  beginPass<T extends SlotReport>(): SlotAccountant<T> {
    Object.assign(this.summary, this.freshSummary());
    return new SlotAccountant<T>(this.summary, this.header);
  }

  private startPass(): Pass {
    return { accountant: this.beginPass<ParsedSlot>(), templates: new TemplateCache() };
  }

  /** Every slot with its live records; recovered ones wait for `readRecovered`. */
  private async *readSlots({ accountant, templates }: Pass): AsyncGenerator<ParsedSlot> {
    const slots = this.summary.chunks.slots;
    const { source, slotsPerRead, readOptions } = this;
    const parsed = parseSlots(source, 0, slots, slotsPerRead, readOptions, templates);
    for await (const slot of parsed) {
      yield* withoutRepeats(accountant.add({ ...slot, records: liveRecords(slot.records) }));
    }
    yield* withoutRepeats(accountant.finish());
  }

  /**
   * After the pass, the recovered records that repeat no other one, a slot's at a time: each
   * slot holding one is read and parsed again, with the templates of the whole pass. With
   * `lateOnly`, only the slots with records that waited for templates of later chunks.
   */
  private async *readRecovered(
    { accountant, templates }: Pass,
    lateOnly = false,
  ): AsyncGenerator<EvtxRecord[]> {
    for (const toRead of accountant.recoveredToRead()) {
      if (lateOnly && toRead.late.length === 0) continue;
      let bytes: Uint8Array;
      try {
        bytes = await readRun(this.source, toRead.index, 1);
      } catch (error) {
        accountant.settleRecovered(
          toRead,
          0,
          undefined,
          `reading it threw ${describeThrown(error)}`,
        );
        continue;
      }
      const name = this.source.name;
      const read = readRecoveredSlot(bytes, toRead, name, templates, this.readOptions);
      accountant.settleRecovered(toRead, read.slot.records.length, read.late);
      if (read.slot.records.length > 0) yield read.slot.records;
    }
  }

  /** The summary before any chunk is read. */
  private freshSummary(): FileSummary {
    const slots = slotCount(this.source.size);
    return freshSummary(this.source, slots, this.headerDiagnostics, this.header !== undefined);
  }
}

/** The slots, with no records for a chunk that repeats an earlier one byte for byte. */
function withoutRepeats(slots: ParsedSlot[]): ParsedSlot[] {
  for (const slot of slots) if (slot.info.duplicateOf !== undefined) slot.records.length = 0;
  return slots;
}

function readHeader(bytes: Uint8Array, diagnostics: Diagnostic[]): FileHeader | undefined {
  try {
    const header = parseFileHeader(bytes);
    describeHeader(header, diagnostics);
    return header;
  } catch (error) {
    if (!(error instanceof EvtxError)) throw error;
    diagnostics.push({
      severity: 'error',
      structure: error.structure,
      offset: error.offset,
      message: `not an EVTX file: ${error.reason}`,
    });
    return undefined;
  }
}

function describeHeader(header: FileHeader, diagnostics: Diagnostic[]): void {
  const add = (severity: Diagnostic['severity'], message: string) =>
    diagnostics.push({ severity, structure: 'file header', offset: 0, message });
  if (!header.checksumValid)
    add(
      'warning',
      `header CRC mismatch (stored ${hex(header.checksum)}); header ignored for layout`,
    );
  if (header.dirty)
    add('info', 'file is marked dirty (not closed cleanly); every chunk slot is scanned');
  if (header.headerBlockSize !== FILE_HEADER_BLOCK)
    add('warning', `header block size ${header.headerBlockSize}, expected 4096; 4096 used`);
  if (header.majorVersion !== 3)
    add('warning', `format version ${header.majorVersion}.${header.minorVersion}, expected 3.x`);
}

/**
 * The slot of the chunk Windows was writing, when the header's dirty flag says the log was not
 * closed cleanly: only that chunk's header may lag behind its records (chunk.ts).
 */
function openChunk(header: FileHeader | undefined): number | undefined {
  if (header === undefined || !header.dirty) return undefined;
  const last = header.lastChunkNumber;
  return last < BigInt(Number.MAX_SAFE_INTEGER) ? Number(last) : undefined;
}
