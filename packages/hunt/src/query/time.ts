/**
 * Times in queries and in field values. A time written in a query stands for the span of its
 * precision (a day, a minute, a second, a fraction of one); a field value is read as the instant
 * it starts at. Instants are kept as whole seconds and nanoseconds, both exact: a double holding
 * epoch milliseconds cannot tell apart the 100 ns steps Windows records. Field values are read on
 * every row, so the fixed-width forms Windows and Sysmon write take a path without regexes.
 */

/** An instant: whole seconds since 1970 (UTC) and nanoseconds past them, both integers. */
export interface Instant {
  seconds: number;
  nanos: number;
}

/** A span of time, `end` excluded. */
export interface ExactSpan {
  readonly start: Readonly<Instant>;
  readonly end: Readonly<Instant>;
}

/** A span in epoch milliseconds (sub-millisecond digits rounded), `end` excluded. */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

const DAY_SECONDS = 86_400;
const NANOS_PER_SECOND = 1_000_000_000;

// Date.UTC reads years 0-99 as 1900-1999; 400 Gregorian years are exactly 146097 days.
const FOUR_CENTURIES_MS = 146_097 * DAY_SECONDS * 1000;

const TIME_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:\d{2})?)?$/;

/**
 * The span a written time stands for: `2024-05-01` a day, `2024-05-01T10:00Z` a minute, with
 * seconds a second, with a fraction of n digits 10^-n seconds. UTC unless an offset is given.
 * Undefined when the text is not such a time or names a day or clock time that does not exist.
 */
export function parseExactSpan(text: string): ExactSpan | undefined {
  const match = text.length < 10 || text[4] !== '-' ? null : TIME_TEXT.exec(text);
  if (match === null) return undefined;

  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction, zone] = match;
  const hourMs = utcMs(Number(year), Number(month), Number(day), Number(hour));
  if (hourMs === undefined || Number(minute) > 59 || Number(second) > 59) return undefined;

  const clock = Number(minute) * 60 + Number(second) - offsetSeconds(zone);
  const start = { seconds: hourMs / 1000 + clock, nanos: nanosOf(fraction ?? '') };
  return { start, end: later(start, precision(match)) };
}

/** The span of a written time in epoch milliseconds, for display; see parseExactSpan. */
export function parseTimeSpan(text: string): TimeSpan | undefined {
  const span = parseExactSpan(text);
  if (span === undefined) return undefined;
  return { start: epochMs(span.start), end: epochMs(span.end) };
}

/**
 * Reads a field value as an instant into `into`, without allocating for the usual fixed-width
 * forms; false (with `into` unspecified) when the value is no time.
 */
export function readInstant(value: string, into: Instant): boolean {
  if (readFixedWidth(value, into)) return true;

  const span = parseExactSpan(value);
  if (span === undefined) return false;
  into.seconds = span.start.seconds;
  into.nanos = span.start.nanos;
  return true;
}

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function compareInstants(a: Readonly<Instant>, b: Readonly<Instant>): number {
  return a.seconds - b.seconds || a.nanos - b.nanos;
}

/** Epoch milliseconds of an instant, rounded to what a double holds. */
export function epochMs(instant: Readonly<Instant>): number {
  return instant.seconds * 1000 + instant.nanos / 1_000_000;
}

function precision(match: RegExpExecArray): Instant {
  const [, , , , hour, , second, fraction] = match;
  if (hour === undefined) return { seconds: DAY_SECONDS, nanos: 0 };
  if (second === undefined) return { seconds: 60, nanos: 0 };
  if (fraction === undefined) return { seconds: 1, nanos: 0 };
  return { seconds: 0, nanos: 10 ** (9 - fraction.length) };
}

function later(instant: Instant, by: Instant): Instant {
  const nanos = instant.nanos + by.nanos;
  const carry = nanos >= NANOS_PER_SECOND ? 1 : 0;
  return { seconds: instant.seconds + by.seconds + carry, nanos: nanos - carry * NANOS_PER_SECOND };
}

/** Nanoseconds of the digits after a decimal point (at most nine). */
function nanosOf(fraction: string): number {
  return fraction === '' ? 0 : Number(fraction) * 10 ** (9 - fraction.length);
}

function offsetSeconds(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;

  const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
  return (zone.startsWith('-') ? -1 : 1) * minutes * 60;
}

/** Midnight plus `hour` of a calendar day, or undefined when the day or hour does not exist. */
function utcMs(year: number, month: number, day: number, hour: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23) {
    return undefined;
  }
  if (year >= 100) return Date.UTC(year, month - 1, day, hour);
  return Date.UTC(year + 400, month - 1, day, hour) - FOUR_CENTURIES_MS;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;

  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

/** `YYYY-MM-DDTHH:MM:SS[.fffffff][Z]`, or a space for the `T`, read digit by digit. */
function readFixedWidth(text: string, into: Instant): boolean {
  if (text.length < 19 || !hasDateShape(text)) return false;

  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (Math.min(year, month, day, hour, minute, second) < 0 || minute > 59 || second > 59) {
    return false;
  }

  const nanos = nanosAfterSeconds(text);
  const hourMs = utcMs(year, month, day, hour);
  if (nanos < 0 || hourMs === undefined) return false;
  into.seconds = hourMs / 1000 + minute * 60 + second;
  into.nanos = nanos;
  return true;
}

function hasDateShape(text: string): boolean {
  const separator = text[10];
  return (
    text[4] === '-' &&
    text[7] === '-' &&
    (separator === 'T' || separator === ' ') &&
    text[13] === ':' &&
    text[16] === ':'
  );
}

/** The digits at `at` as a number, or -1 when any of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Nanoseconds of `.fffffff` after the seconds, then an optional `Z`; -1 for anything else. */
function nanosAfterSeconds(text: string): number {
  const end = text.endsWith('Z') ? text.length - 1 : text.length;
  if (end === 19) return 0;
  if (text[19] !== '.' || end === 20 || end - 20 > 9) return -1;

  const digits = digitsAt(text, 20, end - 20);
  return digits < 0 ? -1 : digits * 10 ** (9 - (end - 20));
}
