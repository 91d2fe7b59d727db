/**
 * Inputs that are not EVTX files: XML, JSON and CSV exports of event logs, and gzip of any of
 * them or of EVTX, read by @evtxhunt/formats. An export is shown to the commands through the
 * two things they read of an EvtxFile (its summary and its record batches), so every command
 * works on it unchanged.
 */
import {
  nodeGunzip,
  fileChunks,
  readFileRecordBatches,
  readZipFileRecordBatches,
  recordXml,
  type FormatDiagnostic,
  type ImportedRecord,
} from '@evtxhunt/formats/node';
import type { Diagnostic, FileSummary, StructuredRecord } from '@evtxhunt/evtx';
import { bytesSource, type ByteSource } from '@evtxhunt/evtx/node';

/**
 * Largest EVTX read out of gzip: the parser needs the whole log at hand, so it is unpacked into
 * memory. Logs are rarely over 1 GiB (Windows' own limit for one log is 4 GiB).
 */
export const MAX_GUNZIPPED_EVTX = 1024 * 1024 * 1024;

/** How the records of one input are read: a file of one export, or a zip archive of some. */
export type ExportReader = typeof readFileRecordBatches;

/** The reader for an input of `format`. */
export function exportReader(format: 'xml' | 'json' | 'csv' | 'zip'): ExportReader {
  return format === 'zip' ? readZipFileRecordBatches : readFileRecordBatches;
}

/** An export's records as the commands read an EVTX file's. */
export class ForeignFile {
  readonly summary: FileSummary;
  /** An export has no EVTX file header. */
  readonly header = undefined;

  constructor(
    private readonly path: string,
    private readonly read: ExportReader = readFileRecordBatches,
  ) {
    this.summary = emptySummary(path);
  }

  /** Every record, in batches; the summary counts them and collects the diagnostics. */
  async *recordBatches(): AsyncGenerator<readonly ForeignRecord[]> {
    Object.assign(this.summary, emptySummary(this.path));
    const onDiagnostic = (diagnostic: FormatDiagnostic) => this.noteDiagnostic(diagnostic);
    for await (const batch of this.read(this.path, { onDiagnostic })) {
      this.summary.records.read += batch.length;
      yield batch.map((record) => new ForeignRecord(record));
    }
  }

  async *records(): AsyncGenerator<ForeignRecord> {
    for await (const batch of this.recordBatches()) yield* batch;
  }

  /** An export has no chunks. */
  async *chunks(): AsyncGenerator<never> {}

  private noteDiagnostic(diagnostic: FormatDiagnostic): void {
    this.summary.diagnostics.push(parserDiagnostic(diagnostic));
    if (diagnostic.severity !== 'error') return;
    // A record that could not be read at all is lost, as a failed EVTX record is.
    this.summary.records.failed++;
    this.summary.lost = true;
  }
}

/** One record of an export, with the methods the commands call on an EVTX record. */
export class ForeignRecord {
  readonly recovered = false;

  constructor(private readonly record: ImportedRecord) {}

  /** A fresh object each call, as the parser's, so a caller may set its `file`. */
  toStructured(): StructuredRecord {
    return { ...this.record };
  }

  toXml(): string {
    return recordXml(this.record);
  }
}

function emptySummary(file: string): FileSummary {
  return {
    file,
    size: 0,
    chunks: { slots: 0, found: 0, valid: 0, damaged: 0, empty: 0, unreadable: 0 },
    records: { read: 0, failed: 0, missing: 0 },
    diagnostics: [],
    lost: false,
  };
}

/** The line of a text input is told in the message; the offset is the byte offset. */
function parserDiagnostic(diagnostic: FormatDiagnostic): Diagnostic {
  const line = diagnostic.line === undefined ? '' : `line ${diagnostic.line}: `;
  return {
    severity: diagnostic.severity,
    structure: diagnostic.structure,
    offset: diagnostic.offset,
    message: line + diagnostic.message,
  };
}

/** The whole of a gzipped EVTX file, unpacked into memory, as a source for the parser. */
export async function gunzippedSource(
  path: string,
): Promise<ByteSource & { close(): Promise<void> }> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of nodeGunzip(fileChunks(path))) {
    size += part.length;
    if (size > MAX_GUNZIPPED_EVTX) {
      throw new RangeError(`gzipped EVTX unpacks to more than ${MAX_GUNZIPPED_EVTX} bytes`);
    }
    parts.push(part);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { ...bytesSource(bytes, path), close: () => Promise.resolve() };
}
