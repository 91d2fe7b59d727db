/**
 * Walks the records of one chunk, from offset 512 to the free space offset and past it where
 * records continue the id sequence, checking each record's size, trailing copy and id against
 * the chunk header.
 */
import { BinXmlParser } from './binxml/parser.js';
import type { ChunkContext } from './binxml/chunk-context.js';
import { CHUNK_HEADER_SIZE, type ChunkHeader } from './chunk-header.js';
import type { ChunkInfo, ChunkResult } from './chunk.js';
import { EvtxError, hex } from './errors.js';
import { EvtxRecord } from './record.js';
import { RECORD_HEADER_SIZE, RECORD_SIGNATURE } from './recover/record-scan.js';
import type { Diagnostic } from './types.js';

/** A record header and its trailing size copy: no record is smaller. */
const MIN_RECORD_SIZE = RECORD_HEADER_SIZE + 4;
const OVERWRITTEN = 'record partly overwritten';
const STALE = 'the chunk header is stale';

/** Records a diagnostic of the slot; the slot's index is added here. */
export function note(result: ChunkResult, diagnostic: Omit<Diagnostic, 'chunkIndex'>): void {
  result.diagnostics.push({ ...diagnostic, chunkIndex: result.info.index });
}

/**
 * Walks records from offset 512 until the free space offset, validating each one.
 *
 * Windows numbers the records of a chunk one after another from the first to the last record
 * id in its header, and rewrites the header (and its CRC) with the free space offset as it adds
 * records. A record before the free space offset whose id lies outside that range is one the
 * header does not vouch for: planted, or its id damaged. When the header CRC holds, the range is
 * the one Windows wrote, so the record is warned about and flagged recovered, never counted
 * live; when the header CRC fails, the range may be the damaged part, so the record stays live
 * with the warning.
 *
 * Records past the free space offset that continue the id sequence are read too. They are live
 * only when the header may be stale: its CRC fails (the offset may be what is damaged), or the
 * chunk is the one Windows was writing when a log not closed cleanly was last open (`open`).
 * Elsewhere Windows wrote the header after its last record, so they are recovered (libevtx's
 * evtxexport counts them recovered, python-evtx does not read them).
 */
export class RecordWalker {
  private readonly parser: BinXmlParser;
  private readonly view: DataView;
  private lastId: bigint | undefined;
  /** Records read as recovered because their id lies outside the header's range. */
  private outside = 0;
  /**
   * Set once damage was met in a chunk whose records CRC fails: the records read after it
   * were found by resynchronising, and nothing vouches for them, so they are flagged recovered.
   * (evtxexport, the corpus's reference, stops reading such a chunk at the damage.)
   */
  private untrusted = false;
  /** The ids of the records read past the free space offset, for the one warning about them. */
  private readonly pastFree: bigint[] = [];

  constructor(
    private readonly chunk: ChunkContext,
    private readonly header: ChunkHeader,
    private readonly result: ChunkResult,
    private readonly file: string,
    private readonly open: boolean,
  ) {
    this.parser = new BinXmlParser(chunk);
    this.view = chunk.view;
  }

  /** Reads every record; returns the chunk offset where the records ended. */
  walk(): number {
    const { bytes } = this.chunk;
    const free = this.header.freeSpaceOffset;
    const limit = free >= CHUNK_HEADER_SIZE && free <= bytes.length ? free : bytes.length;
    let pos = CHUNK_HEADER_SIZE;

    while (pos + MIN_RECORD_SIZE <= bytes.length) {
      if (pos >= limit && !this.continuesPastFreeSpace(pos)) break;
      const problem = this.recordHeaderProblem(pos);
      if (problem !== undefined) {
        if (pos >= limit) break;
        const next = this.resynchronise(pos, limit, problem);
        if (next < 0) break;
        pos = next;
        continue;
      }
      const size = this.view.getUint32(pos + 4, true);
      if (this.readRecord(pos, size, pos >= limit)) {
        pos += size;
        continue;
      }
      // The record's size cannot be trusted: look for the next intact one instead.
      const next = this.resynchronise(pos + 8, limit, undefined);
      if (next < 0) break;
      pos = next;
    }
    this.warnPastFree();
    this.compareWithHeader();
    return Math.min(pos, bytes.length);
  }

