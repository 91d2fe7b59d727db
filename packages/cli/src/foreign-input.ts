/**
 * Inputs that are not EVTX files: XML, JSON and CSV exports of event logs, and gzip of any of
 * them or of EVTX, read by @evtxhunt/formats (zip archives: archive-input.ts). An export is shown to the commands through the
 * two things they read of an EvtxFile (its summary and its record batches), so every command
 * works on it unchanged.
 */
import { stat } from 'node:fs/promises';

import {
  nodeGunzip,
  fileChunks,
  sniffFile,
  readFileRecordBatches,
  readZipFileRecordBatches,
  recordXml,
  type FormatDiagnostic,
  type ImportedRecord,
} from '@evtxhunt/formats/node';
import type { Diagnostic, FileSummary, StructuredRecord } from '@evtxhunt/evtx';

import { unpackedSource, type UnpackedSource } from './unpacked-source.js';

/** How the records of one input are read: a file of one export, or a zip archive of some. */
export type ExportReader = (
  path: string,
  options: Parameters<typeof readFileRecordBatches>[1],
) => AsyncGenerator<ImportedRecord[]>;

/** The reader for an input of `format`. */
export function exportReader(format: 'xml' | 'json' | 'csv' | 'zip'): ExportReader {
  return format === 'zip' ? readZipFileRecordBatches : readFileRecordBatches;
}

/** An export's records as the commands read an EVTX file's. */
export class ForeignFile {
  readonly summary: FileSummary;
  /** An export has no EVTX file header. */
  readonly header = undefined;
  /** What the input is, once read: `JSON export`, `gzipped Windows XML export`, `zip archive`. */
  format = 'export';

  constructor(
    private readonly path: string,
    private readonly read: ExportReader = readFileRecordBatches,
  ) {
    this.summary = emptySummary(path);
  }

  /** Every record, in batches; the summary counts them and collects the diagnostics. */
  async *recordBatches(): AsyncGenerator<readonly ForeignRecord[]> {
    Object.assign(this.summary, emptySummary(this.path), { size: (await stat(this.path)).size });
    this.format = await describeExport(this.path);
    const onDiagnostic = (diagnostic: FormatDiagnostic) => this.noteDiagnostic(diagnostic);
    for await (const batch of this.read(this.path, { onDiagnostic })) {
      this.count(batch);
      yield batch.map((record) => new ForeignRecord(record));
    }
  }

  async *records(): AsyncGenerator<ForeignRecord> {
    for await (const batch of this.recordBatches()) yield* batch;
  }

  /** An export has no chunks. */
  async *chunks(): AsyncGenerator<never> {}

  /** Records the export marks recovered count so, as the parser's do, never as read. */
  private count(batch: readonly ImportedRecord[]): void {
    const recovered = batch.filter((record) => record.recovered === true).length;
    const { records } = this.summary;
    records.read += batch.length - recovered;
    if (recovered > 0) records.recovered = (records.recovered ?? 0) + recovered;
  }

  private noteDiagnostic(diagnostic: FormatDiagnostic): void {
    this.summary.diagnostics.push(parserDiagnostic(diagnostic));
    if (diagnostic.severity !== 'error') return;
    // A record that could not be read at all is lost, as a failed EVTX record is; compressed
    // data that broke off loses what came after, which is no count of records.
    if (!BROKEN_STRUCTURES.test(diagnostic.structure)) this.summary.records.failed++;
    this.summary.lost = true;
  }
}

/** The structures whose errors are compressed data breaking off, not a record lost. */
const BROKEN_STRUCTURES = /^(?:gzip|zip member )/;

/** One record of an export, with the methods the commands call on an EVTX record. */
export class ForeignRecord {
  /** True when the export marks the record recovered (see ImportedRecord.recovered). */
  readonly recovered: boolean;

  constructor(private readonly record: ImportedRecord) {
    this.recovered = record.recovered === true;
  }

  /** A fresh object each call, as the parser's, so a caller may set its `file`. */
  toStructured(): StructuredRecord {
    return { ...this.record };
  }

  toXml(): string {
    return recordXml(this.record);
  }
}

/** The names of the formats an export comes in. */
const FORMAT_NAMES: Readonly<Record<string, string>> = {
  xml: 'Windows XML export',
  json: 'JSON export',
  csv: 'EvtxECmd CSV export',
  zip: 'zip archive: its exports (each EVTX member is read as a file of its own)',
};

async function describeExport(path: string): Promise<string> {
  const sniffed = await sniffFile(path);
  if (sniffed.format === undefined) return 'export';
  const name = FORMAT_NAMES[sniffed.format] ?? sniffed.format;
  return sniffed.gzipped ? `gzipped ${name}` : name;
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

/**
 * A gzipped EVTX file unpacked for the parser: in memory when small, else to a temporary file
 * deleted when the source closes (unpacked-source.ts).
 */
export function gunzippedSource(path: string): Promise<UnpackedSource> {
  return unpackedSource(nodeGunzip(fileChunks(path)), path);
}
