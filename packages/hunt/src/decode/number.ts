/**
 * Reading the numbers event fields carry as text: `0xC000006A`, `0x3`, `3`. Only an unsigned
 * 32-bit value in plain hex or decimal is read; anything else (signs, spaces, words, more digits
 * than 32 bits hold) is not a code, and its field is left undecoded.
 */

const HEX = /^0x([0-9a-f]{1,8})$/i;
const DECIMAL = /^[0-9]{1,10}$/;
const MAX_UINT32 = 0xffff_ffff;

/** The unsigned 32-bit number `text` spells in hex (0x...) or decimal, else undefined. */
export function readCode(text: string): number | undefined {
  const trimmed = text.trim();
  const hex = HEX.exec(trimmed);
  if (hex !== null) return Number.parseInt(hex[1] ?? '', 16);
  if (!DECIMAL.test(trimmed)) return undefined;

  const value = Number(trimmed);
  return value <= MAX_UINT32 ? value : undefined;
}

/** `value` as Windows writes codes: 0x and upper-case hex digits, at least `digits` of them. */
export function hexCode(value: number, digits = 1): string {
  return `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`;
}
