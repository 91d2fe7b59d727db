/**
 * The event store's columns: one entry a row in each, no per-row object. System fields are
 * numbers or interned codes; EventData fields live in per-shape columns (shapes.ts) with one
 * value pool per field name. batch-in.ts fills them; cells.ts, value-codes.ts, order-keys.ts,
 * row-columns-out.ts and event-record.ts read them; event-store.ts is the one public face.
 */
import { CodeArray, GrowableArray } from './growable.js';
import { ShapeTable } from './shapes.js';
import { SystemExtrasColumn } from './system-extras.js';
import { TimeColumn } from './time-column.js';
import { NO_VALUE, ValuePool } from './value-pool.js';

/** The size of a chunk slot, and of the file header block before the first one. */
export const CHUNK_SIZE = 0x10000;
export const FILE_HEADER_BLOCK = 0x1000;

/** One EventData field name: its values and how many rows have it. */
export interface DataField {
  readonly name: string;
  readonly pool: ValuePool;
  rows: number;
}

/** The System fields kept as interned text. */
export type PooledColumn = 'provider' | 'channel' | 'computer';

/** Every column of the store; rows are appended and never move. */
export class StoreColumns {
  readonly fileNames: string[] = [];
  readonly time = new TimeColumn();
  readonly eventId = new CodeArray();
  readonly level = new CodeArray();
  readonly recordId = new GrowableArray(Float64Array);
  readonly bigRecordIds = new Map<number, string>();
  readonly file = new CodeArray();
  readonly chunk = new CodeArray();
  readonly offsetInChunk = new GrowableArray(Uint16Array);
  /** 1 for a recovered record (CompactRow.recovered), 0 for a live one: a byte a row. */
  readonly recovered = new GrowableArray(Uint8Array);
  recoveredRows = 0;
  readonly text = {
    provider: new ValuePool(),
    channel: new ValuePool(),
    computer: new ValuePool(),
  };
  readonly providerCode = new CodeArray();
  readonly channelCode = new CodeArray();
  readonly computerCode = new CodeArray();
  readonly extras = new SystemExtrasColumn();
  readonly fields: DataField[] = [];
  readonly fieldIds = new Map<string, number>();
  readonly shapes = new ShapeTable();
  readonly shapeOf = new CodeArray();
  readonly placeInShape = new CodeArray();

  get rowCount(): number {
    return this.time.length;
  }

  /** Throws a RangeError unless `row` is a row of the store. */
  checkRow(row: number): void {
    if (!Number.isInteger(row) || row < 0 || row >= this.rowCount) {
      throw new RangeError(`row ${row} is not in the store (0-${this.rowCount - 1})`);
    }
  }

  /** The file offset of row `row`'s record. */
  recordOffset(row: number): number {
    return FILE_HEADER_BLOCK + this.chunk.get(row) * CHUNK_SIZE + this.offsetInChunk.get(row);
  }

  /** EventRecordID as text, exact past 2^53. */
  recordIdText(row: number): string {
    return this.bigRecordIds.get(row) ?? String(this.recordId.get(row));
  }

  /** The code of row `row` in provider, channel or computer. */
  pooledCode(row: number, key: PooledColumn): number {
    if (key === 'provider') return this.providerCode.get(row);
    if (key === 'channel') return this.channelCode.get(row);
    return this.computerCode.get(row);
  }

  /** The value code of data field `field` in `row`, NO_VALUE when the row lacks it. */
  dataCode(row: number, field: number): number {
    const shape = this.shapes.get(this.shapeOf.get(row));
    if (shape === undefined) return NO_VALUE;
    const slot = shape.slotOf(field);
    return slot < 0 ? NO_VALUE : shape.code(slot, this.placeInShape.get(row));
  }

  /** Bytes held by typed-array columns, slack included (interned text not counted). */
  get columnBytes(): number {
    const shapes = this.shapes.all().reduce((sum, shape) => sum + shape.byteLength, 0);
    const other = this.time.byteLength + this.extras.byteLength + shapes;
    return this.rowArrays().reduce((sum, array) => sum + array.byteLength, other);
  }

  /** Gives back growth slack, once a load is over. */
  trim(): void {
    for (const array of this.rowArrays()) array.trim();
    this.time.trim();
    this.extras.trim();
    for (const shape of this.shapes.all()) shape.trim();
  }

  /** The columns kept as one growable array each. */
  private rowArrays(): { readonly byteLength: number; trim(): void }[] {
    const arrays = [this.eventId, this.level, this.recordId, this.file, this.chunk];
    const more = [this.offsetInChunk, this.providerCode, this.channelCode, this.computerCode];
    return [...arrays, ...more, this.recovered, this.shapeOf, this.placeInShape];
  }
}
