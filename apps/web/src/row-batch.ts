/**
 * Rows as they cross from a parse worker to the page. Provider, channel, computer and the rest
 * of System repeat in almost every row, and a row's field names repeat in every row of its kind,
 * so a batch lists each such text once and its rows refer to them by index. On a generated
 * Sysmon log a batch of 2,000 rows serializes to about 450 bytes a row instead of 790, and the
 * page makes one field-name list per kind of event instead of one per row.
 */
import type { CompactRow, RowBatch, WireRow } from './protocol.js';

/** Numbers texts and field-name lists as they first appear. */
class Numbering<T> {
  readonly #ids = new Map<string, number>();
  readonly items: T[] = [];

  id(key: string, item: T): number {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(item);
      this.#ids.set(key, id);
    }
    return id;
  }
}

/** What a recovered row carries besides a live row's fields. */
const RECOVERED = { recovered: true } as const;

/** The batch that carries `rows`. */
export function packRows(rows: readonly CompactRow[]): RowBatch {
  const texts = new Numbering<string>();
  const shapes = new Numbering<readonly string[]>();
  const text = (value: string) => texts.id(value, value);
  const packed = rows.map((row): WireRow => ({
    ...(row.recovered === true ? RECOVERED : {}),
    time: row.time,
    eventId: row.eventId,
    level: row.level,
    provider: text(row.provider),
    channel: text(row.channel),
    computer: text(row.computer),
    recordId: row.recordId,
    system: text(row.system),
    chunk: row.chunk,
    offset: row.offset,
    // A name holds no NUL (the parser reads names as text up to their length), so NUL joins.
    shape: shapes.id(row.names.join('\u0000'), row.names),
    values: row.values,
  }));
  return { texts: texts.items, shapes: shapes.items, rows: packed };
}

/**
 * The rows of `batch`, rows of one kind sharing one field-name list. Throws a RangeError naming
 * the row when an index points outside the batch's lists.
 */
export function unpackRows(batch: RowBatch): CompactRow[] {
  const { texts, shapes } = batch;
  return batch.rows.map((row, i) => {
    const text = (index: number, what: string) => pick(texts, index, i, what);
    const names = pick(shapes, row.shape, i, 'shape');
    if (names.length !== row.values.length) {
      throw new RangeError(
        `row batch: row ${i} has ${row.values.length} values for ${names.length} names`,
      );
    }
    return {
      ...(row.recovered === true ? RECOVERED : {}),
      time: row.time,
      eventId: row.eventId,
      level: row.level,
      provider: text(row.provider, 'provider'),
      channel: text(row.channel, 'channel'),
      computer: text(row.computer, 'computer'),
      recordId: row.recordId,
      system: text(row.system, 'system'),
      chunk: row.chunk,
      offset: row.offset,
      names,
      values: row.values,
    };
  });
}

function pick<T>(items: readonly T[], index: number, row: number, what: string): T {
  const item = Number.isInteger(index) ? items[index] : undefined;
  if (item === undefined) {
    throw new RangeError(
      `row batch: row ${row}: ${what} ${index} is not in the batch's ${items.length}`,
    );
  }
  return item;
}
