/**
 * A streaming CSV writer for event records: one header, then one line per record, each handed
 * back as a string so the caller decides where it goes (a Blob in the browser, a file in the
 * CLI). RFC 4180 quoting, CRLF by default, an optional UTF-8 byte order mark for Excel, and
 * formula neutralisation on by default (see formula.ts). Columns are exactly the ones asked for,
 * in that order; a record without a field gets an empty cell. Time columns are shown in the
 * chosen zone, and the header says which zone (`timeCreated (UTC)`).
 */
import { fieldValues } from '../fields.js';
import { parseIsoTime } from '../events/time.js';
import type { EventRecord } from '../record.js';
import { ZonedTimeFormatter } from '../time-zone/format.js';
import type { TimeZoneChoice } from '../time-zone/zone.js';
import { describeFormulaNeutralisation, neutraliseFormula } from './formula.js';

/** One output column. */
export interface CsvColumn {
  /** A System field (eventId, timeCreated, ...) or an event data field name (Image, ...). */
  readonly field: string;
  /** Header text; the field name when absent. */
  readonly label?: string;
  /** 'time' shows the value in the chosen zone and names the zone in the header. */
  readonly kind?: 'text' | 'time';
}

/** How to write. Only `columns` is required. */
export interface CsvOptions {
  /** Field names or column descriptions, in output order. */
  readonly columns: readonly (string | CsvColumn)[];
  /** Zone for time columns: 'UTC' (default), 'local' or an IANA name. */
  readonly timeZone?: TimeZoneChoice;
  /** '\r\n' as RFC 4180 says (default), or '\n'. */
  readonly lineEnding?: '\r\n' | '\n';
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8 (default false). */
  readonly byteOrderMark?: boolean;
  /** Make formula-like cells inert (default true). */
  readonly neutraliseFormulas?: boolean;
  /** Write a first line saying how formulas were neutralised (default false). */
  readonly noteLine?: boolean;
  /** Joins the values of a field that repeats in one record (default a line feed). */
  readonly valueSeparator?: string;
}

/** Fields shown as times unless a column says otherwise. */
export const DEFAULT_TIME_FIELDS: ReadonlySet<string> = new Set([
  'timeCreated',
  'UtcTime',
  'CreationUtcTime',
  'PreviousCreationUtcTime',
]);

const BYTE_ORDER_MARK = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;

interface ResolvedColumn {
  readonly field: string;
  readonly header: string;
  readonly time: boolean;
}

/** Writes records as CSV text, one call per line; counts the cells it neutralised. */
export class CsvWriter {
  readonly #columns: readonly ResolvedColumn[];
  readonly #formatter: ZonedTimeFormatter;
  readonly #lineEnding: string;
  readonly #options: CsvOptions;
  #neutralised = 0;

  /** Throws TimeZoneError for an unknown zone and RangeError for an empty column list. */
  constructor(options: CsvOptions) {
    if (options.columns.length === 0) throw new RangeError('CSV export needs at least one column');

    this.#options = options;
    this.#formatter = new ZonedTimeFormatter(options.timeZone ?? 'UTC');
    this.#lineEnding = options.lineEnding ?? '\r\n';
    this.#columns = options.columns.map((column) => resolveColumn(column, this.#formatter.zone));
  }

  /** The zone time columns are written in (resolved IANA name). */
  get timeZone(): string {
    return this.#formatter.zone;
  }

  /** Cells changed by formula neutralisation so far, header included. */
  get neutralisedCells(): number {
    return this.#neutralised;
  }

  /** Everything before the first record: byte order mark, note line if asked, header line. */
  preamble(): string {
    const bom = this.#options.byteOrderMark === true ? BYTE_ORDER_MARK : '';
    const note = this.#options.noteLine === true ? this.#line([noteText(this.#options)]) : '';
    const header = this.#line(this.#columns.map((column) => column.header));
    return `${bom}${note}${header}`;
  }

  /** One record as one CSV line, line ending included. */
  row(record: EventRecord): string {
    return this.#line(this.#columns.map((column) => this.#cellText(record, column)));
  }

  /** A sentence for the export's note: how formulas were neutralised and how many cells. */
  note(): string {
    if (this.#options.neutraliseFormulas === false) return 'Formula neutralisation was off.';
    return describeFormulaNeutralisation(this.#neutralised);
  }

  #cellText(record: EventRecord, column: ResolvedColumn): string {
    const values = fieldValues(record, column.field);
    const shown = column.time ? values.map((value) => this.#timeText(value)) : values;
    return shown.join(this.#options.valueSeparator ?? '\n');
  }

  /**
   * A time in the chosen zone: ISO UTC (timeCreated), Sysmon's `YYYY-MM-DD HH:MM:SS.mmm` (UTC)
   * or ISO with an offset. Text that is not a time is written as it is.
   */
  #timeText(value: string): string {
    const direct =
      this.#formatter.tryFormat(value) ?? this.#formatter.tryFormat(sysmonAsIso(value));
    if (direct !== undefined) return direct;

    const time = parseIsoTime(value);
    return (time && this.#formatter.tryFormat(time.iso)) ?? value;
  }

  #line(cells: readonly string[]): string {
    return `${cells.map((cell) => this.#field(cell)).join(',')}${this.#lineEnding}`;
  }

  #field(text: string): string {
    const safe = this.#options.neutraliseFormulas === false ? text : neutraliseFormula(text);
    if (safe !== text) this.#neutralised += 1;
    return quoteCsvField(safe);
  }
}

/**
 * Every line of a CSV export, preamble first, one string per record after it. A generator, so a
 * caller can stop early or interleave other work; nothing is kept between records.
 */
export function* csvLines(records: Iterable<EventRecord>, options: CsvOptions): Generator<string> {
  const writer = new CsvWriter(options);
  yield writer.preamble();

  for (const record of records) yield writer.row(record);
}

/** RFC 4180 quoting: a field with a comma, quote, CR or LF is quoted, inner quotes doubled. */
export function quoteCsvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Sysmon's UTC form (`2024-05-01 10:00:00.123`) written as ISO, for the formatter to check. */
function sysmonAsIso(value: string): string {
  return value[10] === ' ' ? `${value.slice(0, 10)}T${value.slice(11)}Z` : value;
}

function resolveColumn(column: string | CsvColumn, zone: string): ResolvedColumn {
  const spec = typeof column === 'string' ? { field: column } : column;
  const time = (spec.kind ?? (DEFAULT_TIME_FIELDS.has(spec.field) ? 'time' : 'text')) === 'time';
  const label = spec.label ?? spec.field;
  return { field: spec.field, header: time ? `${label} (${zone})` : label, time };
}

function noteText(options: CsvOptions): string {
  const how =
    options.neutraliseFormulas === false
      ? 'Formula neutralisation: off.'
      : describeFormulaNeutralisation();
  return `# ${how}`;
}
