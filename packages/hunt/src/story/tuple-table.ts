/**
 * Values that repeat from event to event (a DNS answer, the two ends of a connection, a file
 * name), each kept once and named by an index. Past TUPLE_TABLE_LIMIT distinct values, new ones
 * are still kept, each under an index of its own, but no longer looked up, so the lookup map stays
 * bounded while every index still finds its value.
 */

/** Distinct values a table looks up; later new values are appended without being shared. */
export const TUPLE_TABLE_LIMIT = 65_536;

/** Values by index, shared by key. */
export class TupleTable<T> {
  readonly #values: T[] = [];
  readonly #byKey = new Map<string, number>();

  /** Distinct indexes handed out. */
  get size(): number {
    return this.#values.length;
  }

  /** The index of the value with `key`, made by `make` the first time. */
  indexOf(key: string, make: () => T): number {
    const known = this.#byKey.get(key);
    if (known !== undefined) return known;

    const index = this.#values.push(make()) - 1;
    if (this.#byKey.size < TUPLE_TABLE_LIMIT) this.#byKey.set(key, index);
    return index;
  }

  /** The value at `index`. */
  at(index: number): T | undefined {
    return this.#values[index];
  }
}

/**
 * One text naming a list of parts, distinct for distinct lists whatever the parts hold: each
 * part is written with its length (`5:hello`), an absent one as `-`.
 */
export function tupleKey(parts: readonly (string | number | boolean | undefined)[]): string {
  let key = '';
  for (const part of parts) {
    if (part === undefined) {
      key += '-';
      continue;
    }
    const text = String(part);
    key += `${text.length}:${text}`;
  }
  return key;
}
