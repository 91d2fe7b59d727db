/**
 * An EVTX file read as a stream of independent 64 KiB chunk slots. The header is reported but
 * never decides where data is: every slot after the first 4 KiB is read, so a stale header, a
 * zeroed slot or a damaged chunk hides nothing behind it.
 */
import { CHUNK_SIZE } from './chunk-header.js';
import { ChunkSequence, type MissingRecords } from './chunk-sequence.js';
import { holdsChunk, markWiped, readChunk, type ChunkInfo, type ChunkResult } from './chunk.js';
import { EvtxError, hex } from './errors.js';
import { FILE_HEADER_BLOCK, parseFileHeader, type FileHeader } from './file-header.js';
import type { EvtxRecord } from './record.js';
import type { ByteSource } from './source.js';
import type { Diagnostic } from './types.js';

export interface FileSummary {
  file: string;
  size: number;
  chunks: {
    /** 64 KiB slots after the header, counting a partial last one. */
    slots: number;
    /** Slots that carry the chunk signature. */
    found: number;
    /** Found chunks with no problem at all. */
    valid: number;
    /** Found chunks with a problem: CRC mismatch, cut off, records that failed. */
    damaged: number;
    /**
     * All-zero slots past the end of the log (after its last chunk and beyond the chunk count
     * the header names): not yet written by Windows.
     */
    empty: number;
    /**
     * Slots with no chunk signature, and all-zero slots inside the log (wiped): nothing in
     * them was read.
     */
    unreadable: number;
  };
  records: {
    read: number;
    failed: number;
    /**
     * Record ids missing from the log, worked out from the ids of the chunks around wiped or
     * unreadable slots and from jumps between chunks. Open-ended ranges are not counted.
     */
    missing: number;
  };
  diagnostics: Diagnostic[];
  /** True when something that was in the file could not be read. */
  lost: boolean;
}

export class EvtxFile {
  readonly summary: FileSummary;

  private constructor(
    private readonly source: ByteSource,
    readonly header: FileHeader | undefined,
    /** What the file header told; every pass over the chunks starts from these. */
    private readonly headerDiagnostics: readonly Diagnostic[],
  ) {
    this.summary = this.freshSummary();
  }

  /** Reads and checks the file header; never throws for bad data. */
  static async open(source: ByteSource): Promise<EvtxFile> {
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
    return new EvtxFile(source, header, diagnostics);
  }

  /** Every readable record, chunk by chunk in file order. */
  async *records(): AsyncGenerator<EvtxRecord> {
    for await (const chunk of this.readSlots()) yield* chunk.records;
  }

  /** The chunk table; reading it walks every record to count it. */
  async *chunks(): AsyncGenerator<ChunkInfo> {
    for await (const chunk of this.readSlots()) yield chunk.info;
  }

  private async *readSlots(): AsyncGenerator<ChunkResult> {
    Object.assign(this.summary, this.freshSummary());
    const sequence = new ChunkSequence(this.header);
    let held: ChunkResult[] = [];
    for (let index = 0; index < this.summary.chunks.slots; index++) {
      const offset = FILE_HEADER_BLOCK + index * CHUNK_SIZE;
      const bytes = await this.source.read(offset, CHUNK_SIZE);
      const result = readChunk(bytes, index, offset, this.source.name);
      if (!holdsChunk(result.info)) {
        held.push(result);
        continue;
      }

      yield* this.release(held, sequence, true);
      held = [];
      sequence.addChunk(result.info, result.records);
      this.account(result);
      yield result;
    }
    const unused = yield* this.release(held, sequence, false);
    // With no unused slot left at the end, the log may have wrapped round to slot 0.
    this.accountMissing(sequence.finish(unused === 0));
    this.compareWithHeader();
  }

  /**
   * Slots without a chunk are held back until it is known whether the log goes on past them.
   * Before a later chunk, or within the chunk count the header names, they are inside the log:
   * zeros there were wiped and the records they held are lost. Past both, zeros are the unused
   * tail of the file. Returns how many slots were left outside the log.
   */
  private *release(
    held: readonly ChunkResult[],
    sequence: ChunkSequence,
    beforeChunk: boolean,
  ): Generator<ChunkResult, number> {
    const named = this.header?.checksumValid ? this.header.chunkCount : 0;
    const inside = held.filter((result) => beforeChunk || result.info.index < named);
    for (const { info } of inside) if (info.status === 'empty') markWiped(info);
    sequence.addLostRun(inside.map((result) => result.info));

    for (const result of held) {
      this.account(result);
      yield result;
    }
    return held.length - inside.length;
  }

  /** The summary before any chunk is read: without a header, chunk slots mean loss. */
  private freshSummary(): FileSummary {
    const slots = slotCount(this.source.size);
    return {
      file: this.source.name,
      size: this.source.size,
      chunks: { slots, found: 0, valid: 0, damaged: 0, empty: 0, unreadable: 0 },
      records: { read: 0, failed: 0, missing: 0 },
      diagnostics: [...this.headerDiagnostics],
      lost: this.header === undefined && slots > 0,
    };
  }

  private account({ info, diagnostics }: ChunkResult): void {
    const { chunks, records } = this.summary;
    if (info.status === 'empty') chunks.empty++;
    else if (info.status === 'bad-signature' || info.status === 'wiped') chunks.unreadable++;
    else {
      chunks.found++;
      if (info.damaged) chunks.damaged++;
      else chunks.valid++;
    }
    records.read += info.records;
    records.failed += info.failed;
    this.summary.diagnostics.push(...diagnostics);
    if (diagnostics.some((d) => d.severity === 'error')) this.summary.lost = true;
  }

  /** Records lost with wiped or unreadable slots inside the log, and jumps in record ids. */
  private accountMissing(missing: MissingRecords): void {
    this.summary.diagnostics.push(...missing.diagnostics);
    this.summary.records.missing += missing.count;
    if (missing.lost) this.summary.lost = true;
  }

  /**
   * A valid header that names more chunks than the file has slots for means chunks were cut
   * off: their records are lost, so that is a warning and counts as loss. When the slots are
   * there, the ones without a chunk were already reported with the records they held, so this
   * is only noted, as is naming fewer than found (normal for a dirty header).
   */
  private compareWithHeader(): void {
    if (!this.header) return;
    const found = this.summary.chunks.found;
    const named = this.header.chunkCount;
    if (found === named) return;

    // TODO: when the file is cut short, the record ids lost with the cut-off chunks (from the
    // last chunk's last id to the header's next record id) are not worked out or counted yet.
    const short = found < named && this.header.checksumValid;
    const cutOff = short && this.summary.chunks.slots < named;
    let message = `header names ${named} chunks, ${found} found by scanning every slot`;
    if (short) message = `header names ${named} chunks, only ${found} found: ${SLOTS_REPORTED}`;
    if (cutOff) message = `header names ${named} chunks, only ${found} found: ${CHUNKS_LOST}`;

    const severity = cutOff ? 'warning' : 'info';
    this.summary.diagnostics.push({ severity, structure: 'file chunks', offset: 0, message });
    if (cutOff) this.summary.lost = true;
  }
}

const SLOTS_REPORTED = 'each slot inside the log without one is reported with its records';
const CHUNKS_LOST = 'chunks were cut off or wiped, their records are lost';

function slotCount(size: number): number {
  return Math.max(0, Math.ceil((size - FILE_HEADER_BLOCK) / CHUNK_SIZE));
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
