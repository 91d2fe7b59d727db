/**
 * Rows as columns: how events cross between threads (parse worker to page, page to hunt
 * worker) without one object per row. Numbers travel in typed arrays, which are moved, not
 * copied; a text that repeats from row to row (provider, channel, computer, the rest of
 * System, a field-name list, a data value) is listed once per batch and rows hold its index.
 * The receiver interns each listed text once, not once per row, and builds no row object.
 */
import type { FieldValue } from '@evtxhunt/hunt';

import type { CompactRow } from './protocol.js';
import { parseIso7 } from './store/time-column.js';

/** A row's Level when the event has none. */
export const NO_LEVEL = 0xffff;

/** A batch of rows, column by column; every typed array holds one entry a row (`count`). */
export interface RowColumns {
  readonly count: number;
  /** Provider, channel, computer and System texts; the `provider` ... `system` columns index it. */
  readonly texts: readonly string[];
  /** Field-name lists in document order; the `shape` column indexes it. */
  readonly shapes: readonly (readonly string[])[];
  /** Data values, each listed once per field name it stands under; `data` indexes it. */
  readonly values: readonly FieldValue[];
  /** TimeCreated as milliseconds since 1970 and the 100-ns ticks past them (0-9999). */
  readonly timeMs: Float64Array;
  readonly timeTicks: Uint16Array;
  /** Rows whose TimeCreated is absent or not seven-digit ISO text: [row, the text]. */
  readonly oddTimes: readonly (readonly [number, string | undefined])[];
  readonly eventId: Uint32Array;
  /** NO_LEVEL when the event has no Level. */
  readonly level: Uint16Array;
  /** EventRecordID; NaN where it is past 2^53 and in `oddRecordIds` instead. */
  readonly recordId: Float64Array;
  readonly oddRecordIds: readonly (readonly [number, string])[];
  /** The 64 KiB chunk slot that holds the record, and the record's offset in the file. */
  readonly chunk: Uint32Array;
  readonly offset: Float64Array;
  /** 1 for a recovered record (CompactRow.recovered). */
  readonly recovered: Uint8Array;
  readonly provider: Uint32Array;
  readonly channel: Uint32Array;
  readonly computer: Uint32Array;
  /** The rest of System as store/system-extras writes it. */
  readonly system: Uint32Array;
  readonly shape: Uint32Array;
  /** Where each row's value indexes start in `data`, and (last entry) where the last ends. */
  readonly dataAt: Uint32Array;
  /** Per row, one index into `values` per name of its shape. */
  readonly data: Uint32Array;
}

/** A row's System facts as a writer takes them (a CompactRow without its data). */
export type RowFacts = Omit<CompactRow, 'names' | 'values'>;

/** A typed array filled from the start, its used part taken at the end. */
class Column<A extends Float64Array | Uint32Array | Uint16Array | Uint8Array> {
  #data: A;
  length = 0;

  constructor(private readonly make: (length: number) => A) {
    this.#data = make(256);
  }

  push(value: number): void {
    if (this.length === this.#data.length) {
      const next = this.make(this.length * 2);
      next.set(this.#data);
      this.#data = next;
    }
    this.#data[this.length++] = value;
  }

  /** The values pushed, in an array of their own. */
  done(): A {
    return this.#data.slice(0, this.length) as A;
  }
}

/** Numbers texts as they first appear. */
export class TextList {
  readonly #ids = new Map<string, number>();
  readonly items: string[] = [];

  id(text: string): number {
    let id = this.#ids.get(text);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(text);
      this.#ids.set(text, id);
    }
    return id;
  }
}

/** Builds one batch of RowColumns, row after row; `done()` hands it out. */
export class RowColumnsWriter {
  readonly #texts = new TextList();
  readonly #shapes: (readonly string[])[] = [];
  readonly #shapeIds = new Map<string, number>();
  readonly #values: FieldValue[] = [];
  /** Per field name, its values' indexes: strings by text, lists by their JSON. */
  readonly #valueIds = new Map<
    string,
    { single: Map<string, number>; list: Map<string, number> }
  >();
  readonly #oddTimes: [number, string | undefined][] = [];
  readonly #oddRecordIds: [number, string][] = [];
  readonly #timeMs = new Column((n) => new Float64Array(n));
  readonly #timeTicks = new Column((n) => new Uint16Array(n));
  readonly #eventId = new Column((n) => new Uint32Array(n));
  readonly #level = new Column((n) => new Uint16Array(n));
  readonly #recordId = new Column((n) => new Float64Array(n));
  readonly #chunk = new Column((n) => new Uint32Array(n));
  readonly #offset = new Column((n) => new Float64Array(n));
  readonly #recovered = new Column((n) => new Uint8Array(n));
  readonly #provider = new Column((n) => new Uint32Array(n));
  readonly #channel = new Column((n) => new Uint32Array(n));
  readonly #computer = new Column((n) => new Uint32Array(n));
  readonly #system = new Column((n) => new Uint32Array(n));
  readonly #shape = new Column((n) => new Uint32Array(n));
  readonly #dataAt = new Column((n) => new Uint32Array(n));
  readonly #data = new Column((n) => new Uint32Array(n));

