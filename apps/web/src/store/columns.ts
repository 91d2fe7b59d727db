/**
 * The columns the table can show: the System fields every event has, then every EventData
 * field seen. System keys are the hunt engine's field names (plus `level`), so a key means the
 * same thing in the table, in a filter and in a pivot; a data field of the same name is
 * shadowed, as it is in the engine.
 */

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
] as const;

/** The key of one System column. */
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number];

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
}

const LABELS: Readonly<Record<SystemColumn, string>> = {
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
  return LABELS[key];
}

const LEVEL_NAMES = ['Information', 'Critical', 'Error', 'Warning', 'Information', 'Verbose'];

/** The name Event Viewer shows for a level; 0 (LogAlways) shows as Information, as there. */
export function levelName(level: number): string {
  return LEVEL_NAMES[level] ?? `Level ${level}`;
}

/** Where a level sorts: by severity, with 0 beside 4 since both show as Information. */
export function levelRank(level: number): number {
  return level === 0 ? 4 : level;
}
