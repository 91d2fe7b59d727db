/**
 * The plain record contract the engine works on. The parser's structured records satisfy it,
 * and so will records read from other formats (XML, JSON, CSV); the engine never imports a
 * parser.
 */

/** A field value: one string, or every value in order when a name repeats. */
export type FieldValue = string | readonly string[];

/** One event, as plain data. */
export interface EventRecord {
  /** Where the record came from (a path or a file name); absent for in-memory data. */
  readonly file?: string;
  /** EventRecordID as a decimal string, exact at 64 bits. */
  readonly recordId: string;
  /** System/TimeCreated/@SystemTime, ISO-8601 UTC with seven fraction digits and `Z`. */
  readonly timeCreated: string | undefined;
  readonly eventId: number;
  readonly provider: string;
  readonly channel: string;
  readonly computer: string;
  /**
   * EventData/UserData fields by name, in document order. Unnamed `Data` elements are kept, in
   * order, under the name `Data`; a name seen more than once keeps every value as an array.
   */
  readonly data: Readonly<Record<string, FieldValue>>;
  /**
   * True for a record the parser found where no chunk header vouches for it (a destroyed chunk,
   * past damage, unused chunk space, an id outside its chunk's range): evidence resting on it
   * says so.
   */
  readonly recovered?: boolean;
}

/** A record's System facts (and source), without its data fields. */
export type RecordFacts = Omit<EventRecord, 'data'>;

/**
 * Data field names a reader asks a FieldSourceRecord for: the same array object every time for
 * the same kind of event, so a source can prepare, once per list, how to read them.
 */
export type FieldNames = readonly string[];

/**
 * A record whose System facts are read but whose data fields are read only by name (the
 * parser's records, adapted by the CLI: decoding every field of every event cost a quarter of a
 * hunt). `withFields(names)` gives the record whose `data` holds each of `names` the event has
 * (and maybe others); the engine asks for what it reads of the event's kind. `dataValues()`
 * lists every data value whatever its name, for a search of the whole event (Sigma keywords).
 */
export interface FieldSourceRecord extends RecordFacts {
  withFields(names: FieldNames): EventRecord;
  /** Every data value of the event, in document order: each value of a repeated name. */
  dataValues(): readonly string[];
}

/** True for a record that reads its fields by name. */
export function isFieldSource(
  record: EventRecord | FieldSourceRecord,
): record is FieldSourceRecord {
  return 'withFields' in record;
}

/** Every value of a record's data, in its order: each value of a repeated name. */
export function valuesOf(data: Readonly<Record<string, FieldValue>>): string[] {
  return Object.values(data).flat();
}

/** The first value of a field, or undefined when the record has none. */
export function fieldText(record: EventRecord, name: string): string | undefined {
  const value: unknown = record.data[name];
  if (typeof value === 'string') return value;
  // Own fields only: a plain-object record must not answer `constructor` with Object's. What a
  // prototype holds is never a string or an array, so only an array needs the check, and the
  // common string field costs one lookup rather than two.
  if (!Array.isArray(value) || !Object.hasOwn(record.data, name)) return undefined;
  return (value as readonly string[])[0];
}

/** The System facts a lazy record is made with, wherever they were read from. */
export interface SystemFacts {
  readonly recordId: string;
  readonly timeCreated: string | undefined;
  readonly eventId: number;
  readonly provider: string;
  readonly channel: string;
  readonly computer: string;
}

const NO_FIELDS: Readonly<Record<string, FieldValue>> = Object.freeze({});

/**
 * A FieldSourceRecord whose facts are set once and whose data fields are read only when a
 * reader names them: a subclass says, in readFields(), how they are read from where the record
 * lives (the parser's record in the CLI, a columnar batch in the browser's hunt worker).
 */
export abstract class LazyFieldRecord implements FieldSourceRecord, EventRecord {
  readonly recordId: string;
  readonly timeCreated: string | undefined;
  readonly eventId: number;
  readonly provider: string;
  readonly channel: string;
  readonly computer: string;
  /** Present (true) only for a recovered record, as the parser's structured records flag it. */
  declare readonly recovered?: true;
  /** The fields of the last withFields() call. */
  data: Readonly<Record<string, FieldValue>> = NO_FIELDS;

  constructor(
    readonly file: string,
    facts: SystemFacts,
    recovered: boolean,
  ) {
    this.recordId = facts.recordId;
    this.timeCreated = facts.timeCreated;
    this.eventId = facts.eventId;
    this.provider = facts.provider;
    this.channel = facts.channel;
    this.computer = facts.computer;
    if (recovered) this.recovered = true;
  }

  withFields(names: FieldNames): EventRecord {
    this.data = this.readFields(names);
    return this;
  }

  /** Each of `names` the record has (and maybe others). */
  protected abstract readFields(names: FieldNames): Readonly<Record<string, FieldValue>>;

  /** Every data value of the event, whatever its name (see FieldSourceRecord). */
  abstract dataValues(): readonly string[];
}
