/**
 * Decoded values: what a code in an event field stands for, in words, shown beside the raw
 * value. The raw value stays what is searched and exported; a decoding only explains it. The
 * facts (code tables, bit meanings) come from Microsoft's public documentation; the wording is
 * this project's own.
 */

/** What a raw value means. */
export interface DecodedValue {
  /** The meaning in one line, such as `Network (3)` or `Forwardable, Renewable`. */
  readonly text: string;
  /** The parts the line is made of when there are several (flags, hashes); else empty. */
  readonly parts: readonly string[];
}

/** A decoding of one value, or undefined when the value is not one the table knows. */
export type Decoder = (value: string) => DecodedValue | undefined;

/** Builds a DecodedValue from its parts, joined with `separator`. */
export function decodedParts(parts: readonly string[], separator = ', '): DecodedValue {
  return { text: parts.join(separator), parts: parts.length > 1 ? parts : [] };
}

/** A one-line DecodedValue. */
export function decodedText(text: string): DecodedValue {
  return { text, parts: [] };
}
