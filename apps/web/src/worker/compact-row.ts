/** Turns a parsed record into the compact row that crosses to the page. */
import type { EvtxRecord } from '@evtxhunt/evtx';

import type { CompactRow } from '../protocol.js';
import { extrasText } from '../store/system-extras.js';

/**
 * The row for `record`: System fields, data fields in order, and where the record lies.
 * TODO: rows cross to the page as objects, so the page pays a structured clone per field;
 * posting batches as columns with the worker's own string table (and the shape id) would cut
 * the page's share of the work, P4 work with the parallel chunk reading.
 */
export function compactRow(record: EvtxRecord): CompactRow {
  const structured = record.toStructured();
  const names = Object.keys(structured.data);
  return {
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
