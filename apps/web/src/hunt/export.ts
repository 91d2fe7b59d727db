/**
 * Exports of the page: the rows of the events table as it is filtered and sorted (CSV with the
 * table's columns, JSON Lines with every field, ECS documents for Elastic or OpenSearch, or
 * Timesketch lines) and the hunt's findings (JSON Lines). Lines come from packages/hunt's
 * writers, the ones `evtxhunt dump` uses, so formulas are neutralised, times are in the chosen
 * zone (UTC for ECS and Timesketch) and documents are the CLI's; the page only gathers them
 * into a Blob.
 */
import {
  CsvWriter,
  JsonlWriter,
  SYSTEM_EXTRA_NAMES,
  ecsRecordLine,
  timesketchLine,
  type EventRecord,
  type ExportRecord,
  type Finding,
  type TimeZoneChoice,
} from '@evtxhunt/hunt';

import { RECOVERED_FIELD } from '../filter/store-row.js';
import type { EventStore } from '../store/event-store.js';
import type { RowView } from '../store/view.js';
import { slicedLoop, type Pacer, type StillWanted } from './slices.js';

/** The formats of an events export. */
export type ExportFormat = 'csv' | 'jsonl' | 'ecs' | 'timesketch';

/** Each format's file name and media type. */
const FORMAT_FILES: Readonly<Record<ExportFormat, { name: string; type: string }>> = {
  csv: { name: 'evtxhunt-events.csv', type: 'text/csv;charset=utf-8' },
  jsonl: { name: 'evtxhunt-events.jsonl', type: 'application/x-ndjson;charset=utf-8' },
  ecs: { name: 'evtxhunt-events-ecs.ndjson', type: 'application/x-ndjson;charset=utf-8' },
  timesketch: {
    name: 'evtxhunt-events-timesketch.jsonl',
    type: 'application/x-ndjson;charset=utf-8',
  },
};

/** A finished export: its text as a Blob, and what to tell the user about it. */
export interface ExportFile {
  readonly fileName: string;
  readonly blob: Blob;
  /** Lines of data written: rows or findings. */
  readonly lines: number;
  readonly timeZone: string;
  /** A sentence or two about the file: how formulas were neutralised, for a CSV. */
  readonly note: string;
}

/*
 * TODO: the zone an export names is the one Intl resolves, so Chromium writes Asia/Calcutta for
 * Asia/Kolkata in the lines and the note (the table's header says Asia/Kolkata); the writers in
 * packages/hunt would need the current-name table of filter/zone-names.ts.
 */

/** Lines are joined into strings of about this many characters. */
const PART_CHARS = 1 << 16;

/**
 * Strings are handed to a Blob every this many characters, so a large export lives in the
 * browser's blob store (which can spill to disk) rather than as strings on the page's heap.
 */
const BLOB_CHARS = 1 << 24;

/** What an events export covers. */
export interface RowsExport {
  readonly store: EventStore;
  readonly view: RowView;
  /** Column keys of the table, in order; the CSV has these columns. */
  readonly columns: readonly string[];
  readonly format: ExportFormat;
  readonly timeZone: TimeZoneChoice;
}

/** Rows between two progress reports of an export. */
export const PROGRESS_ROWS = 10_000;

/**
 * Every row of `view`, in its order, as CSV or JSON Lines; resolves to undefined when `wanted`
 * turned false first. `progress` hears the rows written every PROGRESS_ROWS. Throws
 * TimeZoneError for an unknown zone.
 */
export async function exportRows(
  spec: RowsExport,
  pacer: Pacer,
  wanted?: StillWanted,
  progress?: (rows: number) => void,
): Promise<ExportFile | undefined> {
  const writer = rowWriter(spec);
  const { name, type } = FORMAT_FILES[spec.format];
  const parts = new PartBuilder(writer.first, type);
  const visit = (i: number) => {
    parts.add(writer.line(spec.store, spec.view.row(i)));
    if (i % PROGRESS_ROWS === 0) progress?.(i);
  };
  if (!(await slicedLoop(spec.view.length, visit, pacer, wanted))) return undefined;

  return {
    fileName: name,
    blob: parts.finish(),
    lines: spec.view.length,
    timeZone: writer.timeZone,
    note: writer.note(),
  };
}

/** The findings as JSON Lines, their times in `timeZone`. */
export function exportFindings(findings: readonly Finding[], timeZone: TimeZoneChoice): ExportFile {
  const writer = new JsonlWriter({ timeZone });
  const parts = new PartBuilder('', 'application/x-ndjson;charset=utf-8');
  for (const finding of findings) parts.add(writer.finding(finding));
  return {
    fileName: 'evtxhunt-findings.jsonl',
    blob: parts.finish(),
    lines: findings.length,
    timeZone: writer.timeZone,
    note: `Times are in ${writer.timeZone}.`,
  };
}

