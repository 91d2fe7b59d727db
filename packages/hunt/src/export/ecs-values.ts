/**
 * Event data values made fit for ECS's typed fields. Every value is attacker text: a number is
 * taken only when it is a plain decimal (or the `0x` hex Security events write) in range, an
 * address only when it parses as one, so a hostile value never makes a bulk request fail; it
 * stays, exact, in `winlog.event_data`.
 */
import type { FieldValue } from '../record.js';
import { parseIp } from '../net/ip.js';

/** The value when the field holds one text; a repeated field is left to event_data. */
export function singleText(value: FieldValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The value, or undefined when it says "none": Security events write `-` for a name or an
 * address they do not have.
 */
export function presentText(value: FieldValue | undefined): string | undefined {
  const text = singleText(value);
  return text === '-' || text === '' ? undefined : text;
}

/** A plain decimal up to `max` as a number. */
export function decimalNumber(text: string | undefined, max: number): number | undefined {
  if (text === undefined || !/^\d{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

/** A decimal or `0x` hex number up to `max` (Security events write ids as `0x1a4`). */
export function idNumber(text: string | undefined, max: number): number | undefined {
  if (text === undefined || !/^0x[0-9a-f]{1,8}$/i.test(text)) return decimalNumber(text, max);
  const value = Number.parseInt(text.slice(2), 16);
  return value <= max ? value : undefined;
}

/** The address in canonical form when the text is one, without a zone ECS's ip type refuses. */
export function ipText(text: string | undefined): string | undefined {
  const ip = text === undefined ? undefined : parseIp(text);
  return ip === undefined || ip.zone !== undefined ? undefined : ip.text;
}

/** The last part of a Windows path. */
export function baseName(path: string | undefined): string | undefined {
  return path?.slice(path.lastIndexOf('\\') + 1);
}
