/**
 * Checking field names against the fields Sysmon writes (SYSMON_EVENT_FIELDS in docs/), so a typo such
 * as `Imag` is said out loud instead of silently counting as an absent field.
 */
import { sysmonFieldNames } from '../docs/sysmon-fields.js';

/** A field name Sysmon never writes for an Event ID, and the field it was probably meant as. */
export interface UnknownField {
  readonly name: string;
  readonly suggestion?: string;
}

/** Most edits (insert, delete, replace one character) between a typo and its suggestion. */
export const SUGGESTION_MAX_EDITS = 2;

/** Names longer than this get no suggestion: no field is that long, and it bounds the work. */
const SUGGESTION_NAME_LIMIT = 64;

/** The fields Sysmon writes for `eventId`, or undefined for an Event ID it does not write. */
export function sysmonEventFields(eventId: number): readonly string[] | undefined {
  return sysmonFieldNames(eventId);
}

/**
 * The names among `names` that Sysmon never writes for `eventId` (names are case-sensitive),
 * each with the closest real field when one is near; empty for an Event ID without fields.
 */
export function unknownEventFields(eventId: number, names: Iterable<string>): UnknownField[] {
  const fields = sysmonEventFields(eventId);
  if (fields === undefined) return [];

  const unknown: UnknownField[] = [];
  for (const name of names) {
    if (fields.includes(name)) continue;

    const suggestion = closestField(name, fields);
    unknown.push(suggestion === undefined ? { name } : { name, suggestion });
  }
  return unknown;
}

/** The field spelt the same but for case, else the nearest within SUGGESTION_MAX_EDITS. */
function closestField(name: string, fields: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameLetters = fields.find((field) => field.toLowerCase() === lower);
  if (sameLetters !== undefined || name.length > SUGGESTION_NAME_LIMIT) return sameLetters;

  let best: string | undefined;
  let bestEdits = SUGGESTION_MAX_EDITS + 1;
  for (const field of fields) {
    const edits = editDistance(lower, field.toLowerCase());
    if (edits < bestEdits) [best, bestEdits] = [field, edits];
  }
  return best;
}

/** Levenshtein distance by the two-row table: (a.length + 1) x (b.length + 1) steps. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);

  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(replace, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
