/**
 * Exports of the page: the rows of the events table as it is filtered and sorted (CSV with the
 * table's columns, or JSON Lines with every field) and the hunt's findings (JSON Lines). Lines
 * come from packages/hunt's CsvWriter and JsonlWriter, so formulas are neutralised and times are
 * in the chosen zone exactly as the CLI writes them; the page only gathers them into a Blob.
 */
import {
  CsvWriter,
  JsonlWriter,
  type EventRecord,
  type Finding,
  type TimeZoneChoice,
} from '@evtxhunt/hunt';

import type { EventStore } from '../store/event-store.js';
import type { RowView } from '../store/view.js';
import { slicedLoop, type Pacer, type StillWanted } from './slices.js';

/** The two formats of an events export. */
export type ExportFormat = 'csv' | 'jsonl';

/** A finished export: its text in parts for a Blob, and what to tell the user about it. */
export interface ExportFile {
  readonly fileName: string;
  readonly mediaType: string;
  readonly parts: readonly string[];
  /** Lines of data written: rows or findings. */
  readonly lines: number;
  readonly timeZone: string;
  /** A sentence or two about the file: how formulas were neutralised, for a CSV. */
  readonly note: string;
}

/** Text is gathered into parts of about this many characters, not kept one string per line. */
const PART_CHARS = 1 << 16;

/** What an events export covers. */
export interface RowsExport {
  readonly store: EventStore;
  readonly view: RowView;
  /** Column keys of the table, in order; the CSV has these columns. */
  readonly columns: readonly string[];
  readonly format: ExportFormat;
  readonly timeZone: TimeZoneChoice;
}

/**
 * Every row of `view`, in its order, as CSV or JSON Lines; resolves to undefined when `wanted`
 * turned false first. Throws TimeZoneError for an unknown zone.
 */
export async function exportRows(
  spec: RowsExport,
  pacer: Pacer,
  wanted?: StillWanted,
): Promise<ExportFile | undefined> {
  const writer = rowWriter(spec);
  const parts = new PartBuilder(writer.first);
  const visit = (i: number) => parts.add(writer.line(spec.store, spec.view.row(i)));
  if (!(await slicedLoop(spec.view.length, visit, pacer, wanted))) return undefined;

  const csv = spec.format === 'csv';
  return {
    fileName: `evtxhunt-events.${spec.format}`,
    mediaType: csv ? 'text/csv;charset=utf-8' : 'application/x-ndjson;charset=utf-8',
    parts: parts.finish(),
    lines: spec.view.length,
    timeZone: writer.timeZone,
    note: writer.note(),
  };
}

/** The findings as JSON Lines, their times in `timeZone`. */
export function exportFindings(findings: readonly Finding[], timeZone: TimeZoneChoice): ExportFile {
  const writer = new JsonlWriter({ timeZone });
  const parts = new PartBuilder('');
  for (const finding of findings) parts.add(writer.finding(finding));
  return {
    fileName: 'evtxhunt-findings.jsonl',
    mediaType: 'application/x-ndjson;charset=utf-8',
    parts: parts.finish(),
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
  const csv = new CsvWriter({ columns: spec.columns, timeZone: spec.timeZone, noteLine: true });
  return {
    first: csv.preamble(),
    timeZone: csv.timeZone,
    line: (store, row) => csv.row(withLevelField(store, row)),
    note: () => `${csv.note()} Times are in ${csv.timeZone}.`,
  };
}

/** The row's record with the level Event Viewer shows, as the table's Level column has it. */
function withLevel(store: EventStore, row: number): EventRecord & { level?: string } {
  const record = store.record(row);
  const level = store.cell(row, 'level');
  return level === undefined ? record : { ...record, level };
}

/** The same, with the level as a field the CSV writer can name as a column. */
function withLevelField(store: EventStore, row: number): EventRecord {
  const record = store.record(row);
  const level = store.cell(row, 'level');
  return level === undefined ? record : { ...record, data: { ...record.data, level } };
}

/** Gathers lines into parts of about PART_CHARS characters. */
class PartBuilder {
  readonly #parts: string[] = [];
  #pending: string[] = [];
  #pendingChars = 0;

  constructor(first: string) {
    if (first !== '') this.add(first);
  }

  add(line: string): void {
    this.#pending.push(line);
    this.#pendingChars += line.length;
    if (this.#pendingChars >= PART_CHARS) this.#flush();
  }

  finish(): string[] {
    this.#flush();
    return this.#parts;
  }

  #flush(): void {
    if (this.#pending.length > 0) this.#parts.push(this.#pending.join(''));
    this.#pending = [];
    this.#pendingChars = 0;
  }
}
