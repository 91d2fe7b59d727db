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

function fromParts(parts: readonly number[], fraction: string): EventTime | undefined {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return undefined;
  }

  const ticks = fraction.padEnd(7, '0').slice(0, 7);
  const wholeMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const iso = `${secondsText(parts, wholeMs)}.${ticks}Z`;
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
  return { iso: `${isoSeconds(wholeMs)}.${ticks}Z`, ms: time.ms + deltaMs };
}

/** `YYYY-MM-DDTHH:MM:SS` of an epoch-millisecond instant, floored to the second. */
function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
}
