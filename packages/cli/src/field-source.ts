/**
 * The parser's records as the hunt engine's FieldSourceRecord: the System facts read at once
 * and the data fields only by the names the engine asks for, each list read in one pass through
 * the record's template plan (EvtxRecord.pick) rather than by building the whole record.
 */
import {
  fieldsRead,
  LazyFieldRecord,
  valuesOf,
  type EventRecord,
  type FieldNames,
  type FieldSourceRecord,
  type FieldValue,
} from '@evtxhunt/hunt';
import {
  compileFieldPick,
  type EvtxRecord,
  type FieldPick,
  type PickedFields,
} from '@evtxhunt/evtx';

/** The System facts of the engine's record contract. */
const FACTS = ['recordId', 'timeCreated', 'eventId', 'provider', 'channel', 'computer'] as const;

/** A pick and its reused output. */
interface Reader {
  readonly pick: FieldPick;
  readonly out: PickedFields;
}

/** Makes FieldSourceRecords of one hunt's records; keeps one compiled pick per name list. */
export class EvtxFieldSource {
  readonly #facts: Reader = reader(compileFieldPick([], { system: FACTS }));
  readonly #readers = new Map<FieldNames, Reader>();

  /** The record, named as coming from `file`, with its System facts read. */
  record(record: EvtxRecord, file: string): FieldSourceRecord {
    const { pick, out } = this.#facts;
    record.pick(pick, out);
    return new PickedRecord(this, record, file, out);
  }

  /** The fields `names` of `record`, as a data object holding those the record has. */
  fields(record: EvtxRecord, names: FieldNames): Record<string, FieldValue> {
    const data: Record<string, FieldValue> = {};
    if (names.length === 0) return data;

    const { pick, out } = this.#reader(names);
    record.pick(pick, out);
    for (let slot = 0; slot < names.length; slot++) {
      const value = out.data[slot];
      if (value !== undefined) setField(data, names[slot]!, value);
    }
    return data;
  }

  #reader(names: FieldNames): Reader {
    let found = this.#readers.get(names);
    if (found === undefined) {
      found = reader(compileFieldPick(names));
      this.#readers.set(names, found);
    }
    return found;
  }
}

/** One record: its facts now, its data once the engine names the fields it reads. */
class PickedRecord extends LazyFieldRecord {
  readonly #source: EvtxFieldSource;
  readonly #record: EvtxRecord;

  constructor(source: EvtxFieldSource, record: EvtxRecord, file: string, facts: PickedFields) {
    super(file, facts, record.recovered);
    this.#source = source;
    this.#record = record;
  }

  protected readFields(names: FieldNames): Readonly<Record<string, FieldValue>> {
    return this.#source.fields(this.#record, names);
  }

  /** Every value, from the whole record: asked only by a search of the whole event. */
  dataValues(): readonly string[] {
    return valuesOf(this.#record.toStructured().data);
  }
}

/**
 * The record as plain data holding only the fields the engine reads of it: what a worker
 * thread sends the engine (a FieldSourceRecord cannot cross threads).
 */
export function plainRecord(record: FieldSourceRecord): EventRecord {
  const { data } = record.withFields(fieldsRead(record));
  const { file, recordId, timeCreated, eventId, provider, channel, computer } = record;
  const plain: EventRecord = { recordId, timeCreated, eventId, provider, channel, computer, data };
  const named = file === undefined ? plain : { file, ...plain };
  return record.recovered === true ? { ...named, recovered: true } : named;
}

function reader(pick: FieldPick): Reader {
  return { pick, out: pick.output() };
}

/** Sets a field; `__proto__` as a plain own field (plain assignment would set the prototype). */
function setField(data: Record<string, FieldValue>, name: string, value: FieldValue): void {
  if (name !== '__proto__') data[name] = value;
  else
    Object.defineProperty(data, name, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
}
