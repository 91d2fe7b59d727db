/**
 * Bit masks as lists of names: each set bit the table names, then whatever bits it does not
 * name, in hex, so nothing set in the raw value is silently dropped.
 */
import { decodedParts, type DecodedValue } from './model.js';
import { hexCode } from './number.js';

/** One named bit (or group of bits, all of which must be set). */
export interface FlagName {
  readonly mask: number;
  readonly name: string;
}

/**
 * The names of the bits set in `value`, in the table's order, then `other bits 0x...` for set
 * bits no entry names; `none` when no bit is set.
 */
export function flagNames(value: number, table: readonly FlagName[], none: string): DecodedValue {
  const names: string[] = [];
  let named = 0;
  for (const { mask, name } of table) {
    if ((value & mask) >>> 0 !== mask || (named & mask) >>> 0 === mask) continue;
    names.push(name);
    named = (named | mask) >>> 0;
  }

  const rest = (value & ~named) >>> 0;
  if (rest !== 0) names.push(`other bits ${hexCode(rest)}`);
  return decodedParts(names.length === 0 ? [none] : names);
}

/** Flags numbered from the most significant bit, as RFC 4120 numbers Kerberos options. */
export function msbFirst(bit: number): number {
  return 2 ** (31 - bit);
}