  /** Why the record header at `pos` cannot be used, or undefined when it can. */
  private recordHeaderProblem(pos: number): string | undefined {
    const left = this.chunk.bytes.length - pos;
    if (this.view.getUint32(pos, true) !== RECORD_SIGNATURE) return 'no record signature';
    const size = this.view.getUint32(pos + 4, true);
    if (size < MIN_RECORD_SIZE || size > left) {
      return `record size ${size} does not fit the ${left} bytes left in the chunk`;
    }
    return undefined;
  }

  /**
   * After damage at `from`, finds the next intact record (8-byte aligned, signature, size and
   * trailing copy, an identifier in the chunk header's range) before `limit`, so records behind
   * a zeroed or overwritten stretch are still read. Returns its offset, or -1.
   */
  private resynchronise(from: number, limit: number, problem: string | undefined): number {
    const at = this.chunk.fileOffset + from;
    let next = -1;
    for (let pos = alignUp(from + 1, 8); pos + MIN_RECORD_SIZE <= limit; pos += 8) {
      if (this.isIntactRecord(pos)) {
        next = pos;
        break;
      }
    }
    if (problem === undefined) return next;

    this.distrust();
    this.result.info.damaged = true;
    this.result.info.failed++;
    const resumed = `the next intact record at ${hex(this.chunk.fileOffset + next)}`;
    const outcome =
      next < 0
        ? `nothing readable after it before the free space offset ${hex(limit)}`
        : `${next - from} damaged bytes skipped to ${resumed}`;
    note(this.result, {
      severity: 'error',
      structure: 'record',
      offset: at,
      message: `${problem}; ${outcome}`,
    });
    return next;
  }

  /** The size of the record at `pos` when its signature, size and trailing copy agree, else 0. */
  private intactSize(pos: number): number {
    if (this.recordHeaderProblem(pos) !== undefined) return 0;
    const size = this.view.getUint32(pos + 4, true);
    return this.view.getUint32(pos + size - 4, true) === size ? size : 0;
  }

  private isIntactRecord(pos: number): boolean {
    if (this.intactSize(pos) === 0) return false;
    const id = this.view.getBigUint64(pos + 8, true);
    const { firstRecordId, lastRecordId } = this.header;
    return lastRecordId < firstRecordId || (id >= firstRecordId && id <= lastRecordId);
  }

  /** A record past the free space offset is read only if it continues the id sequence. */
  private continuesPastFreeSpace(pos: number): boolean {
    if (this.lastId === undefined || this.intactSize(pos) === 0) return false;
    return this.view.getBigUint64(pos + 8, true) === this.lastId + 1n;
  }

  /** True when records past the free space offset are live (see the class comment). */
  private livePastFree(): boolean {
    return this.open || !this.header.headerCrcValid;
  }

  /** One warning, at the chunk header, for the records read past its free space offset. */
  private warnPastFree(): void {
    const ids = this.pastFree;
    if (ids.length === 0) return;
    this.result.info.pastFreeLastId = ids.at(-1) as bigint;

    const free = hex(this.header.freeSpaceOffset);
    const span =
      ids.length === 1
        ? `record ${ids[0]}`
        : `${ids.length} records (ids ${ids[0]}-${ids[ids.length - 1]})`;
    const outcome = this.open
      ? `${STALE}: the log was not closed cleanly and this is its current chunk, so they are live`
      : !this.header.headerCrcValid
        ? 'the header CRC fails, so the free space offset may be what is damaged; they are live'
        : 'the header CRC holds and this is not the current chunk of a log left open, ' +
          'so they are recovered, not live';
    const message = `${span} past the free space offset ${free} continue the id sequence; ${outcome}`;
    const offset = this.result.info.offset;
    note(this.result, { severity: 'warning', structure: 'chunk header', offset, message });
  }

