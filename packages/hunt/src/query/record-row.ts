/**
 * Queries over EventRecord: a reusable row cursor that reads System fields through fields.ts
 * and data fields by exact name, then ignoring case, and a filter built on it.
 */
import { fieldValues, isSystemField } from '../fields.js';
import type { EventRecord, FieldValue } from '../record.js';
import type { QueryNode } from './ast.js';
import { compileQuery, type QueryRow } from './compile.js';
import {
  SYSTEM_EXTRA_NAMES,
  isSystemExtraField,
  levelValues,
  systemExtraText,
  type SystemExtras,
} from './parser-fields.js';

/**
 * A record with the optional System fields the parser's records carry: Level and the rest.
 * TODO: they are not part of EventRecord or SYSTEM_FIELDS yet, so only records that happen to
 * carry them (the parser's) can be queried by them; other sources answer as if they were absent.
 */
export type QueryableRecord = EventRecord & { readonly level?: number } & SystemExtras;

/**
 * The query's name for the parser's flag on a recovered record (`recovered:true`,
 * `-recovered:true`), as the workbench reads it: `true` or `false`, hiding a data field of that
 * name as System fields do.
 */
export const RECOVERED_FIELD = 'recovered';

/** One record seen as a QueryRow; point `record` at the next one to reuse the cursor. */
export class EventRecordRow implements QueryRow {
  record: QueryableRecord;
  private readonly lowerNames = new Map<string, string>();

  constructor(record: QueryableRecord) {
    this.record = record;
  }

  field(name: string): FieldValue | undefined {
    const record = this.record;
    if (name === 'level') return record.level === undefined ? undefined : levelValues(record.level);
    if (name === 'file') return fileValues(record.file);
    if (name === RECOVERED_FIELD) return record.recovered === true ? 'true' : 'false';
    if (isSystemExtraField(name)) return systemExtraText(record, name);
    if (isSystemField(name)) return fieldValues(record, name)[0];
    const own = Object.hasOwn(record.data, name) ? record.data[name] : undefined;
    return own ?? this.dataIgnoringCase(name);
  }

  someValue(test: (value: string) => boolean): boolean {
    const record = this.record;
    if (someSystemValue(record, test)) return true;

    for (const value of Object.values(record.data)) {
      if (typeof value === 'string' ? test(value) : value.some(test)) return true;
    }
    return false;
  }

  private dataIgnoringCase(name: string): FieldValue | undefined {
    const lower = this.lowerName(name);
    // Names are XML names, whose lower case has the same length; comparing lengths first is cheap.
    for (const key of Object.keys(this.record.data)) {
      if (key.length === lower.length && key.toLowerCase() === lower) return this.record.data[key];
    }
    return undefined;
  }

  private lowerName(name: string): string {
    let lower = this.lowerNames.get(name);
    if (lower === undefined) {
      lower = name.toLowerCase();
      this.lowerNames.set(name, lower);
    }
    return lower;
  }
}

/** A filter over records for a parsed query; it reuses one cursor, so call it from one place. */
export function queryFilter(ast: QueryNode): (record: QueryableRecord) => boolean {
  const predicate = compileQuery(ast);
  const row = new EventRecordRow(NO_RECORD);
  return (record) => {
    row.record = record;
    return predicate(row);
  };
}

const NO_RECORD: QueryableRecord = Object.freeze({
  recordId: '',
  timeCreated: undefined,
  eventId: 0,
  provider: '',
  channel: '',
  computer: '',
  data: Object.freeze({}),
});

function someSystemValue(record: QueryableRecord, test: (value: string) => boolean): boolean {
  return (
    test(String(record.eventId)) ||
    test(record.provider) ||
    test(record.channel) ||
    test(record.computer) ||
    test(record.recordId) ||
    (record.timeCreated !== undefined && test(record.timeCreated)) ||
    (record.file !== undefined && test(record.file)) ||
    (record.level !== undefined && levelValues(record.level).some(test)) ||
    SYSTEM_EXTRA_NAMES.some((name) => {
      const text = systemExtraText(record, name);
      return text !== undefined && test(text);
    })
  );
}

/**
 * A source file as a query sees it: its path and its base name, so `file:Security.evtx`
 * matches wherever the file was read from, as in the workbench, which knows only base names.
 */
function fileValues(file: string | undefined): FieldValue | undefined {
  if (file === undefined) return undefined;
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return base === file ? file : [file, base];
}
