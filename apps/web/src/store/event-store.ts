/**
 * Every event of every loaded file, in columns. Fixed columns hold the System fields as
 * numbers or interned codes; EventData fields live in per-shape columns (shapes.ts) with one
 * value pool per field name. Rows are appended as workers post them and never move; views
 * (sorted, filtered) are index arrays over row numbers.
 */
import {
  SYSTEM_EXTRA_FIELDS,
  SYSTEM_EXTRA_NAMES,
  type EventRecord,
  type FieldValue,
} from '@evtxhunt/hunt';

import type { CompactRow } from '../protocol.js';
import { columnsOfRows, TextList, type RowColumns } from '../row-columns.js';
import {
  SYSTEM_COLUMNS,
  extraIndex,
  isExtraColumn,
  isSystemColumn,
  levelName,
  levelRank,
  systemLabel,
  type ColumnInfo,
  type SystemColumn,
} from './columns.js';
import type { DataFrame, RowKey } from './frame.js';
import { CodeArray, GrowableArray } from './growable.js';
import { ShapeTable, type Shape } from './shapes.js';
import { SystemExtrasColumn } from './system-extras.js';
import { TimeColumn } from './time-column.js';
import { textRanks, valueRanks } from './ranks.js';
import { NO_VALUE, ValuePool } from './value-pool.js';
import { NO_LEVEL } from '../row-columns.js';

/** Extra System fields the parser writes as numbers. */
const NUMBER_PROPERTIES: ReadonlySet<string> = new Set([
  'task',
  'opcode',
  'version',
  'qualifiers',
  'processId',
  'threadId',
]);
const CHUNK_SIZE = 0x10000;
const FILE_HEADER_BLOCK = 0x1000;

/** One EventData field name: its values and how many rows have it. */
interface DataField {
  readonly name: string;
  readonly pool: ValuePool;
  rows: number;
}

/** A column's values as codes: equal values share one, NO_VALUE means the row has none. */
export interface ValueCodes {
  code(row: number): number;
  /** The text a code stands for. */
  text(code: number): string | undefined;
}

/** A names list as field ids, and the shape of rows with those names. */
interface NamedShape {
  readonly fields: readonly number[];
  readonly shape: Shape;
}

/** Where a row's record lies, so a worker can read it again. */
export interface RecordLocation {
  readonly file: number;
  readonly chunk: number;
  readonly offset: number;
}

