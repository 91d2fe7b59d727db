/**
 * Typed arrays that grow as rows arrive: one number per row, no per-row object. Capacity
 * doubles, so appending is amortised constant time; `trim()` gives the slack back once a
 * load is over.
 */

/** The typed arrays the store keeps columns in. */
export type NumberArray = Float64Array | Uint32Array | Uint16Array | Uint8Array;

type NumberArrayType<A extends NumberArray> = new (length: number) => A;

const FIRST_CAPACITY = 64;

/** A column of numbers that grows at the end. */
export class GrowableArray<A extends NumberArray> {
  #data: A;
  #length = 0;

  constructor(private readonly type: NumberArrayType<A>) {
    this.#data = new type(FIRST_CAPACITY);
  }

  get length(): number {
    return this.#length;
  }

  /** Bytes held, slack included. */
  get byteLength(): number {
    return this.#data.byteLength;
  }

  /** The value at `index`; 0 past the end, like a fresh typed array. */
  get(index: number): number {
    return this.#data[index] ?? 0;
  }

  push(value: number): void {
    if (this.#length === this.#data.length) this.resize(this.#data.length * 2);
    this.#data[this.#length++] = value;
  }

  /** The values so far, without copying; later pushes do not change what it holds. */
  view(): A {
    return this.#data.subarray(0, this.#length) as A;
  }

  /** Gives back the capacity beyond the last value. */
  trim(): void {
    if (this.#data.length > this.#length) this.resize(Math.max(this.#length, 1));
  }

  private resize(capacity: number): void {
    const next = new this.type(capacity);
    next.set(this.#data.subarray(0, Math.min(this.#length, capacity)));
    this.#data = next;
  }
}

/** The typed arrays a CodeArray widens through. */
type CodeData = Uint8Array | Uint16Array | Uint32Array;

/**
 * A column of codes (whole numbers 0 to 2^32 - 1) that grows at the end, kept in the narrowest
 * typed array that holds every code so far: a byte a row while codes stay below 256, two below
 * 65,536, four past that. Most columns (Event ID, provider, the shape of a row, a field with
 * few values) never need more than one or two bytes.
 */
export class CodeArray {
  #data: CodeData = new Uint8Array(FIRST_CAPACITY);
  #length = 0;
  #max = 0xff;

  get length(): number {
    return this.#length;
  }

  /** Bytes held, slack included. */
  get byteLength(): number {
    return this.#data.byteLength;
  }

  /** The code at `index`; 0 past the end. */
  get(index: number): number {
    return this.#data[index] ?? 0;
  }

  push(value: number): void {
    if (value > this.#max) this.widen(value);
    if (this.#length === this.#data.length) this.resize(this.#data.length * 2);
    this.#data[this.#length++] = value;
  }

  /** The codes so far, without copying, in whatever width they are kept. */
  view(): CodeData {
    return this.#data.subarray(0, this.#length);
  }

  /** Gives back the capacity beyond the last code. */
  trim(): void {
    if (this.#data.length > this.#length) this.resize(Math.max(this.#length, 1));
  }

  private widen(value: number): void {
    const wide = value > 0xffff;
    this.#max = wide ? 0xffffffff : 0xffff;
    this.copyInto(wide ? new Uint32Array(this.#data.length) : new Uint16Array(this.#data.length));
  }

  private resize(capacity: number): void {
    const data = this.#data;
    if (data instanceof Uint8Array) this.copyInto(new Uint8Array(capacity));
    else if (data instanceof Uint16Array) this.copyInto(new Uint16Array(capacity));
    else this.copyInto(new Uint32Array(capacity));
  }

  private copyInto(next: CodeData): void {
    next.set(this.#data.subarray(0, Math.min(this.#length, next.length)));
    this.#data = next;
  }
}
