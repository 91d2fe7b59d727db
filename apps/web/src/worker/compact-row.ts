/** Turns a parsed or imported record into the row that crosses to the page. */
import type { EvtxRecord } from '@evtxhunt/evtx';
import type { ImportedRecord } from '@evtxhunt/formats';
import type { FieldValue } from '@evtxhunt/hunt';

import type { CompactRow } from '../protocol.js';
import type { RowColumnsWriter, RowFacts } from '../row-columns.js';
import { extrasText } from '../store/system-extras.js';

/** Marks a row whose record no chunk header vouches for (EvtxRecord.recovered). */
const RECOVERED = { recovered: true } as const;

/** A record read for its row: System facts and data fields, for RowColumnsWriter.add. */
export interface RecordRow {
  readonly facts: RowFacts;
  readonly data: Readonly<Record<string, FieldValue>>;
}

/**
 * The row of `record`: System fields, data fields in order, and where the record lies. Throws
 * what the parser throws on a record it cannot render.
 */
export function recordRow(record: EvtxRecord): RecordRow {
  const structured = record.toStructured();
  const facts: RowFacts = {
    ...(record.recovered ? RECOVERED : {}),
    time: structured.timeCreated,
    eventId: structured.eventId,
    level: structured.level,
    provider: structured.provider,
    channel: structured.channel,
    computer: structured.computer,
    recordId: structured.recordId,
    system: extrasText(structured),
    chunk: record.chunkIndex,
    offset: record.offset,
  };
  return { facts, data: structured.data };
}

/** Writes `rows` into `writer`, in order. */
export function writeRows(writer: RowColumnsWriter, rows: readonly RecordRow[]): void {
  for (const { facts, data } of rows) writer.add(facts, data);
}

/** Where the store keeps a row's place: chunk slots of 64 KiB after a 4 KiB file header. */
const FILE_HEADER_BLOCK = 0x1000;
const CHUNK_SIZE = 0x10000;

/**
 * The row for `record`, the record at 0-based `position` of an export (or of an EVTX log read
 * out of gzip or zip, whose records may be recovered ones). An export has no chunks,
 * so the row's chunk is its position (how its XML is asked for again) and its offset that
 * chunk's first byte, as the store expects.
 */
export function importedRow(
  record: ImportedRecord & { readonly recovered?: true },
  position: number,
): CompactRow {
  const names = Object.keys(record.data);
  return {
    ...(record.recovered ? RECOVERED : {}),
    time: record.timeCreated,
    eventId: record.eventId,
    level: record.level,
    provider: record.provider,
    channel: record.channel,
    computer: record.computer,
    recordId: record.recordId,
    system: extrasText(record),
    chunk: position,
    offset: FILE_HEADER_BLOCK + position * CHUNK_SIZE,
    names,
    values: names.map((name) => record.data[name] ?? ''),
  };
}
