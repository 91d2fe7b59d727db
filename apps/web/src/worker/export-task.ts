/**
 * Reading an export (XML, JSON, JSONL, EvtxECmd CSV, any of them gzipped), a gzipped EVTX file
 * or a zip archive of any of these in a worker: the file goes to @evtxhunt/formats in 1 MiB
 * slices (a zip's members read at their offsets), and its records come back as rows in
 * batches, one batch at a time: the worker reads on only when the page has taken the last one
 * in, so a page slower than its worker slows the worker down instead of piling rows up. An EVTX
 * log out of gzip or zip is unpacked into memory (the parser needs it whole), up to
 * MAX_UNPACKED_EVTX.
 */
import { EvtxFile, bytesSource, type StructuredRecord } from '@evtxhunt/evtx';
import {
  collectBytes,
  openedRecordBatches,
  openInput,
  readZipRecordBatches,
  recordXml,
  webGunzip,
  webInflateRaw,
  type ByteChunks,
  type FormatDiagnostic,
  type ImportedRecord,
  type OpenedInput,
  type RandomAccess,
  type ReadOptions,
} from '@evtxhunt/formats';

import { DIAGNOSTICS_POSTED, type ExportRequest, type WorkerReply } from '../protocol.js';
import { packRows } from '../row-batch.js';
import { importedRow } from './compact-row.js';

/** Bytes of the file read at once. */
const SLICE_BYTES = 1 << 20;

/** Rows in one reply. */
const ROWS_PER_BATCH = 1000;

/**
 * Largest EVTX log unpacked out of gzip or zip: it is held whole in the worker's memory (twice,
 * briefly, while its pieces are joined), so more would risk the tab.
 */
export const MAX_UNPACKED_EVTX = 512 * 1024 * 1024;

/** How an export task talks to the page. */
export interface ExportIo {
  post(reply: WorkerReply): void;
  /** Resolves to true when the page wants more rows, false when it cancelled. */
  more(): Promise<boolean>;
}

/** Reads `request.file` to its end (or until the page cancels), posting rows as it goes. */
export async function runExport(request: ExportRequest, io: ExportIo): Promise<void> {
  const read = { bytes: 0 };
  const problems = new ProblemLog();
  const options = exportOptions(request.name, problems);
  const input = await openInput(blobChunks(request.file, read), options);
  const format = `${input.gzipped ? 'gzip ' : ''}${input.format}`;
  const reply = (records: readonly ImportedRecord[], first: number, done: boolean) => ({
    kind: 'export' as const,
    id: request.id,
    format,
    batch: packRows(records.map((record, i) => importedRow(record, first + i))),
    ...problems.take(),
    bytes: read.bytes,
    done,
  });

  let position = 0;
  for await (const records of inputBatches(request.file, input, options, read)) {
    io.post(reply(records, position, false));
    position += records.length;
    if (!(await io.more())) return;
  }
  io.post(reply([], position, true));
}

/** The XML of the record at 0-based `position` of export `file`, read again from the start. */
export async function exportRecordXml(file: Blob, name: string, position: number): Promise<string> {
  // TODO: the export is read again from its start up to the record, so the details of a record
  // late in a large export take as long as reading that far. Starting at the record's byte
  // offset would not: but the store keeps 16 bits of offset per row (enough inside an EVTX
  // chunk), and a reader starting mid-text would also need the CSV header, the XML namespaces
  // and the text encoding of the start, and cannot start inside gzip at all.
  let at = 0;
  const options = exportOptions(name, new ProblemLog());
  const read = { bytes: 0 };
  const input = await openInput(blobChunks(file, read), options);
  for await (const records of inputBatches(file, input, options, read)) {
    const record = records[position - at];
    if (record !== undefined) return recordXml(record);
    at += records.length;
  }
  throw new RangeError(`${name}: record ${position} is past the end of the export`);
}

/**
 * The records of any input an export worker reads: a text export, a gzipped EVTX log, or a zip
 * archive of either (its EVTX members too). TODO: rows from a zip's members are all shown under
 * the archive's name; which member a row came from is not kept.
 */
async function* inputBatches(
  file: Blob,
  input: OpenedInput,
  options: ReadOptions,
  read: { bytes: number },
): AsyncGenerator<readonly ImportedRecord[]> {
  const name = options.file ?? 'input';
  if (input.format === 'evtx') {
    yield* evtxRecords(input.chunks, name, options);
    return;
  }
  if (input.format !== 'zip') {
    yield* openedRecordBatches(input, options);
    return;
  }
  // The archive is read at its members' offsets, not as the stream sniffed.
  await input.chunks[Symbol.asyncIterator]().return?.();
  const readEvtx = (chunks: ByteChunks, member: string) => evtxRecords(chunks, member, options);
  yield* readZipRecordBatches(blobAccess(file, read), webInflateRaw, { ...options, readEvtx });
}

/** An EVTX log unpacked into memory and read by the parser; its damage becomes diagnostics. */
async function* evtxRecords(
  chunks: ByteChunks,
  name: string,
  options: ReadOptions,
): AsyncGenerator<StructuredRecord[]> {
  const limit = { maxBytes: MAX_UNPACKED_EVTX, file: name, structure: 'evtx' };
  const evtx = await EvtxFile.open(bytesSource(await collectBytes(chunks, limit), name));
  for await (const batch of evtx.recordBatches()) {
    yield batch.map((record) => ({ ...record.toStructured(), file: name }));
  }
  for (const diagnostic of evtx.summary.diagnostics) {
    options.onDiagnostic?.({ ...diagnostic, message: `${name}: ${diagnostic.message}` });
  }
}

/** `file` read at any offset, counting how far into it reading has come in `read`. */
function blobAccess(file: Blob, read: { bytes: number }): RandomAccess {
  return {
    size: file.size,
    read: async (offset, length) => {
      const bytes = new Uint8Array(await file.slice(offset, offset + length).arrayBuffer());
      read.bytes = Math.max(read.bytes, offset + bytes.length);
      return bytes;
    },
  };
}

function exportOptions(name: string, problems: ProblemLog): ReadOptions {
  return {
    file: name,
    gunzip: webGunzip,
    batchSize: ROWS_PER_BATCH,
    onDiagnostic: (diagnostic) => problems.add(diagnostic),
  };
}

/** `file` in slices, counting the bytes handed out in `read`. */
async function* blobChunks(file: Blob, read: { bytes: number }): ByteChunks {
  for (let at = 0; at < file.size; at += SLICE_BYTES) {
    const slice = new Uint8Array(await file.slice(at, at + SLICE_BYTES).arrayBuffer());
    read.bytes = at + slice.length;
    yield slice;
  }
}

/**
 * The problems met since the last reply: the first DIAGNOSTICS_POSTED of the whole export are
 * sent, the rest only counted (a hostile export has millions), and errors (records lost) are
 * counted apart.
 */
class ProblemLog {
  #pending: FormatDiagnostic[] = [];
  #sent = 0;
  #omitted = 0;
  #failed = 0;

  add(diagnostic: FormatDiagnostic): void {
    if (diagnostic.severity === 'error') this.#failed++;
    if (this.#sent + this.#pending.length < DIAGNOSTICS_POSTED) this.#pending.push(diagnostic);
    else this.#omitted++;
  }

  /** What goes into the next reply, counted since the last one. */
  take(): { diagnostics: FormatDiagnostic[]; omitted: number; failed: number } {
    const taken = { diagnostics: this.#pending, omitted: this.#omitted, failed: this.#failed };
    this.#sent += this.#pending.length;
    this.#pending = [];
    this.#omitted = 0;
    this.#failed = 0;
    return taken;
  }
}
