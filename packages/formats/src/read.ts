/**
 * Reading any input this package knows, from bytes in pieces to records in batches: the
 * format is sniffed, gzip is undone in place, and the text is read record by record, so memory
 * stays flat however large the input. A bad record becomes a diagnostic; reading goes on.
 */
import { untilBroken } from './broken-stream.js';
import { csvLayout, type CsvLayout } from './csv/csv-header.js';
import { csvRows } from './csv/csv-rows.js';
import { evtxecmdColumns, evtxecmdRecord } from './csv/evtxecmd.js';
import { isOwnCsvNote, ownCsvColumns, ownCsvRecord } from './csv/own-csv.js';
import { FormatError } from './errors.js';
import { parseJson } from './json/json-parse.js';
import { jsonUnits } from './json/json-units.js';
import { jsonRecord } from './json/shapes.js';
import { detachStrings } from './record.js';
import { describeUnknown, SNIFF_BYTES, sniffFormat } from './sniff.js';
import { decodeText, textEncodingOf } from './text.js';
import type { ByteChunks, FormatDiagnostic, Gunzip, ImportedRecord, InputFormat } from './types.js';
import { xmlEvents } from './xml/xml-events.js';
import { xmlRecord } from './xml/xml-record.js';

/** How an input is read. */
export interface ReadOptions {
  /** The input's name: put in every record and error. */
  readonly file?: string;
  /** Told of every problem read past. */
  readonly onDiagnostic?: (diagnostic: FormatDiagnostic) => void;
  /** Decompresses gzip; without it a gzip input is refused. */
  readonly gunzip?: Gunzip;
  /** Records per batch; default 256. */
  readonly batchSize?: number;
}

/** An input's format, with its bytes (the sniffed ones included) ready to read. */
export interface OpenedInput {
  readonly format: InputFormat;
  /** True when the bytes came out of gzip. */
  readonly gzipped: boolean;
  readonly chunks: ByteChunks;
  /** The first bytes, as sniffed. */
  readonly head: Uint8Array;
}

/** Layers of compression undone, at most: a gzip inside a gzip is read, deeper is refused. */
const MAX_GZIP_LAYERS = 2;

/**
 * Sniffs `chunks` and undoes gzip; throws a FormatError for an input of no known format.
 * EVTX is only recognised: it is read by the EVTX parser, which needs random access.
 */
export async function openInput(
  chunks: ByteChunks,
  options: ReadOptions = {},
): Promise<OpenedInput> {
  const file = options.file ?? 'input';
  let current = await peek(chunks, SNIFF_BYTES);
  for (let layer = 0; ; layer++) {
    const format = sniffFormat(current.head);
    if (format === undefined)
      throw new FormatError(file, 'input', 0, describeUnknown(current.head));
    if (format !== 'gzip') return { format, gzipped: layer > 0, ...current };
    if (options.gunzip === undefined || layer >= MAX_GZIP_LAYERS) {
      throw new FormatError(file, 'gzip', 0, 'gzip input cannot be opened here');
    }
    const report = options.onDiagnostic ?? (() => undefined);
    const unpacked = untilBroken(options.gunzip(current.chunks), { structure: 'gzip', report });
    current = await peek(unpacked, SNIFF_BYTES);
  }
}

/** Every record of a text input (XML, JSON, CSV), in batches, in input order. */
export async function* readRecordBatches(
  chunks: ByteChunks,
  options: ReadOptions = {},
): AsyncGenerator<ImportedRecord[]> {
  yield* openedRecordBatches(await openInput(chunks, options), options);
}

