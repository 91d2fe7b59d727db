/**
 * System fields the parser's records carry beyond the record contract: the Level, and the rest
 * of System (keywords, task, opcode, the Security, Execution and Correlation attributes...).
 * Queries name them as `System.<name in the event XML>`, so they never shadow an event data
 * field of the same name (Sysmon's `Version` and `ProcessId`, the `Task` of some events).
 */

/** The query name of each extra System field, with the parser record's property for it. */
export const SYSTEM_EXTRA_FIELDS = {
  'System.Keywords': 'keywords',
  'System.Task': 'task',
  'System.Opcode': 'opcode',
  'System.Version': 'version',
  'System.Qualifiers': 'qualifiers',
  'System.UserID': 'userId',
  'System.ProcessID': 'processId',
  'System.ThreadID': 'threadId',
  'System.ActivityID': 'activityId',
  'System.RelatedActivityID': 'relatedActivityId',
  'System.ProviderGuid': 'providerGuid',
} as const;

/** The query name of an extra System field. */
export type SystemExtraField = keyof typeof SYSTEM_EXTRA_FIELDS;

/** The extra System fields' query names, in the order columns and exports list them. */
export const SYSTEM_EXTRA_NAMES = Object.keys(SYSTEM_EXTRA_FIELDS) as readonly SystemExtraField[];

/** The optional System properties of a parser record, as the parser's JSON names them. */
export type SystemExtras = {
  readonly [K in SystemExtraField as (typeof SYSTEM_EXTRA_FIELDS)[K]]?: string | number;
};

/** True when `name` is the query name of an extra System field. */
export function isSystemExtraField(name: string): name is SystemExtraField {
  return Object.hasOwn(SYSTEM_EXTRA_FIELDS, name);
}

/** The text of extra System field `name` in `record`, undefined when the event has none. */
export function systemExtraText(record: SystemExtras, name: SystemExtraField): string | undefined {
  const value = record[SYSTEM_EXTRA_FIELDS[name]];
  return value === undefined ? undefined : String(value);
}

const LEVEL_NAMES = ['Information', 'Critical', 'Error', 'Warning', 'Information', 'Verbose'];

/** The name Event Viewer shows for a level; 0 (LogAlways) shows as Information, as there. */
export function levelName(level: number): string {
  return LEVEL_NAMES[level] ?? `Level ${level}`;
}

/** A level as a query sees it: its number and its name, so `level:4` and `level:Information`. */
export function levelValues(level: number): readonly string[] {
  return [String(level), levelName(level)];
}