  /** Rows written so far. */
  get count(): number {
    return this.#eventId.length;
  }

  /** Adds a row given as an object. */
  addRow(row: CompactRow): void {
    this.addFacts(row);
    this.addData(row.names, (i) => row.values[i]);
  }

  /** Adds a row from its facts and its data fields by name, in document order. */
  add(facts: RowFacts, data: Readonly<Record<string, FieldValue>>): void {
    this.addFacts(facts);
    const names = Object.keys(data);
    this.addData(names, (i) => data[names[i] as string]);
  }

  /** Adds a row's System facts; its data must follow (addData) before the next row. */
  addFacts(row: RowFacts): void {
    const at = this.count;
    this.pushTime(at, row.time);
    this.#eventId.push(row.eventId);
    this.#level.push(row.level ?? NO_LEVEL);
    this.pushRecordId(at, row.recordId);
    this.#chunk.push(row.chunk);
    this.#offset.push(row.offset);
    this.#recovered.push(row.recovered === true ? 1 : 0);
    this.#provider.push(this.#texts.id(row.provider));
    this.#channel.push(this.#texts.id(row.channel));
    this.#computer.push(this.#texts.id(row.computer));
    this.#system.push(this.#texts.id(row.system));
  }

  /** Adds the data of the row whose facts came last: `names`, with `value(i)` beside each. */
  addData(names: readonly string[], value: (i: number) => FieldValue | undefined): void {
    this.#shape.push(this.shapeId(names));
    this.#dataAt.push(this.#data.length);
    for (let i = 0; i < names.length; i++) {
      this.#data.push(this.valueId(names[i] as string, value(i) ?? ''));
    }
  }

  /** The batch of every row added. */
  done(): RowColumns {
    const dataAt = this.#dataAt;
    dataAt.push(this.#data.length);
    return {
      count: this.count,
      texts: this.#texts.items,
      shapes: this.#shapes,
      values: this.#values,
      timeMs: this.#timeMs.done(),
      timeTicks: this.#timeTicks.done(),
      oddTimes: this.#oddTimes,
      eventId: this.#eventId.done(),
      level: this.#level.done(),
      recordId: this.#recordId.done(),
      oddRecordIds: this.#oddRecordIds,
      chunk: this.#chunk.done(),
      offset: this.#offset.done(),
      recovered: this.#recovered.done(),
      provider: this.#provider.done(),
      channel: this.#channel.done(),
      computer: this.#computer.done(),
      system: this.#system.done(),
      shape: this.#shape.done(),
      dataAt: dataAt.done(),
      data: this.#data.done(),
    };
  }

  private pushTime(row: number, text: string | undefined): void {
    const parsed = text === undefined ? undefined : parseIso7(text);
    this.#timeMs.push(parsed?.ms ?? Number.NaN);
    this.#timeTicks.push(parsed?.ticks ?? 0);
    if (parsed === undefined) this.#oddTimes.push([row, text]);
  }

  private pushRecordId(row: number, text: string): void {
    const value = Number(text);
    const exact = Number.isSafeInteger(value) && String(value) === text;
    this.#recordId.push(exact ? value : Number.NaN);
    if (!exact) this.#oddRecordIds.push([row, text]);
  }

  private shapeId(names: readonly string[]): number {
    // A name holds no NUL (the parser reads names as text up to their length), so NUL joins.
    const key = names.join('\u0000');
    let id = this.#shapeIds.get(key);
    if (id === undefined) {
      id = this.#shapes.length;
      this.#shapes.push([...names]);
      this.#shapeIds.set(key, id);
    }
    return id;
  }

  private valueId(name: string, value: FieldValue): number {
    let ids = this.#valueIds.get(name);
    if (ids === undefined) {
      ids = { single: new Map(), list: new Map() };
      this.#valueIds.set(name, ids);
    }
    const isList = typeof value !== 'string';
    const key = isList ? JSON.stringify(value) : value;
    const map = isList ? ids.list : ids.single;
    let id = map.get(key);
    if (id === undefined) {
      id = this.#values.length;
      this.#values.push(isList ? [...value] : value);
      map.set(key, id);
    }
    return id;
  }
}

/** The batch holding `rows`. */
export function columnsOfRows(rows: readonly CompactRow[]): RowColumns {
  const writer = new RowColumnsWriter();
  for (const row of rows) writer.addRow(row);
  return writer.done();
}

/** The buffers of `columns`' typed arrays, to move rather than copy them in a postMessage. */
export function columnBuffers(columns: RowColumns): ArrayBuffer[] {
  const arrays = [columns.timeMs, columns.timeTicks, columns.eventId, columns.level];
  const more = [columns.recordId, columns.chunk, columns.offset, columns.recovered];
  const codes = [columns.provider, columns.channel, columns.computer, columns.system];
  const data = [columns.shape, columns.dataAt, columns.data];
  const buffers = new Set<ArrayBuffer>();
  for (const array of [...arrays, ...more, ...codes, ...data]) {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}
