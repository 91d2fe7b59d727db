/** Turns a parsed or imported record into the compact row that crosses to the page. */
import type { EvtxRecord } from '@evtxhunt/evtx';
import type { ImportedRecord } from '@evtxhunt/formats';

import type { CompactRow } from '../protocol.js';
import { extrasText } from '../store/system-extras.js';

/** Marks a row whose record no chunk header vouches for (EvtxRecord.recovered). */
const RECOVERED = { recovered: true } as const;

/**
 * The row for `record`: System fields, data fields in order, and where the record lies.
 * TODO: rows still cross as one object per row, with their data values as strings (repeated
 * texts and field names go once per batch, row-batch.ts); the page then interns every value
 * again, which is its largest share of a load (ValuePool.intern). Interning in the worker and
 * posting codes would move that work off the page's thread, and would cut the tab's peak: those
 * short-lived strings are much of why the page's heap swings to about twice what it keeps
 * (a 1 GB log: 70-275 MB, 94 MB kept; the tab peaks near 1 GB, about 500 MB kept).
 */
export function compactRow(record: EvtxRecord): CompactRow {
  const structured = record.toStructured();
  const names = Object.keys(structured.data);
  return {
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
    names,
    values: names.map((name) => structured.data[name] ?? ''),
  };
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
