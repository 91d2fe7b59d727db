/**
 * Which exporter wrote a JSON record, told from its keys, and the record it gives. Every
 * record is looked at alone, so one file may mix shapes (as merged collections do).
 */
import type { ImportedRecord } from '../types.js';
import { beatLayout, beatRecord } from './beats.js';
import { eventJsonRecord, eventRoot } from './event-json.js';
import { isNxlog, isSentinel, nxlogRecord, sentinelRecord } from './flat.js';
import { isObject, type JsonValue } from './json-parse.js';
import { isOwnDump, isOwnTimesketch, ownDumpRecord, ownTimesketchRecord } from './own.js';

/** The record for one parsed JSON value, or why it is none. */
export function jsonRecord(
  value: JsonValue,
  file: string | undefined,
  position: number,
): ImportedRecord | { readonly problem: string } {
  if (!isObject(value)) return { problem: 'not a JSON object' };

  const event = eventRoot(value);
  if (event) return eventJsonRecord(value, event, file, position);
  const beat = beatLayout(value);
  if (beat) return beatRecord(value, beat, file, position);
  if (isSentinel(value)) return sentinelRecord(value, file, position);
  if (isOwnTimesketch(value)) return ownTimesketchRecord(value, file, position);
  if (isOwnDump(value)) return ownDumpRecord(value, file, position);
  if (isNxlog(value)) return nxlogRecord(value, file, position);
  return { problem: 'JSON object of no known event shape (no Event.System, winlog, EventID)' };
}
