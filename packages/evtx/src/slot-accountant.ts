/**
 * The sequential half of reading a file. Slot reports come in slot order, from this thread or
 * from workers, and the accountant keeps the file summary: chunks by kind, records read and
 * failed, wiped slots, missing record ids and what the file header claimed.
 */
import { ChunkSequence, type MissingRecords } from './chunk-sequence.js';
import { holdsChunk, markWiped } from './chunk.js';
import type { FileHeader } from './file-header.js';
import type { FileSummary } from './file-summary.js';
import { DuplicateFinder, type RecoveredToRead } from './recover/duplicates.js';
import type { LateReport } from './recover/late-records.js';
import { slotOffset, type SlotReport } from './slots.js';
import type { Diagnostic } from './types.js';

const SLOTS_REPORTED = 'each slot inside the log without one is reported with its records';
const CHUNKS_LOST = 'chunks were cut off or wiped, their records are lost';

/**
 * Fills `summary` from slot reports given in slot order. Slots without a chunk are held back
 * until it is known whether the log goes on past them, so `add` and `finish` hand back the
 * slots they release, in slot order, once they are accounted for.
 */
export class SlotAccountant<T extends SlotReport> {
  private readonly sequence: ChunkSequence;
  private held: T[] = [];
  private nextIndex = 0;
  /** Chunks whose both CRCs hold, by header checksum, records checksum and ids: the first slot. */
  private readonly fingerprints = new Map<string, number>();
  /** Keys of every record read, to tell recovered copies of a record at the end. */
  private readonly duplicates = new DuplicateFinder();
  private toRead: RecoveredToRead[] = [];

  constructor(
    private readonly summary: FileSummary,
    private readonly header: FileHeader | undefined,
  ) {
    this.sequence = new ChunkSequence(header);
    // A summary reset for a new pass over the file still holds the last pass's counts here.
    delete this.summary.limitsHit;
  }

  /** Takes the next slot; returns the slots released by it (none, or held ones and itself). */
  add(slot: T): T[] {
    if (slot.info.index !== this.nextIndex) {
      throw new RangeError(`slot ${slot.info.index} given where slot ${this.nextIndex} was due`);
    }
    this.nextIndex++;
    if (!holdsChunk(slot.info)) {
      this.duplicates.add(slot.info.index, slot.info.offset, slot.keys);
      this.held.push(slot);
      return [];
    }

    const released = this.release(true);
    this.noteDuplicateChunk(slot.info);
    if (slot.info.duplicateOf === undefined) {
      this.duplicates.add(slot.info.index, slot.info.offset, slot.keys);
    }
    this.sequence.addChunk(slot.info, slot.recordIds);
    this.account(slot);
    released.push(slot);
    return released;
  }

  /** After the last slot: releases the slots still held and completes the summary. */
  finish(): T[] {
    const named = this.namedChunks();
    const unused = this.held.filter((slot) => slot.info.index >= named).length;
    const released = this.release(false);
    // With no unused slot left at the end, the log may have wrapped round to slot 0.
    this.accountMissing(this.sequence.finish(unused === 0));
    this.compareWithHeader();
    this.judgeRecovered();
    return released;
  }

  /**
   * After `finish`: the recovered records that repeat no other record, slot by slot in file
   * order. A reader reads them again and gives them after every live record.
   */
  recoveredToRead(): readonly RecoveredToRead[] {
    return this.toRead;
  }

  /**
   * Recovered records that repeat a live record, or an earlier recovered one, are not output.
   * TODO: only the file's totals are corrected; a slot's `info.recovered` (the chunk table of
   * `info`) still counts its copies, since the slot was released before the end of the pass.
   */
  private judgeRecovered(): void {
    const verdict = this.duplicates.finish();
    this.toRead = verdict.toRead;
    if (verdict.duplicates === 0) return;

    const { records } = this.summary;
    records.duplicates = (records.duplicates ?? 0) + verdict.duplicates;
    this.countRecovered(verdict.lateDuplicates - verdict.duplicates);
    this.summary.diagnostics.push(...verdict.diagnostics);
  }

  /**
   * The records that waited for templates of later chunks, counted recovered or failed
   * (recover/late-records.ts); `settleRecovered` calls it.
   */
  private addLate(report: LateReport): void {
    const { records } = this.summary;
    this.countRecovered(report.recovered);
    records.failed += report.failed;
    this.summary.diagnostics.push(...report.diagnostics);
    if (report.failed > 0) this.summary.lost = true;
  }

  /**
   * After `finish`, once a reader has given the recovered records of one entry of
   * `recoveredToRead()`: `given` of them came out, and `late` is what reading those that waited
   * gave (undefined when the slot could not be read again). Records named but not given (the
   * slot could not be read a second time, its job failed, or its bytes changed since the pass)
   * are counted failed, with an error naming the slot and `cause`: none is lost silently.
   */
  settleRecovered(
    entry: RecoveredToRead,
    given: number,
    late: LateReport | undefined,
    cause?: string,
  ): void {
    if (late !== undefined) this.addLate(late);
    // Records that waited and were never read are counted nowhere yet; the others, recovered.
    const uncounted = late === undefined ? entry.late.length : 0;
    const expected = entry.offsets.length - uncounted - (late?.failed ?? 0);
    const notGiven = Math.max(0, expected - given);
    if (notGiven + uncounted === 0) return;

    this.countRecovered(-notGiven);
    this.summary.records.failed += notGiven + uncounted;
    this.summary.lost = true;
    const count = notGiven + uncounted;
    const why = cause ?? 'they were not found when the slot was read again (did the file change?)';
    this.summary.diagnostics.push({
      severity: 'error',
      structure: 'chunk',
      offset: slotOffset(entry.index),
      chunkIndex: entry.index,
      message: `${count} recovered records of slot ${entry.index} could not be given: ${why}`,
    });
  }

