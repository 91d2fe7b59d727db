/**
 * What `evtxhunt carve` says about an image: a line per chunk, rejected signature and loose
 * record with its byte offset (stderr), and the same as a JSON manifest beside the outputs.
 */
import type { CarvedChunk, CarvedLog, CarveScan, LooseRecordFound } from '@evtxhunt/evtx/carve';

import type { FileAccount } from './account.js';
import { describeDiagnostic } from './diagnostics.js';
import { escapeText } from './escape.js';

/** The name of the loose records' file in the output folder. */
export const LOOSE_RECORDS_FILE = 'loose-records.jsonl';

/** Where each chunk went: its output file and slot, by the chunk's image offset. */
export type Placement = ReadonlyMap<number, { readonly file: string; readonly slot: number }>;

/** Where every carved chunk went in the planned logs. */
export function placements(logs: readonly CarvedLog[], extension: string): Placement {
  const placed = new Map<number, { file: string; slot: number }>();
  for (const log of logs) {
    log.chunks.forEach((chunk, slot) =>
      placed.set(chunk.offset, { file: log.name + extension, slot }),
    );
  }
  return placed;
}

/** The text report: everything found, in image order, each with its offset; escaped. */
export function carveLines(scan: CarveScan, placed: Placement): string[] {
  const found = [
    ...scan.chunks.map((chunk) => ({ at: chunk.offset, lines: chunkLines(chunk, placed) })),
    ...scan.rejected.map(({ offset, reason }) => ({
      at: offset,
      lines: [`signature at ${where(offset)}: not a usable chunk: ${reason}`],
    })),
    ...scan.looseRecords.map((record) => ({ at: record.offset, lines: [looseLine(record)] })),
  ];
  found.sort((a, b) => a.at - b.at);
  return found.flatMap(({ lines }) => lines).map((line) => escapeText(line));
}

function chunkLines(chunk: CarvedChunk, placed: Placement): string[] {
  const head = `chunk at ${where(chunk.offset)}`;
  if (chunk.duplicateOf !== undefined) {
    return [`${head}: a copy of the chunk at ${where(chunk.duplicateOf)}; not written again`];
  }

  const facts = [
    recordsText(chunk),
    `header CRC ${chunk.headerCrcValid ? 'valid' : 'BAD'}`,
    `data CRC ${chunk.dataCrcValid ? 'valid' : 'BAD'}`,
  ];
  if (chunk.length < 65536) facts.push(`cut off after ${chunk.length} bytes, padded with zeros`);
  if (chunk.channel !== '') facts.push(`${chunk.channel} on ${chunk.computer}`);
  const place = placed.get(chunk.offset);
  const target =
    place === undefined ? 'not written: no record read' : `${place.file} slot ${place.slot}`;
  const details = chunk.diagnostics.map((d) => `  ${describeDiagnostic(d)}`);
  return [`${head}: ${facts.join(', ')} -> ${target}`, ...details];
}

function recordsText(chunk: CarvedChunk): string {
  const ids =
    chunk.firstRecordId === undefined ? '' : ` (ids ${chunk.firstRecordId}-${chunk.lastRecordId})`;
  const failed = chunk.failed > 0 ? `, ${chunk.failed} failed` : '';
  return `${chunk.records} records${ids}${failed}`;
}

function looseLine(record: LooseRecordFound): string {
  const head =
    `loose record at ${where(record.offset)}: record ${record.recordId}, written ` +
    `${record.writtenTime}, ${record.size} bytes`;
  return record.read
    ? `${head}: read -> ${LOOSE_RECORDS_FILE}`
    : `${head}: not read (${record.problem ?? 'unknown'}); listed in ${LOOSE_RECORDS_FILE}`;
}

/** `0x3e9 (1001)`: hex as everywhere, and decimal for tools that take a byte count. */
function where(offset: number): string {
  return `0x${offset.toString(16)} (${offset})`;
}

/** The line that sums the scan up. */
export function carveSummary(scan: CarveScan, logs: readonly CarvedLog[], out: string): string {
  const copies = scan.chunks.filter((chunk) => chunk.duplicateOf !== undefined).length;
  const read = scan.looseRecords.filter((record) => record.read).length;
  return escapeText(
    `carved ${scan.chunks.length} chunks (${copies} copies, ${scan.rejected.length} signatures ` +
      `rejected) and ${scan.looseRecords.length} loose records (${read} read) from ` +
      `${scan.image} into ${logs.length} logs in ${out}`,
  );
}

/** What the manifest takes besides the scan: the format, and the accounts of the outputs. */
export interface ManifestContext {
  readonly format: string;
  readonly accounts: readonly FileAccount[];
  /** The account of each log as read back from its output, in the order of `logs`. */
  readonly logAccounts: readonly FileAccount[];
}

/** The manifest written as `manifest.json` in the output folder. */
export function carveManifest(
  scan: CarveScan,
  logs: readonly CarvedLog[],
  placed: Placement,
  context: ManifestContext,
): unknown {
  return {
    image: scan.image,
    size: scan.size,
    format: context.format,
    chunks: scan.chunks.map((chunk) => manifestChunk(chunk, placed)),
    rejectedSignatures: scan.rejected,
    looseRecords: scan.looseRecords.map((record) => ({ ...record, output: LOOSE_RECORDS_FILE })),
    outputs: logs.map((log, i) => manifestOutput(log, placed, context.logAccounts[i])),
    account: context.accounts,
  };
}

/**
 * One rebuilt log. `missing` is what its account says, the rebuilt file read back; split into
 * the ids between its chunks that no chunk held (what the scan saw) and the ids its chunk
 * headers name that the chunks no longer hold (a chunk cut off by the image's end, records
 * damaged), which only reading the chunks back tells. `missingNote` names any other difference.
 */
function manifestOutput(log: CarvedLog, placed: Placement, account: FileAccount | undefined) {
  const missing = account?.missing ?? log.missing;
  const within = missing - log.missing;
  const note =
    within < 0
      ? `the rebuilt file counts ${-within} fewer missing than the gaps between its chunks' ` +
        'record ids: ids a chunk header names are counted there as records that failed'
      : undefined;
  return {
    file: placed.get(log.chunks[0]!.offset)?.file,
    channel: log.channel,
    computer: log.computer,
    chunks: log.chunks.length,
    records: log.records,
    firstRecordId: log.firstRecordId,
    lastRecordId: log.lastRecordId,
    missing,
    missingBetweenChunks: log.missing,
    missingWithinChunks: Math.max(0, within),
    ...(note === undefined ? {} : { missingNote: note }),
  };
}

function manifestChunk(chunk: CarvedChunk, placed: Placement): unknown {
  const place = placed.get(chunk.offset);
  return {
    offset: chunk.offset,
    length: chunk.length,
    headerCrcValid: chunk.headerCrcValid,
    dataCrcValid: chunk.dataCrcValid,
    records: chunk.records,
    failed: chunk.failed,
    firstRecordId: chunk.firstRecordId ?? null,
    lastRecordId: chunk.lastRecordId ?? null,
    channel: chunk.channel,
    computer: chunk.computer,
    duplicateOf: chunk.duplicateOf ?? null,
    output: place?.file ?? null,
    slot: place?.slot ?? null,
    diagnostics: chunk.diagnostics,
  };
}