/** The events of every loaded file. */
export class EventStore implements DataFrame {
  readonly #fileNames: string[] = [];
  readonly #time = new TimeColumn();
  readonly #eventId = new CodeArray();
  readonly #level = new CodeArray();
  readonly #recordId = new GrowableArray(Float64Array);
  readonly #bigRecordIds = new Map<number, string>();
  readonly #file = new CodeArray();
  readonly #chunk = new CodeArray();
  readonly #offsetInChunk = new GrowableArray(Uint16Array);
  /** 1 for a recovered record (CompactRow.recovered), 0 for a live one: a byte a row. */
  readonly #recovered = new GrowableArray(Uint8Array);
  #recoveredRows = 0;
  readonly #text = {
    provider: new ValuePool(),
    channel: new ValuePool(),
    computer: new ValuePool(),
  };
  readonly #providerCode = new CodeArray();
  readonly #channelCode = new CodeArray();
  readonly #computerCode = new CodeArray();
  readonly #extras = new SystemExtrasColumn();
  readonly #fields: DataField[] = [];
  readonly #fieldIds = new Map<string, number>();
  readonly #shapes = new ShapeTable();
  readonly #shapeOf = new CodeArray();
  readonly #placeInShape = new CodeArray();
  /** Names lists seen in appended rows; weak, so a batch's lists go with the batch. */
  readonly #namedShapes = new WeakMap<readonly string[], NamedShape>();

  get rowCount(): number {
    return this.#time.length;
  }

  /** Registers a file; its rows are appended with the index returned. */
  addFile(name: string): number {
    this.#fileNames.push(name);
    return this.#fileNames.length - 1;
  }

  fileName(file: number): string | undefined {
    return this.#fileNames[file];
  }

  /** Every file's name, by index. */
  fileNames(): readonly string[] {
    return [...this.#fileNames];
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
    if (this.#fileNames[file] === undefined) throw new RangeError(`append: no file ${file}`);
    const inChunk = offsetsInChunk(file, columns);
    this.appendSystem(file, columns, inChunk);
    this.appendText(columns);
    this.appendData(columns);
  }

  private appendSystem(file: number, columns: RowColumns, inChunk: Uint16Array): void {
    const odd = new Map(columns.oddTimes);
    const oddIds = new Map(columns.oddRecordIds);
    for (let row = 0; row < columns.count; row++) {
      if (odd.has(row)) this.#time.pushIrregular(odd.get(row));
      else this.#time.pushParsed(at(columns.timeMs, row), at(columns.timeTicks, row));
      this.#eventId.push(at(columns.eventId, row));
      this.#level.push(at(columns.level, row));
      const big = oddIds.get(row);
      if (big !== undefined) this.#bigRecordIds.set(this.#recordId.length, big);
      this.#recordId.push(big === undefined ? at(columns.recordId, row) : Number.NaN);
      this.#file.push(file);
      this.#chunk.push(at(columns.chunk, row));
      this.#offsetInChunk.push(at(inChunk, row));
      this.#recovered.push(at(columns.recovered, row));
      this.#recoveredRows += at(columns.recovered, row);
    }
  }

  /** Provider, channel, computer and the rest of System, each batch text interned once. */
  private appendText({ texts, count, ...columns }: RowColumns): void {
    const pooled = [
      [this.#text.provider, columns.provider, this.#providerCode],
      [this.#text.channel, columns.channel, this.#channelCode],
      [this.#text.computer, columns.computer, this.#computerCode],
    ] as const;
    for (const [pool, indexes, codes] of pooled) {
      const known = new Uint32Array(texts.length);
      for (let row = 0; row < count; row++) {
        const index = at(indexes, row);
        let code = at(known, index);
        if (code === NO_VALUE) code = known[index] = pool.intern(texts[index] ?? '');
        codes.push(code);
      }
    }
    const combos = new Float64Array(texts.length).fill(-1);
    for (let row = 0; row < count; row++) {
      const index = at(columns.system, row);
      let combo = at(combos, index);
      if (combo < 0) combo = combos[index] = this.#extras.comboOf(texts[index] ?? '');
      this.#extras.pushCombo(combo);
    }
  }

  /** Event data: each (field, value) the batch lists interned once. */
  private appendData(columns: RowColumns): void {
    const known = new Uint32Array(columns.values.length);
    const codes: number[] = [];
    for (let row = 0; row < columns.count; row++) {
      const names = columns.shapes[at(columns.shape, row)] ?? [];
      const { fields, shape } = this.shapeOfNames(names);
      const from = at(columns.dataAt, row);
      codes.length = fields.length;
      for (let slot = 0; slot < fields.length; slot++) {
        const index = at(columns.data, from + slot);
        let code = at(known, index);
        if (code === NO_VALUE) code = known[index] = this.internData(fields[slot], columns, index);
        else this.countData(fields[slot]);
        codes[slot] = code;
      }
      this.#shapeOf.push(shape.id);
      this.#placeInShape.push(shape.add(codes));
    }
  }

  /**
   * The field ids and shape of a names list. Rows of one kind in a worker's batch share one
   * list (row-batch.ts), so each list is looked up once, not once per row.
   */
  private shapeOfNames(names: readonly string[]): NamedShape {
    let known = this.#namedShapes.get(names);
    if (known === undefined) {
      const fields = names.map((name) => this.fieldId(name));
      known = { fields, shape: this.#shapes.shapeFor(fields) };
      this.#namedShapes.set(names, known);
    }
    return known;
  }

  private fieldId(name: string): number {
    let id = this.#fieldIds.get(name);
    if (id === undefined) {
      id = this.#fields.length;
      this.#fields.push({ name, pool: new ValuePool(), rows: 0 });
      this.#fieldIds.set(name, id);
    }
    return id;
  }

  private internData(field: number | undefined, columns: RowColumns, index: number): number {
    const entry = this.#fields[field ?? -1];
    const value = columns.values[index];
    if (entry === undefined || value === undefined) return NO_VALUE;
    entry.rows++;
    return entry.pool.intern(value);
  }

  private countData(field: number | undefined): void {
    const entry = this.#fields[field ?? -1];
    if (entry !== undefined) entry.rows++;
  }

  /** Where row `row`'s record lies in its file. */
  location(row: number): RecordLocation {
    this.checkRow(row);
    const chunk = this.#chunk.get(row);
    const offset = FILE_HEADER_BLOCK + chunk * CHUNK_SIZE + this.#offsetInChunk.get(row);
    return { file: this.#file.get(row), chunk, offset };
  }

  /**
   * True when row `row`'s record was recovered: found by its signature, with no chunk header
   * vouching for it, so it may be stale or cleared data rather than part of the live log.
   */
  recovered(row: number): boolean {
    return row >= 0 && this.#recovered.get(row) === 1;
  }

  /** How many rows hold recovered records. */
  get recoveredCount(): number {
    return this.#recoveredRows;
  }

  /** The file index of row `row`. */
  fileOf(row: number): number {
    return this.#file.get(row);
  }

  /** Milliseconds since 1970 of the event's TimeCreated; NaN when it has none. */
  timeMs(row: number): number {
    return this.#time.ms(row);
  }

  columns(): readonly ColumnInfo[] {
    const system = SYSTEM_COLUMNS.map((key) => this.systemColumn(key)).filter((c) => c.rows > 0);
    const data = this.#fields
      .filter((field) => !isSystemColumn(field.name))
      .map((field) => dataColumn(field))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return [...system, ...data];
  }

  private systemColumn(key: SystemColumn): ColumnInfo {
    const extra = extraIndex(key);
    const label = systemLabel(key);
    if (extra < 0) {
      const numeric = key === 'recordId' || key === 'eventId';
      return { key, label, system: true, numeric, rows: this.rowCount };
    }
    const numeric = this.#extras.pool(extra).numeric;
    return { key, label, system: true, numeric, rows: this.#extras.rowsWith(extra) };
  }

  cell(row: number, key: string): string | undefined {
    if (row < 0 || row >= this.rowCount) return undefined;
    if (isSystemColumn(key)) return this.systemText(row, key);

    const field = this.#fieldIds.get(key);
    if (field === undefined) return undefined;
    return this.#fields[field]?.pool.text(this.dataCode(row, field));
  }

  private systemText(row: number, key: SystemColumn): string | undefined {
    if (isExtraColumn(key)) return this.#extras.text(row, extraIndex(key));
    switch (key) {
      case 'timeCreated':
        return this.#time.text(row);
      case 'file':
        return this.#fileNames[this.#file.get(row)];
      case 'recordId':
        return this.recordIdText(row);
      case 'eventId':
        return String(this.#eventId.get(row));
      case 'level':
        return this.levelText(row);
      default:
        return this.#text[key].text(this.pooledCode(row, key));
    }
  }

  private recordIdText(row: number): string {
    return this.#bigRecordIds.get(row) ?? String(this.#recordId.get(row));
  }

  private levelText(row: number): string | undefined {
    const level = this.#level.get(row);
    return level === NO_LEVEL ? undefined : levelName(level);
  }

  private pooledCode(row: number, key: 'provider' | 'channel' | 'computer'): number {
    if (key === 'provider') return this.#providerCode.get(row);
    if (key === 'channel') return this.#channelCode.get(row);
    return this.#computerCode.get(row);
  }

  /** The value code of data field `field` in `row`, NO_VALUE when the row lacks it. */
  private dataCode(row: number, field: number): number {
    const shape = this.#shapes.get(this.#shapeOf.get(row));
    if (shape === undefined) return NO_VALUE;
    const slot = shape.slotOf(field);
    return slot < 0 ? NO_VALUE : shape.code(slot, this.#placeInShape.get(row));
  }

  orderKey(key: string): RowKey | undefined {
    if (isSystemColumn(key)) return this.systemKey(key);

    const field = this.#fieldIds.get(key);
    const entry = field === undefined ? undefined : this.#fields[field];
    if (field === undefined || entry === undefined) return undefined;
    const ranks = valueRanks(entry.pool);
    const slots = this.#shapes.all().map((shape) => shape.slotOf(field));
    return { value: (row) => this.rankOf(row, slots, ranks) };
  }

  private rankOf(row: number, slots: readonly number[], ranks: Float64Array): number {
    const shape = this.#shapeOf.get(row);
    const slot = slots[shape] ?? -1;
    if (slot < 0) return Number.NaN;
    const code = this.#shapes.get(shape)?.code(slot, this.#placeInShape.get(row)) ?? NO_VALUE;
    return ranks[code] ?? Number.NaN;
  }

  private systemKey(key: SystemColumn): RowKey {
    if (isExtraColumn(key)) {
      const extra = extraIndex(key);
      const ranks = valueRanks(this.#extras.pool(extra));
      return { value: (row) => ranks[this.#extras.code(row, extra)] ?? Number.NaN };
    }
    switch (key) {
      case 'timeCreated':
        return { value: (row) => this.#time.ms(row), tie: (row) => this.#time.ticks(row) };
      case 'recordId':
        return { value: (row) => this.#recordId.get(row) };
      case 'eventId':
        return { value: (row) => this.#eventId.get(row) };
      case 'level':
        return { value: (row) => this.levelKey(row) };
      case 'file': {
        const ranks = textRanks(this.#fileNames);
        return { value: (row) => ranks[this.#file.get(row)] ?? Number.NaN };
      }
      default: {
        const ranks = valueRanks(this.#text[key]);
        return { value: (row) => ranks[this.pooledCode(row, key)] ?? Number.NaN };
      }
    }
  }

  private levelKey(row: number): number {
    const level = this.#level.get(row);
    return level === NO_LEVEL ? Number.NaN : levelRank(level);
  }

  /** The event's Level as Windows wrote it, undefined when it has none. */
  level(row: number): number | undefined {
    const level = this.#level.get(row);
    return level === NO_LEVEL || row < 0 || row >= this.rowCount ? undefined : level;
  }

  /** Every event data field name seen, in the order first seen. */
  dataFieldNames(): readonly string[] {
    return this.#fields.map((field) => field.name);
  }

  /** How many event data field names have been seen; grows as files load. */
  get dataFieldCount(): number {
    return this.#fields.length;
  }

  /**
   * A reader of data field `name` (exact spelling): the row's value, a list when the field
   * repeats, undefined when the row lacks it. Undefined for a name no event has.
   */
  dataReader(name: string): ((row: number) => FieldValue | undefined) | undefined {
    const field = this.#fieldIds.get(name);
    const pool = field === undefined ? undefined : this.#fields[field]?.pool;
    if (field === undefined || pool === undefined) return undefined;

    const codeOf = this.dataCodeReader(field);
    return (row) => pool.value(codeOf(row));
  }

  /**
   * Visits the row's event data as (field id, value code) pairs, in document order, until
   * `visit` returns true; returns whether it did. Read a value with dataValueOf.
   */
  someDataCode(row: number, visit: (field: number, code: number) => boolean): boolean {
    const shape = this.#shapes.get(this.#shapeOf.get(row));
    if (shape === undefined) return false;

    const place = this.#placeInShape.get(row);
    const fields = shape.fields;
    for (let slot = 0; slot < fields.length; slot++) {
      const code = shape.code(slot, place);
      if (code !== NO_VALUE && visit(fields[slot] ?? -1, code)) return true;
    }
    return false;
  }

  /** The value behind `code` in data field `field` (ids as someDataCode gives them). */
  dataValueOf(field: number, code: number): FieldValue | undefined {
    return this.#fields[field]?.pool.value(code);
  }

  /**
   * Column `key` as value codes, for counting values without reading text: equal values share
   * a code, NO_VALUE (0) is "no value", and Level 0 shares the code of 4 (both Information).
   * Undefined for an unknown column and for those whose values are all distinct (time, record).
   */
  valueCodes(key: string): ValueCodes | undefined {
    if (isSystemColumn(key)) return this.systemCodes(key);

    const field = this.#fieldIds.get(key);
    const pool = field === undefined ? undefined : this.#fields[field]?.pool;
    if (field === undefined || pool === undefined) return undefined;
    return { code: this.dataCodeReader(field), text: (code) => pool.text(code) };
  }

  private systemCodes(key: SystemColumn): ValueCodes | undefined {
    if (isExtraColumn(key)) {
      const extra = extraIndex(key);
      const pool = this.#extras.pool(extra);
      return { code: (row) => this.#extras.code(row, extra), text: (code) => pool.text(code) };
    }
    switch (key) {
      case 'timeCreated':
      case 'recordId':
        return undefined;
      case 'eventId':
        return { code: (row) => this.#eventId.get(row) + 1, text: (code) => String(code - 1) };
      case 'level':
        return { code: (row) => this.levelCode(row), text: (code) => levelName(code - 1) };
      case 'file':
        return { code: (row) => this.#file.get(row) + 1, text: (code) => this.fileName(code - 1) };
      default: {
        const pool = this.#text[key];
        return { code: (row) => this.pooledCode(row, key), text: (code) => pool.text(code) };
      }
    }
  }

  private levelCode(row: number): number {
    const level = this.#level.get(row);
    return level === NO_LEVEL ? NO_VALUE : (level === 0 ? 4 : level) + 1;
  }

  /** Reads data field `field`'s code per row, finding its slot in each shape once. */
  private dataCodeReader(field: number): (row: number) => number {
    let slots: number[] = [];
    return (row) => {
      const shapeId = this.#shapeOf.get(row);
      if (shapeId >= slots.length) slots = this.#shapes.all().map((s) => s.slotOf(field));
      const slot = slots[shapeId] ?? -1;
      const shape = slot < 0 ? undefined : this.#shapes.get(shapeId);
      return shape === undefined ? NO_VALUE : shape.code(slot, this.#placeInShape.get(row));
    };
  }

  /**
   * Rows `start` to `end` as RowColumns, the way the hunt worker takes them, and the file
   * names the rows' `files` codes index. Each text and value the rows share is listed once.
   */
  rowColumns(start: number, end: number): { columns: RowColumns; files: Uint32Array } {
    if (start !== end) this.checkRow(start);
    if (end !== start) this.checkRow(end - 1);
    const count = end - start;
    const texts = new TextList();
    const textOf = (pool: ValuePool, code: number) => texts.id(pool.text(code) ?? '');
    const system = texts.id('');
    const oddTimes: [number, string | undefined][] = [];
    const oddRecordIds: [number, string][] = [];
    const columns = {
      timeMs: this.#time.view(start, end, oddTimes),
      timeTicks: this.#time.ticksView(start, end),
      eventId: new Uint32Array(this.#eventId.view().subarray(start, end)),
      level: new Uint16Array(this.#level.view().subarray(start, end)),
      recordId: this.#recordId.view().slice(start, end),
      chunk: new Uint32Array(this.#chunk.view().subarray(start, end)),
      offset: new Float64Array(count),
      recovered: this.#recovered.view().slice(start, end),
      provider: new Uint32Array(count),
      channel: new Uint32Array(count),
      computer: new Uint32Array(count),
      system: new Uint32Array(count).fill(system),
    };
    for (let row = start; row < end; row++) {
      const i = row - start;
      const big = this.#bigRecordIds.get(row);
      if (big !== undefined) oddRecordIds.push([i, big]);
      const chunk = this.#chunk.get(row);
      columns.offset[i] = FILE_HEADER_BLOCK + chunk * CHUNK_SIZE + this.#offsetInChunk.get(row);
      columns.provider[i] = textOf(this.#text.provider, this.#providerCode.get(row));
      columns.channel[i] = textOf(this.#text.channel, this.#channelCode.get(row));
      columns.computer[i] = textOf(this.#text.computer, this.#computerCode.get(row));
    }
    const data = this.dataColumns(start, end);
    const files = new Uint32Array(this.#file.view().subarray(start, end));
    const rows = { count, texts: texts.items, oddTimes, oddRecordIds, ...columns, ...data };
    return { columns: rows, files };
  }

  /** The data of rows `start` to `end` as RowColumns hold it. */
  private dataColumns(start: number, end: number) {
    const shapes: (readonly string[])[] = [];
    const shapeIds = new Map<number, number>();
    const values: FieldValue[] = [];
    const valueIds = this.#fields.map(() => new Map<number, number>());
    const shape = new Uint32Array(end - start);
    const dataAt = new Uint32Array(end - start + 1);
    const data: number[] = [];
    for (let row = start; row < end; row++) {
      const id = this.#shapeOf.get(row);
      let local = shapeIds.get(id);
      if (local === undefined) {
        local = shapes.length;
        const fields = this.#shapes.get(id)?.fields ?? [];
        shapes.push(fields.map((field) => this.#fields[field]?.name ?? ''));
        shapeIds.set(id, local);
      }
      shape[row - start] = local;
      dataAt[row - start] = data.length;
      const stored = this.#shapes.get(id);
      const place = this.#placeInShape.get(row);
      stored?.fields.forEach((field, slot) => {
        // Every stored value has a code; NO_VALUE would read as the empty value.
        const code = stored.code(slot, place);
        let index = valueIds[field]?.get(code);
        if (index === undefined) {
          index = values.length;
          values.push(this.dataValueOf(field, code) ?? '');
          valueIds[field]?.set(code, index);
        }
        data.push(index);
      });
    }
    dataAt[end - start] = data.length;
    return { shapes, values, shape, dataAt, data: Uint32Array.from(data) };
  }

  /** Row `row` as the hunt engine's record, so the engine can run over the store. */
  record(row: number): EventRecord {
    this.checkRow(row);
    const record = {
      file: this.#fileNames[this.#file.get(row)] ?? '',
      recordId: this.recordIdText(row),
      timeCreated: this.#time.text(row),
      eventId: this.#eventId.get(row),
      provider: this.#text.provider.text(this.#providerCode.get(row)) ?? '',
      channel: this.#text.channel.text(this.#channelCode.get(row)) ?? '',
      computer: this.#text.computer.text(this.#computerCode.get(row)) ?? '',
      data: this.dataOf(row),
    };
    // As the parser's records: the engine's evidence then says it rests on a recovered one.
    return this.recovered(row) ? { ...record, recovered: true } : record;
  }

  private dataOf(row: number): Record<string, FieldValue> {
    const shape: Shape | undefined = this.#shapes.get(this.#shapeOf.get(row));
    const data: Record<string, FieldValue> = {};
    const place = this.#placeInShape.get(row);
    shape?.fields.forEach((field, slot) => {
      const entry = this.#fields[field];
      const value = entry?.pool.value(shape.code(slot, place));
      // defineProperty, not assignment: a field an attacker names `__proto__` stays a field.
      if (entry !== undefined && value !== undefined) {
        Object.defineProperty(data, entry.name, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    });
    return data;
  }

  /**
   * The rest of System in row `row`, under the parser's JSON names (`task`, `processId`, ...)
   * with numbers as numbers, as `evtxhunt dump` writes them; only the fields the event has.
   */
  systemExtras(row: number): Record<string, string | number> {
    this.checkRow(row);
    const extras: Record<string, string | number> = {};
    SYSTEM_EXTRA_NAMES.forEach((name, extra) => {
      const text = this.#extras.text(row, extra);
      if (text === undefined) return;
      const property = SYSTEM_EXTRA_FIELDS[name];
      extras[property] = NUMBER_PROPERTIES.has(property) ? Number(text) : text;
    });
    return extras;
  }

  private checkRow(row: number): void {
    if (!Number.isInteger(row) || row < 0 || row >= this.rowCount) {
      throw new RangeError(`row ${row} is not in the store (0-${this.rowCount - 1})`);
    }
  }

  /** Bytes held by typed-array columns, slack included (interned text not counted). */
  get columnBytes(): number {
    const arrays = [this.#eventId, this.#level, this.#recordId, this.#file, this.#chunk];
    const more = [this.#offsetInChunk, this.#providerCode, this.#channelCode, this.#computerCode];
    const fixed = [...arrays, ...more, this.#recovered, this.#shapeOf, this.#placeInShape];
    const shapes = this.#shapes.all().reduce((sum, shape) => sum + shape.byteLength, 0);
    const other = this.#time.byteLength + this.#extras.byteLength + shapes;
    return fixed.reduce((sum, array) => sum + array.byteLength, other);
  }

  /** Gives back growth slack, once a load is over. */
  trim(): void {
    const arrays = [this.#eventId, this.#level, this.#recordId, this.#file, this.#chunk];
    const more = [this.#offsetInChunk, this.#providerCode, this.#channelCode, this.#computerCode];
    const rest = [this.#recovered, this.#shapeOf, this.#placeInShape];
    for (const array of [...arrays, ...more, ...rest]) array.trim();
    this.#time.trim();
    this.#extras.trim();
    for (const shape of this.#shapes.all()) shape.trim();
  }
}

function dataColumn(field: DataField): ColumnInfo {
  return {
    key: field.name,
    label: field.name,
    system: false,
    numeric: field.pool.numeric,
    rows: field.rows,
  };
}

/**
 * Each record's offset inside its chunk slot; throws, before anything is stored, when one is
 * outside it.
 */
function offsetsInChunk(file: number, columns: RowColumns): Uint16Array {
  const inChunk = new Uint16Array(columns.count);
  for (let row = 0; row < columns.count; row++) {
    const chunk = at(columns.chunk, row);
    const offset = at(columns.offset, row);
    const within = offset - FILE_HEADER_BLOCK - chunk * CHUNK_SIZE;
    if (within >= 0 && within < CHUNK_SIZE) {
      inChunk[row] = within;
      continue;
    }
    const recordId = columns.oddRecordIds.find(([odd]) => odd === row)?.[1];
    const where = `offset ${offset} is not in chunk ${chunk}`;
    const record = recordId ?? String(at(columns.recordId, row));
    throw new RangeError(`append: record ${record} of file ${file}: ${where}`);
  }
  return inChunk;
}

/** Entry `index` of a column checked by checkColumns (or made by the store's own writer). */
function at(array: ArrayLike<number>, index: number): number {
  return array[index] ?? 0;
}
