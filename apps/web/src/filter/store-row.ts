/**
 * The query language's row over the event store: one cursor moved from row to row that reads
 * only the columns a term names, so filtering a million rows builds no object per row.
 */
import type { FieldValue, QueryRow } from '@evtxhunt/hunt';

import { SYSTEM_COLUMNS, isSystemColumn, levelName } from '../store/columns.js';
import type { EventStore } from '../store/event-store.js';

/** Reads one field of a row. */
type FieldReader = (row: number) => FieldValue | undefined;

const NO_FIELD: FieldReader = () => undefined;

/** System columns read as text by `someValue`; the level is read apart, as number and name. */
const TEXT_COLUMNS = SYSTEM_COLUMNS.filter((key) => key !== 'level');

/**
 * Row `row` of a store as a QueryRow. System fields read as the table shows them, except
 * `level`, which is both its number and its name (`4` and `Information`), so `level:4`,
 * `level:>2` and `level:Information` all work. Data fields are found by exact name, then
 * ignoring case.
 */
export class StoreRow implements QueryRow {
  /** The store row the next questions are about. */
  row = 0;
  readonly #readers = new Map<string, FieldReader>();
  /** Names no event had, with how many data fields existed when that was checked. */
  readonly #missing = new Map<string, number>();

  constructor(private readonly store: EventStore) {}

  field(name: string): FieldValue | undefined {
    return this.reader(name)(this.row);
  }

  someValue(test: (value: string) => boolean): boolean {
    const { store, row } = this;
    for (const key of TEXT_COLUMNS) {
      const text = store.cell(row, key);
      if (text !== undefined && test(text)) return true;
    }

    const level = levelValues(store.level(row));
    if (level !== undefined && level.some(test)) return true;
    return store.someDataValue(row, test);
  }

  private reader(name: string): FieldReader {
    const known = this.#readers.get(name);
    if (known !== undefined) return known;
    if (this.#missing.get(name) === this.store.dataFieldCount) return NO_FIELD;

    const found = this.findReader(name);
    if (found === undefined) {
      this.#missing.set(name, this.store.dataFieldCount);
      return NO_FIELD;
    }
    this.#readers.set(name, found);
    return found;
  }

  private findReader(name: string): FieldReader | undefined {
    const store = this.store;
    if (name === 'level') return (row) => levelValues(store.level(row));
    if (isSystemColumn(name)) return (row) => store.cell(row, name);

    const exact = store.dataReader(name);
    if (exact !== undefined) return exact;
    const lower = name.toLowerCase();
    const spelled = store.dataFieldNames().find((field) => field.toLowerCase() === lower);
    return spelled === undefined ? undefined : store.dataReader(spelled);
  }
}

function levelValues(level: number | undefined): readonly string[] | undefined {
  return level === undefined ? undefined : [String(level), levelName(level)];
}
