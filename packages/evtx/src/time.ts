/** Windows time values rendered as ISO-8601 UTC with seven fraction digits, exactly. */

/** Milliseconds between 1601-01-01 and 1970-01-01. */
const EPOCH_DELTA_MS = 11644473600000;
const MS_PER_DAY = 86400000;
/** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
const DAYS_TO_1970_FROM_MARCH_0000 = 719468;

/**
 * Renders a FILETIME (100-ns ticks since 1601, as two 32-bit halves) without rounding: whole
 * milliseconds and the four digits below them are kept as separate integers.
 */
export function filetimeToIso(low: number, high: number): string {
  // 2^32 = 429496 * 10^4 + 7296, so every step below stays under 2^53.
  const spill = high * 7296 + low;
  const ms = high * 429496 + Math.floor(spill / 10000) - EPOCH_DELTA_MS;
  const days = Math.floor(ms / MS_PER_DAY);
  const date = civilDate(days);
  if (date < 0) return viaDate(low, high);

  // Below a day every quantity fits a 32-bit integer, so `| 0` truncates exactly.
  const inDay = ms - days * MS_PER_DAY;
  const seconds = (inDay / 1000) | 0;
  const minutes = (seconds / 60) | 0;
  const fraction = (inDay - seconds * 1000) * 10000 + (spill % 10000);
  const clock = ((minutes / 60) | 0) * 10000 + (minutes % 60) * 100 + (seconds % 60);
  return isoText(date, clock, fraction);
}

/**
 * `YYYY-MM-DDThh:mm:ss.fffffffZ` from the date and clock as decimal numbers (YYYYMMDD and
 * hhmmss) and the seven fraction digits, made as one string from its 28 characters: joining
 * pieces made a string per piece.
 */
function isoText(date: number, clock: number, fraction: number): string {
  const d = (value: number, unit: number) => 0x30 + (((value / unit) | 0) % 10);
  // prettier-ignore
  return String.fromCharCode(
    d(date, 1e7), d(date, 1e6), d(date, 1e5), d(date, 1e4), 0x2d, d(date, 1e3), d(date, 100),
    0x2d, d(date, 10), d(date, 1), 0x54,
    d(clock, 1e5), d(clock, 1e4), 0x3a, d(clock, 1e3), d(clock, 100), 0x3a, d(clock, 10),
    d(clock, 1), 0x2e,
    d(fraction, 1e6), d(fraction, 1e5), d(fraction, 1e4), d(fraction, 1e3), d(fraction, 100),
    d(fraction, 10), d(fraction, 1), 0x5a,
  );
}

/**
 * The date as the decimal number YYYYMMDD for a count of days since 1970-01-01 (Howard
 * Hinnant's civil-from-days), or -1 outside years 1000-9999, which ISO-8601 writes with a sign
 * and six digits.
 * From 1601 on every quantity is a non-negative 32-bit integer, so `| 0` is floor.
 */
function civilDate(days: number): number {
  const shifted = days + DAYS_TO_1970_FROM_MARCH_0000;
  if (shifted < 0 || shifted > 0x7fffffff) return -1;
  const era = (shifted / 146097) | 0;
  const dayOfEra = shifted - era * 146097;
  const yearOfEra =
    ((dayOfEra - ((dayOfEra / 1460) | 0) + ((dayOfEra / 36524) | 0) - ((dayOfEra / 146096) | 0)) /
      365) |
    0;
  const dayOfYear = dayOfEra - (365 * yearOfEra + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0));
  const monthFromMarch = ((5 * dayOfYear + 2) / 153) | 0;
  const day = dayOfYear - (((153 * monthFromMarch + 2) / 5) | 0) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1000 || year > 9999) return -1;
  return year * 10000 + month * 100 + day;
}

/** Years past 9999 are left to `Date`, which writes them as ISO-8601 does (`+060056-...`). */
function viaDate(low: number, high: number): string {
  const spill = high * 7296 + low;
  const ms = high * 429496 + Math.floor(spill / 10000);
  const date = new Date(ms - EPOCH_DELTA_MS);
  if (Number.isNaN(date.getTime())) return `FILETIME(0x${hex8(high)}${hex8(low)})`;
  return `${date.toISOString().slice(0, -1)}${(spill % 10000).toString().padStart(4, '0')}Z`;
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/** Renders the eight 16-bit SYSTEMTIME fields (day of week is ignored). */
export function systemtimeToIso(fields: readonly number[]): string {
  const [year = 0, month = 0, , day = 0, hour = 0, minute = 0, second = 0, ms = 0] = fields;
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return `${date}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(ms, 3)}0000Z`;
}

function pad(value: number, width: number): string {
  return value.toString().padStart(width, '0');
}
