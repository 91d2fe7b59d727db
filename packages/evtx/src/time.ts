/** Windows time values rendered as ISO-8601 UTC with seven fraction digits, exactly. */

/** Milliseconds between 1601-01-01 and 1970-01-01. */
const EPOCH_DELTA_MS = 11644473600000;

/**
 * Renders a FILETIME (100-ns ticks since 1601, as two 32-bit halves) without rounding: the
 * milliseconds go through `Date`, the remaining four digits are kept as an integer.
 */
export function filetimeToIso(low: number, high: number): string {
  // 2^32 = 429496 * 10^4 + 7296, so every step below stays under 2^53.
  const spill = high * 7296 + low;
  const ms = high * 429496 + Math.floor(spill / 10000);
  const subMs = spill % 10000;
  const date = new Date(ms - EPOCH_DELTA_MS);
  if (Number.isNaN(date.getTime())) return `FILETIME(0x${hex8(high)}${hex8(low)})`;
  return `${date.toISOString().slice(0, -1)}${subMs.toString().padStart(4, '0')}Z`;
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

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}
