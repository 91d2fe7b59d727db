/**
 * The transformation modifiers: base64, base64offset, utf16le/utf16be/utf16/wide and windash.
 * Each takes a value and gives the values it stands for; a value encoded to bytes stays bytes
 * until base64 makes text of it again, and bytes never made text are read one byte a character.
 */
import { fail } from './errors.js';

/** A value on its way through the modifiers: text, or bytes after a UTF-16 encoding. */
export type Encoded = string | Uint8Array;

/** The characters windash makes interchangeable: hyphen, slash, en and em dash, horizontal bar. */
export const WINDASH_CHARS = ['-', '/', '\u2013', '\u2014', '\u2015'] as const;

/** Dashes in one value past which windash stops trying every mix (5^4 = 625 values). */
const WINDASH_MIX_LIMIT = 4;

/** The value as bytes: UTF-8 for text. */
export function bytesOf(value: Encoded): Uint8Array {
  return typeof value === 'string' ? new TextEncoder().encode(value) : value;
}

/** The value as text: bytes read one byte a character. */
export function textOf(value: Encoded): string {
  if (typeof value === 'string') return value;
  let text = '';
  for (const byte of value) text += String.fromCharCode(byte);
  return text;
}

/** UTF-16 code units of the text, little- or big-endian, with a byte order mark if asked. */
export function utf16(value: Encoded, littleEndian: boolean, bom = false): Uint8Array {
  const text = textOf(value);
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return bytes;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding. */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : BASE64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : BASE64[n & 63]!;
  }
  return out;
}

/**
 * The three forms the value takes inside a longer base64 text, one per position modulo 3: the
 * value encoded after 0, 1 or 2 bytes, cut to the characters that depend on the value alone.
 */
export function base64Offsets(bytes: Uint8Array): string[] {
  return [0, 1, 2].map((shift) => {
    const shifted = new Uint8Array(shift + bytes.length);
    shifted.set(bytes, shift);
    const text = base64(shifted);
    // The first characters mix in the shift bytes; the last ones the bytes after the value.
    const start = [0, 2, 3][shift]!;
    const cut = [0, 3, 2][(bytes.length + shift) % 3]!;
    return text.slice(start, text.length - cut);
  });
}

/**
 * Every way of writing the value's dashes and slashes with the windash characters. Past
 * WINDASH_MIX_LIMIT of them, every one takes the same character.
 * TODO: a value with more than four dashes is not tried with mixed dash characters, because
 * 5^n values grow too fast; no rule of the public set has one.
 */
export function windashVariants(text: string): string[] {
  const positions = [...text].flatMap((char, i) => (isWindash(char) ? [i] : []));
  if (positions.length === 0) return [text];

  const chars = [...text];
  if (positions.length > WINDASH_MIX_LIMIT) {
    return WINDASH_CHARS.map((dash) =>
      chars.map((char) => (isWindash(char) ? dash : char)).join(''),
    );
  }
  let variants: string[][] = [chars];
  for (const at of positions) {
    variants = variants.flatMap((variant) =>
      WINDASH_CHARS.map((dash) => variant.map((char, i) => (i === at ? dash : char))),
    );
  }
  return variants.map((variant) => variant.join(''));
}

function isWindash(char: string): boolean {
  return (WINDASH_CHARS as readonly string[]).includes(char);
}

/** The value with `%name%` placeholders replaced by each of their values (`\%` is a plain %). */
export function expandPlaceholders(
  text: string,
  placeholders: ReadonlyMap<string, readonly string[]>,
): string[] {
  const match = /(?<!\\)%([^%\s]+)%/.exec(text);
  if (match === null) return [text.replaceAll('\\%', '%')];

  const name = match[1]!;
  const values = placeholders.get(name) ?? fail(`placeholder %${name}% has no values (expand)`);
  const before = text.slice(0, match.index).replaceAll('\\%', '%');
  const rest = text.slice(match.index + match[0].length);
  return values.flatMap((value) =>
    expandPlaceholders(rest, placeholders).map((tail) => before + value + tail),
  );
}
