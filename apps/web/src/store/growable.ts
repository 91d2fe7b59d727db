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
