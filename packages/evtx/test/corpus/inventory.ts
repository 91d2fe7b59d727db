/** Typed rows of the corpus's INVENTORY.tsv and DISAGREEMENTS.tsv (see samples/evtx/README.md). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { cell, count, optionalCount, parseHistogram, parseTsv } from './tsv.js';
import type { TsvRow } from './tsv.js';

/** One `.evtx` of the corpus and what libevtx and python-evtx made of it. */
export interface InventoryRow {
  /** Path under samples/evtx, e.g. `evtx-rs/sysmon.evtx`. */
  path: string;
  bytes: number;
  sha256: string;
  sourceRepo: string;
  /** Allocated records exported by `evtxexport -f xml`: the reference count. */
  recordsByEvtxexport: number;
  recordsByPythonEvtx: number;
  /** evtxexport's Event ID histogram. */
  eventIds: Map<number, number>;
  pythonEventIds: Map<number, number>;
  channels: string[];
  providers: string[];
  /** Tool errors, damage and disagreements, `; `-separated. */
  notes: string;
  /** `evtxinfo`'s `Number of records`, quoted in the notes where evtxexport gave up. */
  evtxinfoRecords: number | undefined;
  /** True when `evtxexport` exited with status 1 (it stopped early). */
  evtxexportAborted: boolean;
  /** Records `evtxexport -m recovered` carves from slack space; informational. */
  recoveredRecords: number;
  /** `corrupted`, `dirty`, ... from evtxinfo. */
  evtxinfoFlags: string[];
  headerChunkCount: number | undefined;
  fileChunks: number | undefined;
  recordIdMin: string;
  recordIdMax: string;
  timeMinUtc: string;
  timeMaxUtc: string;
  license: string;
  selectionReason: string;
}

/** Kinds of DISAGREEMENTS.tsv rows, as written in its `kind` column. */
export type DisagreementKind =
  | 'systematic_rendering'
  | 'record_count'
  | 'eventid_histogram'
  | 'only_in_evtxexport'
  | 'only_in_python_evtx'
  | 'field_value'
  | 'field_structure'
  | 'field_evtxexport_negative_int_bug'
  | 'field_evtxexport_float_format';

/** One place where evtxexport and python-evtx disagree. */
export interface DisagreementRow {
  path: string;
  kind: DisagreementKind | (string & {});
  /** Decimal record identifier; empty for file-level rows and unnumbered records. */
  recordId: string;
  eventId: number | undefined;
  field: string;
  evtxexport: string;
  pythonEvtx: string;
}

/**
 * Note clauses that describe the references rather than damage to the file. Every other clause
 * (tool errors, corrupted/dirty flags, stale headers, bad chunks, count mismatches) marks the file
 * as damaged.
 */
const INFORMATIONAL_NOTES: readonly RegExp[] = [
  /^evtxexport -m recovered:/,
  /^reference /,
  /^\d+ recs with field-value diffs/,
  /^evtxexport xml issues:/,
  /^EMPTY LOG:/,
];

/** The `; `-separated clauses of a notes cell. */
export function noteClauses(notes: string): string[] {
  return notes
    .split('; ')
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}

/** True when no note says the file is damaged or that a tool failed on it. */
export function isClean(row: Pick<InventoryRow, 'notes'>): boolean {
  return noteClauses(row.notes).every((clause) =>
    INFORMATIONAL_NOTES.some((pattern) => pattern.test(clause)),
  );
}

function list(text: string): string[] {
  return text.split(';').filter((item) => item !== '');
}

function toInventoryRow(row: TsvRow): InventoryRow {
  const notes = cell(row, 'notes');
  const evtxinfo = /evtxinfo records=(\d+)/.exec(notes);
  return {
    path: cell(row, 'path'),
    bytes: count(row, 'bytes'),
    sha256: cell(row, 'sha256'),
    sourceRepo: cell(row, 'source_repo'),
    recordsByEvtxexport: count(row, 'records_by_evtxexport'),
    recordsByPythonEvtx: count(row, 'records_by_python_evtx'),
    eventIds: parseHistogram(cell(row, 'eventid_counts')),
    pythonEventIds: parseHistogram(cell(row, 'eventid_counts_python_evtx')),
    channels: list(cell(row, 'channels')),
    providers: list(cell(row, 'providers')),
    notes,
    evtxinfoRecords: evtxinfo?.[1] === undefined ? undefined : Number(evtxinfo[1]),
    evtxexportAborted: /evtxexport rc=1\b/.test(notes),
    recoveredRecords: count(row, 'recovered_records_evtxexport'),
    evtxinfoFlags: cell(row, 'evtxinfo_flags')
      .split('+')
      .filter((flag) => flag !== ''),
    headerChunkCount: optionalCount(row, 'header_chunk_count'),
    fileChunks: optionalCount(row, 'file_chunks'),
    recordIdMin: cell(row, 'record_id_min'),
    recordIdMax: cell(row, 'record_id_max'),
    timeMinUtc: cell(row, 'time_min_utc'),
    timeMaxUtc: cell(row, 'time_max_utc'),
    license: cell(row, 'license'),
    selectionReason: cell(row, 'selection_reason'),
  };
}

function toDisagreementRow(row: TsvRow): DisagreementRow {
  const eventId = cell(row, 'event_id');
  return {
    path: cell(row, 'path'),
    kind: cell(row, 'kind'),
    recordId: cell(row, 'record_id'),
    eventId: /^\d+$/.test(eventId) ? Number(eventId) : undefined,
    field: cell(row, 'field'),
    evtxexport: cell(row, 'evtxexport'),
    pythonEvtx: cell(row, 'python_evtx'),
  };
}

/** Reads `<evtxDir>/INVENTORY.tsv`. */
export function loadInventory(evtxDir: string): InventoryRow[] {
  const file = join(evtxDir, 'INVENTORY.tsv');
  return parseTsv(readFileSync(file, 'utf8'), file).map(toInventoryRow);
}

/** Reads `<evtxDir>/DISAGREEMENTS.tsv`. */
export function loadDisagreements(evtxDir: string): DisagreementRow[] {
  const file = join(evtxDir, 'DISAGREEMENTS.tsv');
  return parseTsv(readFileSync(file, 'utf8'), file).map(toDisagreementRow);
}
