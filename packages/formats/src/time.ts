/**
 * Times as exports write them, turned into the parser's form: ISO-8601 UTC with seven fraction
 * digits and `Z`. Fractions are carried as digits, never through a float, so 100-ns precision
 * survives; a time zone in the text is honoured and the time moved to UTC.
 */

/** Date, time, optional fraction (up to 9 digits), optional zone: `Z`, `+02:00`, `-0400`. */
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Seconds since 1970 with an optional fraction, as Velociraptor writes SystemTime. */
const EPOCH_SECONDS = /^(\d{1,11})(?:\.(\d{1,9}))?$/;

/** Latest year a time may name; anything past it is taken as garbage, not a date. */
const MAX_YEAR = 9999;

/**
 * The time in UTC, or undefined when `text` is no time this package knows. `zoneMinutes` is the
 * offset from UTC assumed for a time that names no zone (0: the text is UTC already).
 */
export function utcTime(text: string, zoneMinutes = 0): string | undefined {
  const trimmed = text.trim();
  const iso = ISO_LIKE.exec(trimmed);
  if (iso) return fromParts(iso, zoneMinutes);

  const epoch = EPOCH_SECONDS.exec(trimmed);
  if (epoch) return fromEpoch(epoch[1] ?? '0', epoch[2] ?? '');
  return undefined;
}

function fromParts(match: RegExpExecArray, zoneMinutes: number): string | undefined {
  const [, year, month, day, hour, minute, second, fraction = '', zone] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!validFields(fields)) return undefined;

  const offset = zone === undefined ? zoneMinutes : zoneOffset(zone);
  const [y, mo, d, h, mi, s] = fields;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
  return isoSeconds(ms, fraction);
}

function validFields([year, month, day, hour, minute, second]: readonly number[]): boolean {
  if (year === undefined || year > MAX_YEAR || month === undefined || day === undefined)
    return false;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  return (hour ?? 0) < 24 && (minute ?? 0) < 60 && (second ?? 0) < 61;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Minutes east of UTC for `Z`, `+02:00` or `-0400`. */
function zoneOffset(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

function fromEpoch(seconds: string, fraction: string): string | undefined {
  const ms = Number(seconds) * 1000;
  if (!Number.isSafeInteger(ms)) return undefined;
  return isoSeconds(ms, fraction);
}

/** `ms` (whole seconds since 1970) as ISO text, with the fraction digits padded to seven. */
function isoSeconds(ms: number, fraction: string): string | undefined {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > MAX_YEAR) return undefined;

  // TODO: digits past the seventh (nanoseconds) are cut, not rounded: Windows keeps 100 ns.
  const digits = fraction.padEnd(7, '0').slice(0, 7);
  return `${date.toISOString().slice(0, 19)}.${digits}Z`;
}

/**
 * The offset of local time from UTC, in minutes, worked out from one moment written both ways
 * (NXLog's EventReceivedTime, local and zoneless, beside Logstash's UTC @timestamp), rounded to
 * the quarter hour every real zone is a multiple of. Undefined when either cannot be read or
 * the offset is beyond the ±14 hours zones span.
 */
export function zoneFromPair(local: string, utc: string): number | undefined {
  const localIso = utcTime(local, 0);
  const utcIso = utcTime(utc, 0);
  if (localIso === undefined || utcIso === undefined) return undefined;

  const minutes = (Date.parse(localIso) - Date.parse(utcIso)) / 60_000;
  const quarters = Math.round(minutes / 15) * 15;
  return Math.abs(quarters) <= 14 * 60 ? quarters : undefined;
}
