/**
 * The columns the table can show: the System fields every event has, then every EventData
 * field seen. System keys are the hunt engine's field names (plus `level` and the query's
 * `System.*` names for the rest of System), so a key means the same thing in the table, in a
 * filter and in a pivot; a data field of the same name is shadowed, as it is in the engine.
 */
import { SYSTEM_EXTRA_NAMES, type SystemExtraField } from '@evtxhunt/hunt';

/** System columns, in the order the column chooser lists them. */
export const SYSTEM_COLUMNS = [
  'timeCreated',
  'file',
  'recordId',
  'eventId',
  'level',
  'provider',
  'channel',
  'computer',
  ...SYSTEM_EXTRA_NAMES,
] as const;

/** The key of one System column. */
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number] | SystemExtraField;

/** The index of an extra System column in SYSTEM_EXTRA_NAMES, or -1 for any other key. */
export function extraIndex(key: string): number {
  return (SYSTEM_EXTRA_NAMES as readonly string[]).indexOf(key);
}

/** True when `key` is one of the extra System columns (`System.Task`, ...). */
export function isExtraColumn(key: string): key is SystemExtraField {
  return extraIndex(key) >= 0;
}

/** What the table needs to know of a column. */
export interface ColumnInfo {
  readonly key: string;
  /** The header text. */
  readonly label: string;
  readonly system: boolean;
  /** True when the column sorts as numbers. */
  readonly numeric: boolean;
  /** Rows that have a value in this column. */
  readonly rows: number;
  /** For the time column: the zone its cells are shown in; UTC when absent. */
  readonly zone?: string;
}

const LABELS: Readonly<Record<Exclude<SystemColumn, SystemExtraField>, string>> = {
  timeCreated: 'Time (UTC)',
  file: 'Source',
  recordId: 'Record ID',
  eventId: 'Event ID',
  level: 'Level',
  provider: 'Provider',
  channel: 'Channel',
  computer: 'Computer',
};

/** True when `key` names a System column. */
export function isSystemColumn(key: string): key is SystemColumn {
  return (SYSTEM_COLUMNS as readonly string[]).includes(key);
}

/** The header text of a System column. */
export function systemLabel(key: SystemColumn): string {
  return isExtraColumn(key) ? key : LABELS[key];
}

/** The name Event Viewer shows for a level, the query's own: 0 (LogAlways) is Information. */
export { levelName } from '@evtxhunt/hunt';

/** Where a level sorts: by severity, with 0 beside 4 since both show as Information. */
export function levelRank(level: number): number {
  return level === 0 ? 4 : level;
}