/** Every record of an opened text input, in batches; EVTX and zip are refused. */
export async function* openedRecordBatches(
  input: OpenedInput,
  options: ReadOptions = {},
): AsyncGenerator<ImportedRecord[]> {
  if (input.format === 'evtx' || input.format === 'zip') {
    const detail = `${input.format} is not read as text`;
    throw new FormatError(options.file ?? 'input', 'input', 0, detail);
  }
  const size = options.batchSize ?? 256;
  let batch: ImportedRecord[] = [];
  for await (const record of textRecords(input, options)) {
    batch.push(record);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Every record of an opened text input, one at a time. */
export function textRecords(
  input: OpenedInput,
  options: ReadOptions,
): AsyncGenerator<ImportedRecord> {
  const encoding = textEncodingOf(input.head);
  const text = decodeText(input.chunks, encoding.name);
  const report = options.onDiagnostic ?? (() => undefined);
  const file = options.file;
  if (input.format === 'xml') return xmlRecords(text, encoding, file, report);
  if (input.format === 'json') return jsonRecords(text, encoding, file, report);
  const head = new TextDecoder(encoding.name).decode(input.head.subarray(encoding.bom));
  const layout = csvLayout(head) ?? { kind: 'evtxecmd', separator: ',' };
  return csvRecords(text, { ...encoding, layout }, file, report);
}

type Encoding = ReturnType<typeof textEncodingOf>;
type Report = (diagnostic: FormatDiagnostic) => void;

async function* xmlRecords(
  text: AsyncIterable<string>,
  encoding: Encoding,
  file: string | undefined,
  report: Report,
) {
  let position = 0;
  for await (const event of xmlEvents(text, encoding, report)) {
    const record = detachStrings(xmlRecord(event.element, file, ++position));
    if (event.recovered) record.recovered = true;
    if (record.issues) reportIssues(record.issues, 'xml event', event, report);
    yield record;
  }
}

async function* jsonRecords(
  text: AsyncIterable<string>,
  encoding: Encoding,
  file: string | undefined,
  report: Report,
) {
  let position = 0;
  for await (const unit of jsonUnits(text, encoding, report)) {
    const where = { offset: unit.offset, line: unit.line };
    let value;
    try {
      value = parseJson(unit.text);
    } catch (error) {
      report({
        severity: 'error',
        structure: 'json record',
        ...where,
        message: (error as Error).message,
      });
      continue;
    }
    const record = jsonRecord(value, file, ++position);
    if ('problem' in record) {
      report({
        severity: 'warning',
        structure: 'json record',
        ...where,
        message: `skipped: ${record.problem}`,
      });
      continue;
    }
    if (record.issues) reportIssues(record.issues, 'json record', where, report);
    yield detachStrings(record);
  }
}

/** How the rows of each CSV layout are read: the header's columns, then each row's record. */
const CSV_READERS = {
  evtxecmd: { name: 'EvtxECmd', columns: evtxecmdColumns, record: evtxecmdRecord },
  own: { name: 'evtxhunt', columns: ownCsvColumns, record: ownCsvRecord },
} as const;

async function* csvRecords(
  text: AsyncIterable<string>,
  encoding: Encoding & { layout: CsvLayout },
  file: string | undefined,
  report: Report,
) {
  const reader = CSV_READERS[encoding.layout.kind];
  let columns: Map<string, number> | undefined;
  let position = 0;
  for await (const row of csvRows(text, encoding, encoding.layout.separator)) {
    if (columns === undefined) {
      // evtxhunt's own CSV leads with a note line before its header.
      if (position++ === 0 && reader === CSV_READERS.own && isOwnCsvNote(row.fields)) continue;
      columns = reader.columns(row.fields);
      if (columns === undefined) {
        const message = `not an ${reader.name} header`;
        throw new FormatError(file ?? 'input', 'csv header', row.offset, message);
      }
      position = 0;
      continue;
    }
    const record = detachStrings(reader.record(row.fields, columns, file, ++position));
    if (record.issues) reportIssues(record.issues, 'csv row', row, report);
    yield record;
  }
}

function reportIssues(
  issues: readonly string[],
  structure: string,
  where: { offset: number; line: number },
  report: Report,
): void {
  for (const message of issues) {
    report({ severity: 'warning', structure, offset: where.offset, line: where.line, message });
  }
}

/** The first `size` bytes of `chunks` (fewer if it is shorter), and all its bytes again. */
export async function peek(
  chunks: ByteChunks,
  size: number,
): Promise<{ head: Uint8Array; chunks: ByteChunks }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let length = 0;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
    length += next.value.length;
  }
  const head = concat(taken).subarray(0, size);
  let replayed = 0;
  const again: AsyncIterator<Uint8Array> = {
    next: async () => {
      const part = taken[replayed];
      if (part === undefined) return iterator.next();
      replayed++;
      return { done: false, value: part };
    },
    // A reader that stops early, or never starts, closes the source (a file stream) too.
    return: async () => {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
  };
  return { head, chunks: { [Symbol.asyncIterator]: () => again } };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
