/**
 * Event data stored by shape. Events of one kind (Sysmon event 3, Security 4624, ...) carry the
 * same field names in the same order; each such list is a shape, and each shape keeps one
 * column per field. A row stores its shape and its place in it, so a field costs four bytes
 * only in the rows that have it, yet every field is still a column of its own.
 */
import { CodeArray } from './growable.js';
import { NO_VALUE } from './value-pool.js';

/** One list of field names, in document order, and the columns of the rows that have it. */
export class Shape {
  readonly #slots = new Map<number, number>();
  readonly #columns: CodeArray[];
  #rows = 0;

  constructor(
    readonly id: number,
    /** Field ids in document order. */
    readonly fields: readonly number[],
  ) {
    fields.forEach((field, slot) => this.#slots.set(field, slot));
    this.#columns = fields.map(() => new CodeArray());
  }

  /** Rows stored in this shape. */
  get rows(): number {
    return this.#rows;
  }

  /** Where `field` sits in this shape, or -1 when the shape lacks it. */
  slotOf(field: number): number {
    return this.#slots.get(field) ?? -1;
  }

  /** Adds one row's value codes, one per field in order; returns its place in the shape. */
  add(codes: readonly number[]): number {
    this.#columns.forEach((column, slot) => column.push(codes[slot] ?? NO_VALUE));
    return this.#rows++;
  }

  /** The value code at `slot` for the shape's row `place`. */
  code(slot: number, place: number): number {
    return this.#columns[slot]?.get(place) ?? NO_VALUE;
  }

  get byteLength(): number {
    return this.#columns.reduce((sum, column) => sum + column.byteLength, 0);
  }

  trim(): void {
    for (const column of this.#columns) column.trim();
  }
}

/** Every shape seen, found by its field list. */
export class ShapeTable {
  readonly #byKey = new Map<string, Shape>();
  readonly #shapes: Shape[] = [];

  /** The shape for `fields`, made on first sight. */
  shapeFor(fields: readonly number[]): Shape {
    const key = fields.join(',');
    const known = this.#byKey.get(key);
    if (known !== undefined) return known;

    const shape = new Shape(this.#shapes.length, fields);
    this.#shapes.push(shape);
    this.#byKey.set(key, shape);
    return shape;
  }

  get(id: number): Shape | undefined {
    return this.#shapes[id];
  }

  all(): readonly Shape[] {
    return this.#shapes;
  }
}
