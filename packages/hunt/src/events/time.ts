/**
 * Event times for the engine. Sysmon writes its own `UtcTime` (`2024-05-01 10:00:00.123`, UTC,
 * milliseconds); System/TimeCreated is ISO-8601 with up to seven fraction digits. Both become one
 * fixed-width ISO form (seven digits and `Z`) that sorts as text, plus epoch milliseconds with the
 * sub-millisecond part kept as a fraction for arithmetic.
 */

const SYSMON_UTC = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?Z?$/;
const ISO_UTC =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** One instant: fixed-width ISO text (for sorting and display) and epoch milliseconds. */
export interface EventTime {
  readonly iso: string;
  readonly ms: number;
}

/** Parses Sysmon's `UtcTime` form (or an ISO UTC form); undefined when it is not a time. */
export function parseSysmonUtc(text: string | undefined): EventTime | undefined {
  if (text?.length === SYSMON_SHAPE.length && hasShape(text, SYSMON_SHAPE)) {
    const time = sysmonUtcByDigits(text);
    if (time !== undefined) return time;
  }
  const match = text === undefined ? null : SYSMON_UTC.exec(text.trim());
  if (match === null) return undefined;

  const [, year, month, day, hour, minute, second, fraction = ''] = match;
  return fromParts([year, month, day, hour, minute, second].map(Number), fraction);
}

/** Parses an ISO-8601 time with `Z` or an offset, converting to UTC; undefined otherwise. */
export function parseIsoTime(text: string | undefined): EventTime | undefined {
  const match = text === undefined ? null : ISO_UTC.exec(text.trim());
  if (match === null) return undefined;

  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const time = fromParts([year, month, day, hour, minute, second].map(Number), fraction);
  if (time === undefined || zone === 'Z') return time;

  const sign = zone.startsWith('-') ? 1 : -1;
  const offsetMs = (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  return shifted(time, sign * offsetMs);
}

/**
 * The epoch milliseconds of an ISO-8601 time, as parseIsoTime(text)?.ms, without making its
 * text: the parser's own form (`2024-05-01T10:00:00.1234567Z`) is read digit by digit, any
 * other form goes through parseIsoTime.
 */
export function parseIsoMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text.length !== 28 || text.charCodeAt(27) !== 90 || !hasShape(text, ISO_SHAPE)) {
    return parseIsoTime(text)?.ms;
  }

  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }
  return utcMs(year, month, day, hour, minute, second) + digits(text, 20, 27) / 10_000;
}

/**
 * Date.UTC(year, month - 1, day, hour, minute, second), for a month of 1 to 12, by arithmetic:
 * Date.UTC took about 500 ns a call, and the hunt reads two times per record. A day past the
 * month's end or a 60th second rolls over as with Date.UTC; years below 100, which Date.UTC
 * reads as 19xx, are left to it.
 */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  if (year < 100) return Date.UTC(year, month - 1, day, hour, minute, second);

  return ((daysFromEpoch(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000;
}

/**
 * Days from 1970-01-01 to the date in the proleptic Gregorian calendar. Years are counted from
 * March, so that the leap day ends a year; 400 years are 146,097 days.
 */
function daysFromEpoch(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  // 719,468 days from 0000-03-01 to 1970-01-01.
  return era * 146_097 + dayOfEra - 719_468;
}

/** The form Sysmon writes `UtcTime` in; `d` stands for a digit. */
const SYSMON_SHAPE = 'dddd-dd-dd dd:dd:dd.ddd';

/**
 * parseSysmonUtc of a text in SYSMON_SHAPE, read digit by digit: the same instant and text as
 * the general path, which a time it cannot write directly (see secondsText) is left to.
 */
function sysmonUtcByDigits(text: string): EventTime | undefined {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  if (year < 1000 || day > daysInMonth(year, month)) return undefined;

  const wholeMs = utcMs(year, month, day, hour, minute, second);
  const iso = flat([text.slice(0, 10), 'T', text.slice(11, 23), '0000Z']);
  return { iso, ms: wholeMs + digits(text, 20, 23) };
}

/** True when `text` starts with `shape` (`d` standing for any digit), checked by character code. */
function hasShape(text: string, shape: string): boolean {
  for (let i = 0; i < shape.length; i++) {
    const code = text.charCodeAt(i);
    const expected = shape.charCodeAt(i);
    if (expected === 100 ? code < 48 || code > 57 : code !== expected) return false;
  }
  return true;
}

/** The shape of the parser's ISO form; `d` stands for a digit. */
const ISO_SHAPE = 'dddd-dd-ddTdd:dd:dd.ddddddd';

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

function fromParts(parts: readonly number[], fraction: string): EventTime | undefined {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }

  const ticks = fraction.padEnd(7, '0').slice(0, 7);
  const wholeMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const iso = flat([secondsText(parts, wholeMs), '.', ticks, 'Z']);
  return { iso, ms: wholeMs + Number(ticks) / 10_000 };
}

/**
 * `YYYY-MM-DDTHH:MM:SS` of the parts. Parts naming a real second are written out directly (a
 * Date per event is a measurable share of a hunt); others (a leap second, 31 April, a year
 * Date.UTC reads as 19xx) go through Date, which rolls them over.
 */
function secondsText(parts: readonly number[], wholeMs: number): string {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  if (year < 1000 || second > 59 || day > daysInMonth(year, month)) return isoSeconds(wholeMs);

  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`;
}

/**
 * The pieces as one flat string. A template literal makes a tree of joined pieces (about 160
 * bytes for an ISO time instead of about 50), and the engine keeps some times for the whole hunt.
 */
function flat(pieces: readonly string[]): string {
  return pieces.join('');
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function shifted(time: EventTime, deltaMs: number): EventTime {
  const wholeMs = Math.floor(time.ms) + deltaMs;
  const ticks = time.iso.slice(20, 27);
  return { iso: flat([isoSeconds(wholeMs), '.', ticks, 'Z']), ms: time.ms + deltaMs };
}

/** `YYYY-MM-DDTHH:MM:SS` of an epoch-millisecond instant, floored to the second. */
function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
}
