/**
 * Reading an export (XML, JSON, JSONL, EvtxECmd CSV, any of them gzipped) in a worker: the file
 * goes to @evtxhunt/formats in 1 MiB slices, never whole, and its records come back as rows in
 * batches, one batch at a time: the worker reads on only when the page has taken the last one
 * in, so a page slower than its worker slows the worker down instead of piling rows up.
 */
import {
  openedRecordBatches,
  openInput,
  recordXml,
  webGunzip,
  type ByteChunks,
  type FormatDiagnostic,
  type ImportedRecord,
  type ReadOptions,
} from '@evtxhunt/formats';

import { DIAGNOSTICS_POSTED, type ExportRequest, type WorkerReply } from '../protocol.js';
import { packRows } from '../row-batch.js';
import { importedRow } from './compact-row.js';

/** Bytes of the file read at once. */
const SLICE_BYTES = 1 << 20;

/** Rows in one reply. */
const ROWS_PER_BATCH = 1000;

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
  refuseBinary(request.name, input.format);
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
  for await (const records of openedRecordBatches(input, options)) {
    io.post(reply(records, position, false));
    position += records.length;
    if (!(await io.more())) return;
  }
  io.post(reply([], position, true));
}

/** The XML of the record at 0-based `position` of export `file`, read again from the start. */
export async function exportRecordXml(file: Blob, name: string, position: number): Promise<string> {
  // TODO: the export is read again from its start up to the record, so the details of a record
  // late in a large export take as long as reading that far; an index of offsets would not.
  let at = 0;
  const options = exportOptions(name, new ProblemLog());
  const input = await openInput(blobChunks(file, { bytes: 0 }), options);
  for await (const records of openedRecordBatches(input, options)) {
    const record = records[position - at];
    if (record !== undefined) return recordXml(record);
    at += records.length;
  }
  throw new RangeError(`${name}: record ${position} is past the end of the export`);
}

/**
 * Throws for what an export worker cannot read as text. TODO: a zip archive (of EVTX files or
 * of exports) and a gzipped EVTX file are refused here; the user has to unpack them first,
 * though @evtxhunt/formats can list a zip's entries and inflate them.
 */
function refuseBinary(name: string, format: string): void {
  if (format === 'zip') throw new Error(`${name}: a zip archive; unpack it and open its files`);
  if (format === 'evtx') throw new Error(`${name}: a gzipped EVTX file; unpack it and open it`);
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