  /**
   * Reads one record; false when its bytes were damaged so that its size cannot be trusted.
   * `pastFree`: the record continues the ids past a stale free space offset.
   */
  private readRecord(pos: number, size: number, pastFree: boolean): boolean {
    const at = this.chunk.fileOffset + pos;
    const id = this.view.getBigUint64(pos + 8, true);

    // A record whose trailing size copy is wrong was partly overwritten (zeroed or reused):
    // its values cannot be trusted, so it is reported as failed rather than shown truncated.
    const copy = this.view.getUint32(pos + size - 4, true);
    if (copy !== size) {
      this.distrust();
      this.fail(
        'record',
        at,
        id,
        `trailing size copy ${copy} differs from size ${size}; ${OVERWRITTEN}`,
      );
      return false;
    }

    try {
      const start = pos + RECORD_HEADER_SIZE;
      const end = pos + size - 4;
      const body =
        this.parser.readTemplateRecord(start, end) ?? this.parser.parseFragment(start, end);
      const { index } = this.result.info;
      const outside = pastFree ? !this.livePastFree() : this.outsideRange(id, at);
      if (pastFree) this.pastFree.push(id);
      if (pastFree && outside) this.outside++;
      const untrusted = this.untrusted || outside;
      const record = new EvtxRecord(this.chunk, body, id, at, index, this.file, untrusted);
      this.result.records.push(record);
      if (untrusted) this.result.info.recovered = (this.result.info.recovered ?? 0) + 1;
      else this.result.info.records++;
      this.lastId = id;
    } catch (error) {
      if (!(error instanceof EvtxError)) throw error;
      this.fail(error.structure, error.offset, id, error.reason, error.limit);
    }
    return true;
  }

  /**
   * Warns about a record whose id lies outside the range its chunk header names; true when the
   * header CRC holds, so the record is read as recovered (see the class comment).
   */
  private outsideRange(id: bigint, at: number): boolean {
    const { firstRecordId: first, lastRecordId: last, headerCrcValid } = this.header;
    if (!namesRecords(this.header) || (id >= first && id <= last)) return false;

    const range = `the ids ${first}-${last} its chunk header names`;
    const outcome = headerCrcValid
      ? 'the header CRC holds, so the record is read as recovered, not live'
      : 'the header CRC fails, so the range may be what is damaged; the record is read as live';
    const message = `record id ${id} lies outside ${range}; ${outcome}`;
    const diagnostic = { severity: 'warning', structure: 'record', offset: at, message } as const;
    note(this.result, { ...diagnostic, recordId: id.toString() });
    if (headerCrcValid) this.outside++;
    return headerCrcValid;
  }

  private fail(structure: string, at: number, id: bigint, reason: string, limit?: string): void {
    this.result.info.failed++;
    this.result.info.damaged = true;
    const diagnostic = { severity: 'error', structure, offset: at, message: reason } as const;
    const named = limit === undefined ? {} : { limit };
    note(this.result, { ...diagnostic, recordId: id.toString(), ...named });
  }

  /** Damage was met: in a chunk whose records CRC fails, what follows is not vouched for. */
  private distrust(): void {
    if (!this.header.dataCrcValid) this.untrusted = true;
  }

  private compareWithHeader(): void {
    const { info } = this.result;
    if (!namesRecords(this.header)) return;
    const claimed = this.header.lastRecordId - this.header.firstRecordId + 1n;
    // Records outside the header's range are none of the ones it names.
    const seen = BigInt(info.records + (info.recovered ?? 0) - this.outside);
    if (claimed <= 0n || claimed >= 1000000n || seen >= claimed) return;

    const range = `${this.header.firstRecordId}-${this.header.lastRecordId}`;
    const message = `header names records ${range} (${claimed}); ${seen} read`;
    note(this.result, {
      severity: 'warning',
      structure: 'chunk header',
      offset: info.offset,
      message,
    });

    // Only a header whose CRC holds is trusted to say how many records are gone.
    const missing = Number(claimed - seen) - info.failed;
    if (this.header.headerCrcValid && missing > 0) {
      info.missing = missing;
      info.damaged = true;
    }
  }
}

/**
 * True for a record read as recovered because its id lies outside the range its chunk header
 * names (CRC valid): its id says nothing of the ids the chunk holds.
 */
export function outsideHeaderRange(info: ChunkInfo, record: EvtxRecord): boolean {
  const header = info.header;
  if (!record.recovered || header === undefined || !header.headerCrcValid) return false;
  if (!namesRecords(header)) return false;
  return record.recordId < header.firstRecordId || record.recordId > header.lastRecordId;
}

/**
 * True when a chunk header names a range of record ids; an unused chunk names none (all-ones
 * identifiers), a damaged one may name a last id below its first.
 */
function namesRecords(header: ChunkHeader): boolean {
  const { firstRecordId: first, lastRecordId: last } = header;
  return last >= first && first !== 0xffffffffffffffffn;
}

function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}
