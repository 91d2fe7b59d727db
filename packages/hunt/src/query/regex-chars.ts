/**
 * Sets of UTF-16 code units for the linear-time matcher, read the way JavaScript reads a
 * pattern without the `u` flag: one code unit at a time (a character outside the Basic
 * Multilingual Plane is two, as for RegExp), `\s` as the specification's white space and line
 * terminators, `\w` and `\d` as ASCII, and `i` as the specification's Canonicalize (upper case,
 * but never from outside ASCII into it).
 */

/** A set of code units: sorted, non-overlapping inclusive ranges, maybe negated. */
export interface CharSet {
  /** Pairs of first and last code unit, in order. */
  readonly ranges: readonly number[];
  readonly negated: boolean;
}

/** Line terminators: `.` does not match them without `s`; `^` and `$` see them with `m`. */
const LINE_TERMINATORS = [0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029];

const DIGITS = [0x30, 0x39];

const WORD = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];

const SPACE = [
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f,
  0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff,
];

/** The class an escape such as `\d` or `\S` stands for, or undefined for another letter. */
export function classEscape(letter: string): CharSet | undefined {
  const ranges = { d: DIGITS, w: WORD, s: SPACE }[letter.toLowerCase()];
  if (ranges === undefined) return undefined;
  return { ranges, negated: letter !== letter.toLowerCase() };
}

/** `.`: every code unit but the line terminators, or every one with the `s` flag. */
export function dotSet(dotAll: boolean): CharSet {
  return dotAll
    ? { ranges: [0, 0xffff], negated: false }
    : { ranges: LINE_TERMINATORS, negated: true };
}

/** One code unit. */
export function singleChar(code: number): CharSet {
  return { ranges: [code, code], negated: false };
}

/** The union of the given ranges (pairs), sorted and merged, not negated. */
export function unionOf(ranges: readonly number[], negated: boolean): CharSet {
  const pairs: [number, number][] = [];
  for (let at = 0; at < ranges.length; at += 2) pairs.push([ranges[at] ?? 0, ranges[at + 1] ?? 0]);
  pairs.sort((a, b) => a[0] - b[0]);

  const merged: number[] = [];
  for (const [first, last] of pairs) {
    const end = merged.length - 1;
    if (end > 0 && first <= (merged[end] ?? 0) + 1) merged[end] = Math.max(merged[end] ?? 0, last);
    else merged.push(first, last);
  }
  return { ranges: merged, negated };
}

/** The ranges a class escape adds to a class: its own, or those of its complement. */
export function rangesOf(set: CharSet): number[] {
  if (!set.negated) return [...set.ranges];
  const out: number[] = [];
  let next = 0;
  for (let at = 0; at < set.ranges.length; at += 2) {
    const first = set.ranges[at] ?? 0;
    if (first > next) out.push(next, first - 1);
    next = (set.ranges[at + 1] ?? 0) + 1;
  }
  if (next <= 0xffff) out.push(next, 0xffff);
  return out;
}

/** Whether the code unit is in the ranges, by binary search. */
function inRanges(ranges: readonly number[], code: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (code < (ranges[middle * 2] ?? 0)) high = middle - 1;
    else if (code > (ranges[middle * 2 + 1] ?? 0)) low = middle + 1;
    else return true;
  }
  return false;
}

/** A test of one code unit against a set, case-insensitively when `ignoreCase`. */
export type CharTest = (code: number) => boolean;

/** The test of a set; with `ignoreCase` a code unit matches when any of its case kin is in it. */
export function charTest(set: CharSet, ignoreCase: boolean): CharTest {
  const { ranges, negated } = set;
  if (!ignoreCase) return (code) => inRanges(ranges, code) !== negated;
  return (code) => caseKin(code).some((kin) => inRanges(ranges, kin)) !== negated;
}

/** Whether a code unit is a line terminator. */
export function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** Whether a code unit is a word character for `\b`: ASCII letters, digits and `_`. */
export function isWordChar(code: number): boolean {
  return inRanges(WORD, code);
}

/**
 * The code units that match each other under `i`: those of the same Canonicalize value. The
 * table is the same for every pattern and is built once, on the first case-insensitive match
 * (65,536 conversions, tens of milliseconds); it never changes after.
 */
let foldTable: Map<number, number[]> | undefined;

/** The code unit and every other one of the same canonical value. */
export function caseKin(code: number): readonly number[] {
  foldTable ??= foldGroups();
  return foldTable.get(canonicalize(code)) ?? [code];
}

function canonicalize(code: number): number {
  const upper = String.fromCharCode(code).toUpperCase();
  if (upper.length !== 1) return code;
  const canonical = upper.charCodeAt(0);
  return code >= 128 && canonical < 128 ? code : canonical;
}

/** Canonical value to its code units, for the values shared by more than one code unit. */
function foldGroups(): Map<number, number[]> {
  const all = new Map<number, number[]>();
  for (let code = 0; code <= 0xffff; code += 1) {
    const canonical = canonicalize(code);
    const group = all.get(canonical);
    if (group === undefined) all.set(canonical, [code]);
    else group.push(code);
  }
  for (const [canonical, group] of all) if (group.length < 2) all.delete(canonical);
  return all;
}
