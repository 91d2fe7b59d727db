/**
 * The time-part modifiers (minute, hour, day, week, month, year): a number taken from a date
 * field. Sysmon writes `2024-03-05 14:07:09.123` (UtcTime), the System header ISO-8601 with a
 * `Z`; both are read as UTC, as the specification warns no zone conversion is made.
 */
import type { TimePart } from './modifiers.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/;

/** The part of the date as decimal text, or undefined when the value is no date. */
export function timePart(value: string, part: TimePart): string | undefined {
  const match = DATE.exec(value.trim());
  if (match === null) return undefined;

  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  switch (part) {
    case 'minute':
      return String(minute);
    case 'hour':
      return String(hour);
    case 'day':
      return String(day);
    case 'month':
      return String(month);
    case 'year':
      return String(year);
    case 'week':
      return String(isoWeek(year, month, day));
  }
}

/** The ISO-8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  firstThursday.setUTCDate(firstThursday.getUTCDate() - firstWeekday + 3);
  return 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
}
