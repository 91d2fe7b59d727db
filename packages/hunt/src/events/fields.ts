/**
 * Reading one record's fields for normalisation: text with Sysmon's "nothing" spellings
 * (`-`, empty) turned into undefined, decimal and hexadecimal numbers, Sysmon booleans.
 */
import { fieldText, type EventRecord } from '../record.js';

/** Typed access to one record's data fields. */
export class FieldReader {
  readonly #record: EventRecord;

  constructor(record: EventRecord) {
    this.#record = record;
  }

  /** The field's text, or undefined when absent, empty or `-`. */
  text(name: string): string | undefined {
    const value = fieldText(this.#record, name);
    return value === undefined || value === '' || value === '-' ? undefined : value;
  }

  /** The first of several spellings of a field that is present (Sysmon 10 writes `GUID`). */
  textOf(...names: readonly string[]): string | undefined {
    for (const name of names) {
      const value = this.text(name);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** A non-negative integer written in decimal or as `0x` hex; undefined otherwise. */
  integer(name: string): number | undefined {
    return parseInteger(this.text(name));
  }

  /** Sysmon's `true`/`false` in any case; undefined when absent or anything else. */
  boolean(name: string): boolean | undefined {
    const value = this.text(name)?.toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
    return undefined;
  }
}

/** Parses `1234` or `0x4d2` into a safe integer; undefined for anything else. */
export function parseInteger(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;

  // Most values are plain decimal digits (ports, process ids): read without a regex or a trim.
  const digits = decimalDigits(text);
  if (digits !== undefined) return digits;

  const trimmed = text.trim();
  let value: number;
  if (/^0x[0-9a-f]+$/i.test(trimmed)) value = Number.parseInt(trimmed.slice(2), 16);
  else if (/^\d+$/.test(trimmed)) value = Number(trimmed);
  else return undefined;
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Longest run of decimal digits whose value is always a safe integer. */
const SAFE_DIGITS = 15;

/** The value of 1 to SAFE_DIGITS decimal digits and nothing else; undefined for other text. */
function decimalDigits(text: string): number | undefined {
  if (text.length === 0 || text.length > SAFE_DIGITS) return undefined;

  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/** Copies only the defined entries, so optional properties stay absent rather than undefined. */
export function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  const entries = value as Record<string, unknown>;
  // Object.keys rather than Object.entries: no pair array per property, and this runs per event.
  for (const key of Object.keys(entries)) {
    const entry = entries[key];
    if (entry !== undefined) out[key] = entry;
  }
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
