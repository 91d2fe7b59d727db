/**
 * Batch in: the columnar batches parse workers post (RowColumns, row-columns.ts), appended to
 * the store's columns. Each text and value a batch lists is interned once, whatever number of
 * rows hold it, and nothing is stored before the whole batch has been checked.
 */
import type { RowColumns } from '../row-columns.js';
import type { Shape } from './shapes.js';
import { CHUNK_SIZE, FILE_HEADER_BLOCK, type StoreColumns } from './store-columns.js';
import { NO_VALUE, ValuePool } from './value-pool.js';

/** A names list as field ids, and the shape of rows with those names. */
interface NamedShape {
  readonly fields: readonly number[];
  readonly shape: Shape;
}

/** Appends workers' batches to one store's columns. */
export class BatchIn {
  readonly #store: StoreColumns;
  /** Names lists seen in appended rows; weak, so a batch's lists go with the batch. */
  readonly #namedShapes = new WeakMap<readonly string[], NamedShape>();

  constructor(store: StoreColumns) {
    this.#store = store;
  }

  /**
   * Appends a batch of rows a worker posted for `file`. Throws a RangeError, before anything
   * is stored, for an unknown file or a record outside its chunk slot.
   */
  append(file: number, columns: RowColumns): void {
    if (this.#store.fileNames[file] === undefined) throw new RangeError(`append: no file ${file}`);
    const inChunk = offsetsInChunk(file, columns);
    this.appendSystem(file, columns, inChunk);
    this.appendText(columns);
    this.appendData(columns);
  }

  private appendSystem(file: number, columns: RowColumns, inChunk: Uint16Array): void {
    const store = this.#store;
    const odd = new Map(columns.oddTimes);
    const oddIds = new Map(columns.oddRecordIds);
    for (let row = 0; row < columns.count; row++) {
      if (odd.has(row)) store.time.pushIrregular(odd.get(row));
      else store.time.pushParsed(at(columns.timeMs, row), at(columns.timeTicks, row));
      store.eventId.push(at(columns.eventId, row));
      store.level.push(at(columns.level, row));
      const big = oddIds.get(row);
      if (big !== undefined) store.bigRecordIds.set(store.recordId.length, big);
      store.recordId.push(big === undefined ? at(columns.recordId, row) : Number.NaN);
      store.file.push(file);
      store.chunk.push(at(columns.chunk, row));
      store.offsetInChunk.push(at(inChunk, row));
      store.recovered.push(at(columns.recovered, row));
      store.recoveredRows += at(columns.recovered, row);
    }
  }

  /** Provider, channel, computer and the rest of System, each batch text interned once. */
  private appendText({ texts, count, ...columns }: RowColumns): void {
    const store = this.#store;
    const pooled = [
      [store.text.provider, columns.provider, store.providerCode],
      [store.text.channel, columns.channel, store.channelCode],
      [store.text.computer, columns.computer, store.computerCode],
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
      if (combo < 0) combo = combos[index] = store.extras.comboOf(texts[index] ?? '');
      store.extras.pushCombo(combo);
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
      this.#store.shapeOf.push(shape.id);
      this.#store.placeInShape.push(shape.add(codes));
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
      known = { fields, shape: this.#store.shapes.shapeFor(fields) };
      this.#namedShapes.set(names, known);
    }
    return known;
  }

  private fieldId(name: string): number {
    const store = this.#store;
    let id = store.fieldIds.get(name);
    if (id === undefined) {
      id = store.fields.length;
      store.fields.push({ name, pool: new ValuePool(), rows: 0 });
      store.fieldIds.set(name, id);
    }
    return id;
  }

  private internData(field: number | undefined, columns: RowColumns, index: number): number {
    const entry = this.#store.fields[field ?? -1];
    const value = columns.values[index];
    if (entry === undefined || value === undefined) return NO_VALUE;
    entry.rows++;
    return entry.pool.intern(value);
  }

  private countData(field: number | undefined): void {
    const entry = this.#store.fields[field ?? -1];
    if (entry !== undefined) entry.rows++;
  }
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