interface RowWriter {
  readonly first: string;
  readonly timeZone: string;
  line(store: EventStore, row: number): string;
  note(): string;
}

function rowWriter(spec: RowsExport): RowWriter {
  if (spec.format === 'ecs' || spec.format === 'timesketch') return utcWriter(spec.format);
  if (spec.format === 'jsonl') {
    const jsonl = new JsonlWriter({ timeZone: spec.timeZone });
    const zone = `Times are in ${jsonl.timeZone}.`;
    return {
      first: '',
      timeZone: jsonl.timeZone,
      line: (store, row) => jsonl.record(withLevel(store, row)),
      note: () => zone,
    };
  }
  // A store holding recovered records gets a last column saying which rows are (true/false).
  const flagged = spec.store.recoveredCount > 0;
  const columns = flagged ? [...spec.columns, RECOVERED_FIELD] : spec.columns;
  const csv = new CsvWriter({ columns, timeZone: spec.timeZone, noteLine: true });
  return {
    first: csv.preamble(),
    timeZone: csv.timeZone,
    line: (store, row) => csv.row(withLevelField(store, row, flagged)),
    note: () => `${csv.note()} Times are in ${csv.timeZone}.`,
  };
}

/** ECS or Timesketch lines, as `evtxhunt dump --format` writes them: times in UTC. */
function utcWriter(format: 'ecs' | 'timesketch'): RowWriter {
  const line = format === 'ecs' ? ecsRecordLine : timesketchLine;
  const note =
    format === 'ecs'
      ? 'One ECS document per line, for Elastic or OpenSearch bulk ingest. Times are in UTC.'
      : 'One Timesketch event per line (message, datetime, timestamp_desc). Times are in UTC.';
  return {
    first: '',
    timeZone: 'UTC',
    line: (store, row) => {
      const record = exportRecord(store, row);
      return `${line(record, record.file ?? '')}\n`;
    },
    note: () => note,
  };
}

/**
 * The row as the parser gives it to `evtxhunt dump`: the engine's record, the rest of System
 * and the Level as a number. The store keeps no record header, so no header id or time.
 */
export function exportRecord(store: EventStore, row: number): ExportRecord {
  const level = store.level(row);
  const record = { ...store.record(row), ...store.systemExtras(row) };
  return level === undefined ? record : { ...record, level };
}

/**
 * The row's record with the level Event Viewer shows, as the table's Level column has it, and
 * the rest of System under the names `evtxhunt dump` gives them (`task`, `processId`, ...).
 */
function withLevel(store: EventStore, row: number): EventRecord & { level?: string } {
  const flag = store.recovered(row) ? RECOVERED : {};
  const record = { ...store.record(row), ...store.systemExtras(row), ...flag };
  const level = store.cell(row, 'level');
  return level === undefined ? record : { ...record, level };
}

/**
 * The same, with the level and the rest of System (`System.Task`, ...) as fields the CSV
 * writer can name as columns, and with `recovered` (`true` or `false`) when `flagged`.
 */
function withLevelField(store: EventStore, row: number, flagged: boolean): EventRecord {
  const record = store.record(row);
  const system: Record<string, string> = {};
  for (const key of ['level', ...SYSTEM_EXTRA_NAMES]) {
    const text = store.cell(row, key);
    if (text !== undefined) system[key] = text;
  }
  if (flagged) system[RECOVERED_FIELD] = String(store.recovered(row));
  return { ...record, data: { ...record.data, ...system } };
}

/** What a recovered row's JSON line carries besides a live one's, as `evtxhunt dump` writes. */
const RECOVERED = { recovered: true } as const;

/** Gathers lines into strings of about PART_CHARS characters, and those into Blobs. */
class PartBuilder {
  readonly #blobs: Blob[] = [];
  readonly #type: string;
  #parts: string[] = [];
  #partChars = 0;
  #lines: string[] = [];
  #lineChars = 0;

  constructor(first: string, type: string) {
    this.#type = type;
    if (first !== '') this.add(first);
  }

  add(line: string): void {
    this.#lines.push(line);
    this.#lineChars += line.length;
    if (this.#lineChars >= PART_CHARS) this.#joinLines();
    if (this.#partChars >= BLOB_CHARS) this.#toBlob();
  }

  finish(): Blob {
    this.#joinLines();
    this.#toBlob();
    return new Blob(this.#blobs, { type: this.#type });
  }

  #joinLines(): void {
    if (this.#lines.length > 0) this.#parts.push(this.#lines.join(''));
    this.#partChars += this.#lineChars;
    this.#lines = [];
    this.#lineChars = 0;
  }

  #toBlob(): void {
    if (this.#parts.length > 0) this.#blobs.push(new Blob(this.#parts));
    this.#parts = [];
    this.#partChars = 0;
  }
}
