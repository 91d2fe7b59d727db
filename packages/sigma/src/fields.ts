/**
 * The fields one source's rules read, each given a slot when a rule is compiled, and the view of
 * one event through them: a field is read (and lower-cased) once per event however many rules
 * test it.
 */
import {
  parseIp,
  type EventRecord,
  type FieldNames,
  type FieldValue,
  type IpAddress,
} from '@evtxhunt/hunt';

import { own, type FieldMap } from './field-map.js';
import { baseNameOf } from './pattern.js';

/** Reads one Sigma field of an event. */
type SlotReader = (record: EventRecord) => FieldValue | undefined;

/** Sigma names of the System facts every event has. */
const SYSTEM_READERS: ReadonlyMap<string, SlotReader> = new Map<string, SlotReader>([
  ['EventID', (record) => String(record.eventId)],
  ['Channel', (record) => record.channel],
  ['Provider_Name', (record) => record.provider],
  ['Computer', (record) => record.computer],
  ['EventRecordID', (record) => record.recordId],
  ['TimeCreated', (record) => record.timeCreated],
]);

/** Fields of one source by slot. */
export class FieldTable {
  readonly #slots = new Map<string, number>();
  readonly #readers: SlotReader[] = [];
  readonly #dataNames = new Set<string>();
  readonly #map: FieldMap | undefined;

  constructor(map: FieldMap | undefined) {
    this.#map = map;
  }

  /** The slot of a Sigma field name, given one on first use. */
  slot(name: string): number {
    const known = this.#slots.get(name);
    if (known !== undefined) return known;

    const slot = this.#readers.length;
    this.#slots.set(name, slot);
    this.#readers.push(this.#reader(name));
    return slot;
  }

  get size(): number {
    return this.#readers.length;
  }

  /** Event data names read by some slot. */
  dataNames(): string[] {
    return [...this.#dataNames];
  }

  read(slot: number, record: EventRecord): FieldValue | undefined {
    return this.#readers[slot]!(record);
  }

  #reader(name: string): SlotReader {
    const system = SYSTEM_READERS.get(name);
    if (system !== undefined) return system;

    const mapped = this.#map?.get(name);
    if (mapped === null) return () => undefined;
    if (mapped !== undefined) {
      for (const dataName of mapped.names) this.#dataNames.add(dataName);
      return (record) => mapped.read(record.data);
    }
    this.#dataNames.add(name);
    return (record) => own(record.data, name);
  }
}

const UNREAD = null;
type Slot = readonly string[] | undefined | typeof UNREAD;

/** One event seen through a table: each field read and lower-cased at most once. */
export class EventView {
  readonly #values: Slot[];
  readonly #lowered: Slot[];
  #ipText: string | undefined;
  #baseNameOf: string | undefined;
  #baseName = '';
  #ip: IpAddress | undefined;

  constructor(
    readonly table: FieldTable,
    public record: EventRecord,
  ) {
    this.#values = new Array<Slot>(table.size).fill(UNREAD);
    this.#lowered = new Array<Slot>(table.size).fill(UNREAD);
  }

  /** The view turned to another event, nothing of it read yet (one view serves many events). */
  reset(record: EventRecord): void {
    this.record = record;
    this.#values.fill(UNREAD);
    this.#lowered.fill(UNREAD);
  }

  /** The field's values, or undefined when the event lacks it. */
  values(slot: number): readonly string[] | undefined {
    const cached = this.#values[slot];
    if (cached !== UNREAD) return cached;

    const value = this.table.read(slot, this.record);
    const values = value === undefined ? undefined : typeof value === 'string' ? [value] : value;
    this.#values[slot] = values;
    return values;
  }

  /** The field's values lower-cased, for case-insensitive tests. */
  lowered(slot: number): readonly string[] | undefined {
    const cached = this.#lowered[slot];
    if (cached !== UNREAD) return cached;

    const lowered = this.values(slot)?.map((value) => value.toLowerCase());
    this.#lowered[slot] = lowered;
    return lowered;
  }

  /** The value from its last backslash on (see baseNameOf), cut once for every rule. */
  baseName(value: string): string {
    if (value !== this.#baseNameOf) {
      this.#baseNameOf = value;
      this.#baseName = baseNameOf(value);
    }
    return this.#baseName;
  }

  /** The value as an address, parsed once however many `cidr` blocks test it. */
  ip(value: string): IpAddress | undefined {
    if (value !== this.#ipText) {
      this.#ipText = value;
      this.#ip = parseIp(value);
    }
    return this.#ip;
  }

  /**
   * Every data value the record holds, lower-cased, for keyword searches: all of them for a
   * whole record, the fields the rule set reads of its source for one read by name.
   * TODO: a keyword rule over records read by name (the CLI's EVTX path) searches only the
   * fields some rule of the same source names, not every field of the event, because
   * FieldSourceRecord can only be asked for fields by name.
   */
  allLowered(): string[] {
    return Object.values(this.record.data)
      .flat()
      .map((value) => value.toLowerCase());
  }
}

/** Names in a stable array per list, for FieldSourceRecord.withFields. */
export function fieldNames(names: Iterable<string>): FieldNames {
  return [...new Set(names)];
}
