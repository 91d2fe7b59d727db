/**
 * Every event of every loaded file, in columns (store-columns.ts). Rows are appended as
 * workers post them (batch-in.ts) and never move; views (sorted, filtered) are index arrays
 * over row numbers. This class is the store's one public face; each of its tasks lives in a
 * module of its own: the table's cells (cells.ts), value codes and readers for filters
 * (value-codes.ts), sorting keys (order-keys.ts), rows out to the hunt worker
 * (row-columns-out.ts) and rows as the engine's records (event-record.ts).
 */
import type { EventRecord, FieldValue } from '@evtxhunt/hunt';

import type { CompactRow } from '../protocol.js';
import { columnsOfRows, NO_LEVEL, type RowColumns } from '../row-columns.js';
import { BatchIn } from './batch-in.js';
import { cellText, columnsOf } from './cells.js';
import type { ColumnInfo } from './columns.js';
import { eventRecord, systemExtrasOf } from './event-record.js';
import type { DataFrame, RowKey } from './frame.js';
import { orderKey } from './order-keys.js';
import { rowColumnsOf } from './row-columns-out.js';
import { StoreColumns } from './store-columns.js';
import { dataReader, someDataCode, valueCodes, type ValueCodes } from './value-codes.js';

export type { ValueCodes } from './value-codes.js';

/** Where a row's record lies, so a worker can read it again. */
export interface RecordLocation {
  readonly file: number;
  readonly chunk: number;
  readonly offset: number;
}

/** The events of every loaded file. */
export class EventStore implements DataFrame {
  readonly #store = new StoreColumns();
  readonly #batchIn = new BatchIn(this.#store);

  get rowCount(): number {
    return this.#store.rowCount;
  }

  /** Registers a file; its rows are appended with the index returned. */
  addFile(name: string): number {
    this.#store.fileNames.push(name);
    return this.#store.fileNames.length - 1;
  }

  fileName(file: number): string | undefined {
    return this.#store.fileNames[file];
  }

  /** Every file's name, by index. */
  fileNames(): readonly string[] {
    return [...this.#store.fileNames];
  }

  /** Appends `rows` to `file` (tests and the Node benches; the page appends columns). */
  append(file: number, rows: readonly CompactRow[]): void {
    this.appendColumns(file, columnsOfRows(rows));
  }

  /**
   * Appends a batch of rows a worker posted for `file`. Each text the batch lists is interned
   * once, whatever number of rows hold it. Throws a RangeError, before anything is stored,
   * for an unknown file or a record outside its chunk slot.
   */
  appendColumns(file: number, columns: RowColumns): void {
    this.#batchIn.append(file, columns);
  }

  /** Where row `row`'s record lies in its file. */
  location(row: number): RecordLocation {
    this.#store.checkRow(row);
    const chunk = this.#store.chunk.get(row);
    return { file: this.#store.file.get(row), chunk, offset: this.#store.recordOffset(row) };
  }

  /**
   * True when row `row`'s record was recovered: found by its signature, with no chunk header
   * vouching for it, so it may be stale or cleared data rather than part of the live log.
   */
  recovered(row: number): boolean {
    return row >= 0 && this.#store.recovered.get(row) === 1;
  }

  /** How many rows hold recovered records. */
  get recoveredCount(): number {
    return this.#store.recoveredRows;
  }

  /** The file index of row `row`. */
  fileOf(row: number): number {
    return this.#store.file.get(row);
  }

  /** Milliseconds since 1970 of the event's TimeCreated; NaN when it has none. */
  timeMs(row: number): number {
    return this.#store.time.ms(row);
  }

  columns(): readonly ColumnInfo[] {
    return columnsOf(this.#store);
  }

  cell(row: number, key: string): string | undefined {
    return cellText(this.#store, row, key);
  }

  orderKey(key: string): RowKey | undefined {
    return orderKey(this.#store, key);
  }

  /** The event's Level as Windows wrote it, undefined when it has none. */
  level(row: number): number | undefined {
    const level = this.#store.level.get(row);
    return level === NO_LEVEL || row < 0 || row >= this.rowCount ? undefined : level;
  }

  /** Every event data field name seen, in the order first seen. */
  dataFieldNames(): readonly string[] {
    return this.#store.fields.map((field) => field.name);
  }

  /** How many event data field names have been seen; grows as files load. */
  get dataFieldCount(): number {
    return this.#store.fields.length;
  }

  /**
   * A reader of data field `name` (exact spelling): the row's value, a list when the field
   * repeats, undefined when the row lacks it. Undefined for a name no event has.
   */
  dataReader(name: string): ((row: number) => FieldValue | undefined) | undefined {
    return dataReader(this.#store, name);
  }

  /**
   * Visits the row's event data as (field id, value code) pairs, in document order, until
   * `visit` returns true; returns whether it did. Read a value with dataValueOf.
   */
  someDataCode(row: number, visit: (field: number, code: number) => boolean): boolean {
    return someDataCode(this.#store, row, visit);
  }

  /** The value behind `code` in data field `field` (ids as someDataCode gives them). */
  dataValueOf(field: number, code: number): FieldValue | undefined {
    return this.#store.fields[field]?.pool.value(code);
  }

  /**
   * Column `key` as value codes, for counting values without reading text: equal values share
   * a code, NO_VALUE (0) is "no value", and Level 0 shares the code of 4 (both Information).
   * Undefined for an unknown column and for those whose values are all distinct (time, record).
   */
  valueCodes(key: string): ValueCodes | undefined {
    return valueCodes(this.#store, key);
  }

  /**
   * Rows `start` to `end` as RowColumns, the way the hunt worker takes them, and the file
   * names the rows' `files` codes index. Each text and value the rows share is listed once.
   */
  rowColumns(start: number, end: number): { columns: RowColumns; files: Uint32Array } {
    return rowColumnsOf(this.#store, start, end);
  }

  /** Row `row` as the hunt engine's record, so the engine can run over the store. */
  record(row: number): EventRecord {
    return eventRecord(this.#store, row);
  }

  /**
   * The rest of System in row `row`, under the parser's JSON names (`task`, `processId`, ...)
   * with numbers as numbers, as `evtxhunt dump` writes them; only the fields the event has.
   */
  systemExtras(row: number): Record<string, string | number> {
    return systemExtrasOf(this.#store, row);
  }

  /** Bytes held by typed-array columns, slack included (interned text not counted). */
  get columnBytes(): number {
    return this.#store.columnBytes;
  }

  /** Gives back growth slack, once a load is over. */
  trim(): void {
    this.#store.trim();
  }
}
