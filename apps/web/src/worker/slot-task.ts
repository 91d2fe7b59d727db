/**
 * One task of a file's parallel read, in a parse worker: a run of chunk slots read with one
 * `Blob.slice`, each slot parsed on its own with the parser's `parseSlot` and its records made
 * into rows. Nothing here looks at another slot; the page accounts for the slots in slot order.
 * A slot that throws, or a read that fails, is reported as a failed slot (its records counted
 * lost), never as a failed task, so the rest of the file is still read.
 */
import {
  blobSource,
  CHUNK_SIZE,
  failedSlot,
  hasChunkSignature,
  isAllZero,
  parseSlot,
  readRun,
  type ByteSource,
  type ParsedSlot,
  type TemplateCache,
} from '@evtxhunt/evtx';

import type { CompactRow, SlotsReply, SlotsRequest, WireSlot } from '../protocol.js';
import { packRows } from '../row-batch.js';
import { compactRow } from './compact-row.js';

/** The templates a worker compiled for one file's parse, and how far they reach. */
export interface ParseTemplates {
  readonly cache: TemplateCache;
  /** Slots before this one have all been parsed into `cache` (see warmTemplates). */
  warmed: number;
}

/** The reply to `request`; `templates` are those compiled for its file so far. */
export async function runSlotTask(
  request: SlotsRequest,
  templates: ParseTemplates,
): Promise<SlotsReply> {
  const { id, first, count } = request;
  const source = blobSource(request.file, request.name);
  let bytes: Uint8Array;
  try {
    bytes = await readRun(source, first, count);
    await warmTemplates(source, bytes, first, templates);
  } catch (error) {
    const cause = `the parse worker could not read the file: ${describeThrown(error)}`;
    const slots = Array.from({ length: count }, (_, i) => noRows(failedSlot(first + i, cause)));
    return { kind: 'slots', id, slots, batch: packRows([]) };
  }

  const rows: CompactRow[] = [];
  const slots: WireSlot[] = [];
  for (let i = 0; i < count; i++) {
    // A read cut short (the file shrank) leaves its last slots empty, as a sequential read does.
    const slotBytes = bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
    slots.push(slotRows(slotBytes, first + i, request.name, templates.cache, rows));
  }
  return { kind: 'slots', id, slots, batch: packRows(rows) };
}

/**
 * A slot whose chunk header was destroyed borrows templates from the chunks before it, as a
 * sequential read does (packages/evtx recover/destroyed-chunk.ts); this worker may never have
 * parsed them (another worker had those slots). So before such a slot every earlier slot it has
 * not parsed is parsed into its cache, once per parse, as packages/evtx's task-runner does in
 * Node. Costly on a large file, but only on files with a destroyed chunk header.
 */
async function warmTemplates(
  source: ByteSource,
  bytes: Uint8Array,
  first: number,
  templates: ParseTemplates,
): Promise<void> {
  let destroyed = -1;
  for (let at = 0; at < bytes.length && destroyed < 0; at += CHUNK_SIZE) {
    const slot = bytes.subarray(at, at + CHUNK_SIZE);
    if (!hasChunkSignature(slot) && !isAllZero(slot)) destroyed = first + at / CHUNK_SIZE;
  }
  if (destroyed < 0 || templates.warmed >= destroyed) return;

  for (let index = templates.warmed; index < destroyed; index++) {
    parseSlot(await readRun(source, index, 1), index, source.name, templates.cache);
  }
  templates.warmed = destroyed;
}

/** Parses slot `index` and appends its rows to `rows`; returns its report. */
function slotRows(
  bytes: Uint8Array,
  index: number,
  file: string,
  templates: TemplateCache,
  rows: CompactRow[],
): WireSlot {
  let parsed: ParsedSlot;
  try {
    parsed = parseSlot(bytes, index, file, templates);
  } catch (error) {
    return noRows(failedSlot(index, `parsing threw ${describeThrown(error)}`));
  }

  const { info, diagnostics, recordIds, records } = parsed;
  let made: CompactRow[];
  try {
    made = records.map(compactRow);
  } catch (error) {
    return noRows(failedSlot(index, `making its rows threw ${describeThrown(error)}`, parsed));
  }
  for (const row of made) rows.push(row);
  return { info, diagnostics, recordIds, rows: made.length };
}

function noRows(slot: ReturnType<typeof failedSlot>): WireSlot {
  const { info, diagnostics, recordIds } = slot;
  return { info, diagnostics, recordIds, rows: 0 };
}

function describeThrown(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
