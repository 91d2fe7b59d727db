/**
 * The hunt worker's records, made from the columns the page sends (store.rowColumns): one
 * object a row, made here where the engine reads it, never on the page. Each record is the
 * engine's FieldSourceRecord, so only the data fields the engine reads of its kind of event
 * are made into a data object.
 */
import {
  LazyFieldRecord,
  type FieldNames,
  type FieldSourceRecord,
  type FieldValue,
  type SystemFacts,
} from '@evtxhunt/hunt';

import type { RowColumns } from '../row-columns.js';
import { TimeText } from '../store/time-column.js';

/** Store rows for the hunt: their columns, and the file each row came from. */
export interface HuntBatch {
  readonly rows: RowColumns;
  /** Per row, an index into `fileNames`. */
  readonly files: Uint32Array;
  readonly fileNames: readonly string[];
}

/** The records of `batch`, in row order. */
export function* batchRecords(batch: HuntBatch): Generator<FieldSourceRecord> {
  const reader = new BatchReader(batch.rows);
  const times = new TimeText();
  const oddTimes = new Map(batch.rows.oddTimes);
  const oddIds = new Map(batch.rows.oddRecordIds);
  const { rows } = batch;
  for (let row = 0; row < rows.count; row++) {
    const ms = rows.timeMs[row] ?? Number.NaN;
    const time = oddTimes.has(row) ? oddTimes.get(row) : times.text(ms, rows.timeTicks[row] ?? 0);
    const file = batch.fileNames[batch.files[row] ?? -1] ?? '';
    yield new BatchRecord(reader, row, file, rows.recovered[row] === 1, {
      recordId: oddIds.get(row) ?? String(rows.recordId[row]),
      timeCreated: time,
      eventId: rows.eventId[row] ?? 0,
      provider: reader.text(rows.provider[row]),
      channel: reader.text(rows.channel[row]),
      computer: reader.text(rows.computer[row]),
    });
  }
}

/** Reads texts and data fields out of one batch; keeps one compiled pick per shape and names. */
class BatchReader {
  readonly #picks: Map<FieldNames, Int32Array>[];

  constructor(readonly rows: RowColumns) {
    this.#picks = rows.shapes.map(() => new Map());
  }

  text(index: number | undefined): string {
    return this.rows.texts[index ?? -1] ?? '';
  }

  /** The fields of `names` that row `row` has, as a data object. */
  fields(row: number, names: FieldNames): Record<string, FieldValue> {
    const data: Record<string, FieldValue> = {};
    const { shape, dataAt, values } = this.rows;
    const slots = this.pick(shape[row] ?? -1, names);
    const at = dataAt[row] ?? 0;
    slots.forEach((slot, i) => {
      const value = slot < 0 ? undefined : values[this.rows.data[at + slot] ?? -1];
      // defineProperty, not assignment: a field an attacker names `__proto__` stays a field.
      if (value !== undefined) {
        Object.defineProperty(data, names[i] as string, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    });
    return data;
  }

  /** Every data value of row `row`, in its shape's order (a repeated name's values each). */
  values(row: number): string[] {
    const { shape, dataAt, values, data, shapes } = this.rows;
    const count = shapes[shape[row] ?? -1]?.length ?? 0;
    const at = dataAt[row] ?? 0;
    const found: string[] = [];
    for (let slot = 0; slot < count; slot++) {
      const value = values[data[at + slot] ?? -1];
      if (typeof value === 'string') found.push(value);
      else if (value !== undefined) found.push(...value);
    }
    return found;
  }

  /** Where each of `names` sits in shape `shape`, -1 where it lacks it. */
  private pick(shape: number, names: FieldNames): Int32Array {
    const picks = this.#picks[shape];
    let slots = picks?.get(names);
    if (slots === undefined) {
      const shapeNames = this.rows.shapes[shape] ?? [];
      slots = Int32Array.from(names, (name) => shapeNames.indexOf(name));
      picks?.set(names, slots);
    }
    return slots;
  }
}

/** One row: its facts now, its data once the engine names the fields it reads. */
class BatchRecord extends LazyFieldRecord {
  readonly #reader: BatchReader;
  readonly #row: number;

  constructor(
    reader: BatchReader,
    row: number,
    file: string,
    recovered: boolean,
    facts: SystemFacts,
  ) {
    super(file, facts, recovered);
    this.#reader = reader;
    this.#row = row;
  }

  protected readFields(names: FieldNames): Readonly<Record<string, FieldValue>> {
    return this.#reader.fields(this.#row, names);
  }

  dataValues(): readonly string[] {
    return this.#reader.values(this.#row);
  }
}