  private countRecovered(change: number): void {
    const { records } = this.summary;
    const recovered = (records.recovered ?? 0) + change;
    if (recovered > 0) records.recovered = recovered;
    else delete records.recovered;
  }

  /**
   * Before a later chunk, or within the chunk count the header names, slots without a chunk
   * are inside the log: zeros there were wiped and the records they held are lost. Past both,
   * zeros are the unused tail of the file.
   */
  private release(beforeChunk: boolean): T[] {
    const held = this.held;
    this.held = [];
    const named = this.namedChunks();
    const inside = held.filter((slot) => beforeChunk || slot.info.index < named);
    for (const { info } of inside) if (info.status === 'empty') markWiped(info);
    this.sequence.addLostRun(inside.map((slot) => slot.info));

    for (const slot of held) {
      if (inside.includes(slot) || !isTrailing(slot.info)) this.account(slot);
      else this.accountTrailing(slot);
    }
    return held;
  }

  /**
   * A slot past the end of the log with bytes that are neither a chunk nor a record was
   * appended to the file: a warning, not a loss, since the log never held it.
   */
  private accountTrailing({ info }: SlotReport): void {
    info.status = 'trailing';
    info.damaged = false;
    const chunks = this.summary.chunks;
    chunks.trailing = (chunks.trailing ?? 0) + 1;
    const message =
      'bytes past the end of the log hold no chunk and no record; trailing data ignored';
    this.summary.diagnostics.push({
      severity: 'warning',
      structure: 'file',
      offset: info.offset,
      chunkIndex: info.index,
      message,
    });
  }

  /**
   * A chunk whose header and records CRCs both hold and equal an earlier chunk's, with the same
   * record ids, repeats it byte for byte: its records are counted as duplicates, not read.
   */
  private noteDuplicateChunk(info: SlotReport['info']): void {
    const header = info.header;
    if (header === undefined || !header.headerCrcValid || !header.dataCrcValid) return;
    const ids = `${header.firstRecordId}-${header.lastRecordId}`;
    const key = `${header.headerChecksum}:${header.recordsChecksum}:${ids}`;
    const first = this.fingerprints.get(key);
    if (first === undefined) {
      this.fingerprints.set(key, info.index);
      return;
    }

    info.duplicateOf = first;
    info.duplicates = info.records + (info.recovered ?? 0);
    info.records = 0;
    delete info.recovered;
    const message = `chunk repeats chunk ${first} (same CRCs, records ${ids}); its records are not read again`;
    const offset = info.offset;
    this.summary.diagnostics.push({
      severity: 'warning',
      structure: 'chunk',
      offset,
      chunkIndex: info.index,
      message,
    });
  }

  /** The chunk count a valid header names; 0 when the header cannot be trusted. */
  private namedChunks(): number {
    return this.header?.checksumValid ? this.header.chunkCount : 0;
  }

  private account({ info, diagnostics }: SlotReport): void {
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
    if (info.recovered) records.recovered = (records.recovered ?? 0) + info.recovered;
    if (info.duplicates) records.duplicates = (records.duplicates ?? 0) + info.duplicates;
    this.noteMissingInChunk(info);
    this.countLimitsHit(diagnostics);
    this.summary.diagnostics.push(...diagnostics);
    if (diagnostics.some((d) => d.severity === 'error')) this.summary.lost = true;
  }

  /** Counts the records that failed over a named limit, by the limit's name. */
  private countLimitsHit(diagnostics: readonly Diagnostic[]): void {
    for (const { limit } of diagnostics) {
      if (limit === undefined) continue;
      const hit = (this.summary.limitsHit ??= {});
      hit[limit] = (hit[limit] ?? 0) + 1;
    }
  }

  /** Records a chunk header names that the chunk no longer holds are lost. */
  private noteMissingInChunk(info: SlotReport['info']): void {
    if (info.missing !== undefined && info.missing > 0) {
      this.summary.records.missing += info.missing;
      this.summary.lost = true;
    }
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

    const short = found < named && this.header.checksumValid;
    const cutOff = short && this.summary.chunks.slots < named;
    let message = `header names ${named} chunks, ${found} found by scanning every slot`;
    if (short) message = `header names ${named} chunks, only ${found} found: ${SLOTS_REPORTED}`;
    if (cutOff) message = `header names ${named} chunks, only ${found} found: ${CHUNKS_LOST}`;
    if (cutOff) message += this.cutOffRecords();

    const severity = cutOff ? 'warning' : 'info';
    this.summary.diagnostics.push({ severity, structure: 'file chunks', offset: 0, message });
    if (cutOff) this.summary.lost = true;
  }

  /**
   * The records cut off with the end of the file: from the highest id a chunk holds up to the
   * header's next record id. Counted only when that range is plausible (a valid header, ids
   * rising, under a million).
   */
  private cutOffRecords(): string {
    const next = this.header?.nextRecordId;
    const last = this.sequence.highestId();
    if (next === undefined || last === undefined || next <= last + 1n) return '';
    const count = next - 1n - last;
    if (count >= 1000000n) return '';
    this.summary.records.missing += Number(count);
    return ` (record ids ${last + 1n}-${next - 1n}, ${count} records)`;
  }
}

/** Bytes with no chunk signature in which no record was found either. */
function isTrailing(info: SlotReport['info']): boolean {
  return info.status === 'bad-signature' && !info.recovered && info.failed === 0;
}
