/**
 * Instants shown in a chosen zone without losing Windows' 100-nanosecond precision. Intl only
 * works in milliseconds, so Intl is asked for the zone's offset at the whole second and the
 * offset is applied to the exact ISO text here: the seven fraction digits are carried over
 * untouched. Output is ISO-8601 with a numeric offset (`2024-05-01T14:00:00.1234567+02:00`),
 * or with `Z` when the zone is UTC.
 */
import { resolveTimeZone, type TimeZoneChoice } from './zone.js';

const UTC_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/** Fraction digits kept: Windows FILETIME counts 100 ns, so seven digits hold all of it. */
export const FRACTION_DIGITS = 7;

const SECONDS_PER_HOUR = 3600;

/**
 * Hours whose offset is remembered per formatter (about eleven years of distinct hours); past
 * it the memory is cleared and filled again, so a long export cannot grow it without bound.
 */
export const OFFSET_CACHE_LIMIT = 100_000;

/** One instant, split for exact arithmetic: whole seconds since 1970 and the fraction text. */
export interface UtcInstant {
  readonly epochSeconds: number;
  /** Exactly seven digits: the sub-second part in 100 ns units. */
  readonly ticks: string;
}

/** Text that is not an ISO-8601 UTC instant. */
export class InstantSyntaxError extends Error {
  override name = 'InstantSyntaxError';
}

/**
 * Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (one to nine fraction digits). The fraction becomes
 * seven digits: shorter ones are padded with zeros, digits past the seventh are dropped (they
 * are below Windows' resolution). Undefined for anything else, including impossible dates.
 */
export function parseUtcInstant(text: string): UtcInstant | undefined {
  const match = UTC_INSTANT.exec(text);
  if (match === null) return undefined;

  const [, year, month, day, hour, minute, second, fraction = ''] = match;
  const parts = [year, month, day, hour, minute, second].map(Number);
  const epochSeconds = secondsFromParts(parts);
  if (epochSeconds === undefined) return undefined;

  return { epochSeconds, ticks: fraction.padEnd(FRACTION_DIGITS, '0').slice(0, FRACTION_DIGITS) };
}

/**
 * Formats instants in one zone. Build one per export or view and reuse it: it keeps the Intl
 * formatter and remembers each hour's offset, so a million rows cost a few thousand Intl calls.
 */
export class ZonedTimeFormatter {
  /** The resolved IANA name, as shown in headers: 'UTC', 'Europe/Berlin', ... */
  readonly zone: string;
  readonly #wallClock: Intl.DateTimeFormat | undefined;
  readonly #hourOffsets = new Map<number, number>();

  /** Throws TimeZoneError when the choice is not 'UTC', 'local' or a zone Intl knows. */
  constructor(choice: TimeZoneChoice = 'UTC') {
    this.zone = resolveTimeZone(choice);
    this.#wallClock = this.zone === 'UTC' ? undefined : wallClockFormat(this.zone);
  }

  /**
   * An ISO-8601 UTC instant in this zone, seven fraction digits and the numeric offset
   * (`Z` for UTC). Throws InstantSyntaxError for text that is not such an instant.
   */
  format(isoUtc: string): string {
    const text = this.tryFormat(isoUtc);
    if (text === undefined) throw badInstant(isoUtc);
    return text;
  }

  /** Like format, but undefined instead of an error for text that is not an instant. */
  tryFormat(isoUtc: string): string | undefined {
    const instant = parseUtcInstant(isoUtc);
    if (instant === undefined) return undefined;

    // In UTC the date and time are the input's own; only the fraction is normalised.
    if (this.#wallClock === undefined) return `${isoUtc.slice(0, 19)}.${instant.ticks}Z`;

    const offset = this.offsetSeconds(instant.epochSeconds);
    return `${wallClockText(instant.epochSeconds + offset)}.${instant.ticks}${offsetText(offset)}`;
  }

  /** The zone's offset from UTC, in seconds, at an instant (whole seconds since 1970). */
  offsetSeconds(epochSeconds: number): number {
    const wallClock = this.#wallClock;
    if (wallClock === undefined) return 0;

    const hour = Math.floor(epochSeconds / SECONDS_PER_HOUR);
    const known = this.#hourOffsets.get(hour);
    if (known !== undefined) return known;

    return this.#offsetInHour(wallClock, hour, epochSeconds);
  }

  /**
   * Asks Intl for the offset at both ends of the hour. When they agree the whole hour has that
   * offset and is remembered; when they differ a change happens inside it (Lord Howe moves on
   * the half hour) and the instant is asked about on its own.
   * (This assumes no zone changes its offset twice within one hour; none in the tz data does.)
   */
  #offsetInHour(wallClock: Intl.DateTimeFormat, hour: number, epochSeconds: number): number {
    const start = hour * SECONDS_PER_HOUR;
    const atStart = zoneOffset(wallClock, start);
    const atEnd = zoneOffset(wallClock, start + SECONDS_PER_HOUR - 1);
    if (atStart !== atEnd) return zoneOffset(wallClock, epochSeconds);

    if (this.#hourOffsets.size >= OFFSET_CACHE_LIMIT) this.#hourOffsets.clear();
    this.#hourOffsets.set(hour, atStart);
    return atStart;
  }
}

/**
 * One instant in one zone; see ZonedTimeFormatter.format. Builds a formatter per call, so use a
 * ZonedTimeFormatter directly for many instants.
 */
export function formatInstant(isoUtc: string, zone: TimeZoneChoice = 'UTC'): string {
  return new ZonedTimeFormatter(zone).format(isoUtc);
}

/** `+HH:MM`, or `+HH:MM:SS` for the odd historical offset with seconds (local mean time). */
export function offsetText(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const total = Math.abs(offsetSeconds);
  const hours = pad(Math.floor(total / 3600), 2);
  const minutes = pad(Math.floor((total % 3600) / 60), 2);
  const seconds = total % 60;
  return seconds === 0
    ? `${sign}${hours}:${minutes}`
    : `${sign}${hours}:${minutes}:${pad(seconds, 2)}`;
}

function wallClockFormat(zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** Offset in seconds: the zone's wall clock at the instant, read as if UTC, minus the instant. */
function zoneOffset(wallClock: Intl.DateTimeFormat, epochSeconds: number): number {
  const parts = wallClock.formatToParts(new Date(epochSeconds * 1000));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value);

  const fields = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
  const wall = secondsFromParts(fields.map(part));
  if (wall === undefined) throw new Error(`Intl gave no wall clock for ${epochSeconds}`);
  return wall - epochSeconds;
}

/** Seconds since 1970 for calendar parts, or undefined when they name no real date and time. */
function secondsFromParts(parts: readonly number[]): number | undefined {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;

  // Date.UTC reads years 0-99 as 1900-1999, so those take the slower exact path.
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime() / 1000;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

/** `YYYY-MM-DDTHH:MM:SS` of whole seconds since 1970, the year padded to at least four digits. */
function wallClockText(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  const year = date.getUTCFullYear();
  if (year >= 0 && year <= 9999) return date.toISOString().slice(0, 19);

  const day = `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  const time = `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  return `${day}T${time}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function badInstant(text: string): InstantSyntaxError {
  const shown = text.length > 64 ? `${text.slice(0, 64)}…` : text;
  return new InstantSyntaxError(
    `Cannot format time '${shown}': expected ISO-8601 UTC such as 2024-05-01T12:00:00.1234567Z`,
  );
}
