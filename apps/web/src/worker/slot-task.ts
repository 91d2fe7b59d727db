/**
 * One task of a file's parallel read, in a parse worker: a run of chunk slots read with one
 * `Blob.slice`, each slot parsed on its own with the parser's `parseSlot` and its records made
 * into rows. Nothing here looks at another slot, except that before a slot whose chunk header
 * was destroyed the worker first parses the earlier ones for their templates (`warmTemplates`).
 * The page accounts for the slots in slot order.
 * A slot that throws, or a read that fails, is reported as a failed slot (its records counted
 * lost), never as a failed task, so the rest of the file is still read.
 */
import {
  blobSource,
  CHUNK_SIZE,
  failedSlot,
  liveRecords,
  parseSlot,
  readRecoveredSlot,
  readRun,
  slotCount,
  warmBefore,
  warmTemplates,
  type LateReport,
  type FileTemplates,
  type ParsedSlot,
  type TemplateCache,
} from '@evtxhunt/evtx';

import type { SlotsReply, SlotsRequest, WireSlot } from '../protocol.js';
import { RowColumnsWriter } from '../row-columns.js';
import { recordRow, writeRows, type RecordRow } from './compact-row.js';

/** The reply to `request`; `file` holds the templates compiled for its file so far. */
export async function runSlotTask(request: SlotsRequest, file: FileTemplates): Promise<SlotsReply> {
  const { id, first, count } = request;
  const source = blobSource(request.file, request.name);
  let bytes: Uint8Array;
  try {
    bytes = await readRun(source, first, count);
    await warmTemplates(source, request.name, { first, count, bytes }, file);
    // Records that waited for templates of later chunks need every chunk's, parsed once.
    if (request.late?.length) await warmBefore(source, request.name, slotCount(source.size), file);
  } catch (error) {
    const cause = `the parse worker could not read the file: ${describeThrown(error)}`;
    const slots = Array.from({ length: count }, (_, i) => noRows(failedSlot(first + i, cause)));
    return { kind: 'slots', id, slots, batch: new RowColumnsWriter().done() };
  }

  const rows = new RowColumnsWriter();
  const slots: WireSlot[] = [];
  for (let i = 0; i < count; i++) {
    // A read cut short (the file shrank) leaves its last slots empty, as a sequential read does.
    const slotBytes = bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
    const index = first + i;
    slots.push(slotRows(slotBytes, index, request, file.templates, rows));
  }
  return { kind: 'slots', id, slots, batch: rows.done() };
}

/** Parses slot `index` and writes its rows into `rows`; returns its report. */
function slotRows(
  bytes: Uint8Array,
  index: number,
  request: SlotsRequest,
  templates: TemplateCache,
  rows: RowColumnsWriter,
): WireSlot {
  let parsed: ParsedSlot;
  let late: LateReport | undefined;
  try {
    ({ slot: parsed, late } = parseFor(bytes, index, request, templates));
  } catch (error) {
    return noRows(failedSlot(index, `parsing threw ${describeThrown(error)}`));
  }

  const { info, diagnostics, recordIds, records } = parsed;
  // The keys go to the page in the pass; its end no longer needs them.
  const keys = request.recovered === undefined ? parsed.keys : undefined;
  let made: RecordRow[];
  try {
    made = records.map(recordRow);
  } catch (error) {
    return noRows(failedSlot(index, `making its rows threw ${describeThrown(error)}`, parsed));
  }
  writeRows(rows, made);
  return { info, diagnostics, recordIds, keys, late, rows: made.length };
}

/**
 * In the pass, the slot with its live records; at its end, with the recovered records the
 * page asks for again, and what reading those that waited gave.
 */
function parseFor(
  bytes: Uint8Array,
  index: number,
  request: SlotsRequest,
  templates: TemplateCache,
): { slot: ParsedSlot; late: LateReport | undefined } {
  const { recovered, late = [] } = request;
  if (recovered !== undefined) {
    return readRecoveredSlot(bytes, { index, offsets: recovered, late }, request.name, templates);
  }
  const slot = parseSlot(bytes, index, request.name, templates);
  return { slot: { ...slot, records: liveRecords(slot.records) }, late: undefined };
}

function noRows(slot: ReturnType<typeof failedSlot>): WireSlot {
  const { info, diagnostics, recordIds } = slot;
  return { info, diagnostics, recordIds, rows: 0 };
}

function describeThrown(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
