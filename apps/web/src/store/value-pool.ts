/**
 * Interned values of one column: each distinct value is kept once and rows hold its number.
 * Code 0 means "no value", so a fresh column reads as empty. A field that repeats in one event
 * keeps all its values as a list, interned apart from single strings so the two never collide.
 */
import type { FieldValue } from '@evtxhunt/hunt';

/** The code rows hold for "this row has no value here". */
export const NO_VALUE = 0;

/** How list values are shown in a cell. */
export const LIST_SEPARATOR = '; ';

const NUMBER_TEXT = /^(?:-?\d+(?:\.\d+)?|0x[0-9a-f]+)$/i;

/**
 * TODO: a JavaScript Map holds at most 2^24 (about 16.7 million) entries, so a column with more
 * distinct values than that (a log of tens of millions of events with a unique value in every
 * one) makes `intern` throw; spilling to a second map is P4 work.
 */
export class ValuePool {
  readonly #singles = new Map<string, number>();
  readonly #lists = new Map<string, number>();
  readonly #values: (FieldValue | undefined)[] = [undefined];
  #numeric = true;

  /** Distinct values plus the reserved code 0. */
  get size(): number {
    return this.#values.length;
  }

  /** True while every value is a decimal or 0x-hex number, so the column sorts as numbers. */
  get numeric(): boolean {
    return this.#numeric && this.#values.length > 1;
  }

  /** The code of `value`, adding it when new. */
  intern(value: FieldValue): number {
    const isList = typeof value !== 'string';
    const key = isList ? JSON.stringify(value) : value;
    const map = isList ? this.#lists : this.#singles;
    const known = map.get(key);
    if (known !== undefined) return known;

    const code = this.#values.length;
    this.#values.push(isList ? [...value] : value);
    map.set(key, code);
    if (this.#numeric && (isList || !NUMBER_TEXT.test(value))) this.#numeric = false;
    return code;
  }

  /** The value behind `code`, undefined for NO_VALUE or an unknown code. */
  value(code: number): FieldValue | undefined {
    return this.#values[code];
  }

  /** The value behind `code` as one line of text; lists are joined. */
  text(code: number): string | undefined {
    const value = this.#values[code];
    if (value === undefined || typeof value === 'string') return value;
    return value.join(LIST_SEPARATOR);
  }
}
