/**
 * The query language's row over the event store: one cursor moved from row to row that reads
 * only the columns a term names, so filtering a million rows builds no object per row. A bare
 * word, searched in every field, is answered once per distinct value (ValueMemo).
 */
import { SYSTEM_EXTRA_NAMES, type FieldValue, type QueryRow } from '@evtxhunt/hunt';

import { isSystemColumn, levelName } from '../store/columns.js';
import type { EventStore, ValueCodes } from '../store/event-store.js';
import { NO_VALUE } from '../store/value-pool.js';
import { ValueMemo } from './value-memo.js';

/** Reads one field of a row. */
type FieldReader = (row: number) => FieldValue | undefined;

const NO_FIELD: FieldReader = () => undefined;

/** System columns whose values repeat: read by code, so a memo answers for each value once. */
const CODED_COLUMNS = [
  'eventId',
  'provider',
  'channel',
  'computer',
  'file',
  ...SYSTEM_EXTRA_NAMES,
] as const;

/** System columns whose values are all but unique: read as text on every row. */
const DISTINCT_COLUMNS = ['timeCreated', 'recordId'] as const;

/** The query's name for the flag on a recovered record: `recovered:true`, `-recovered:true`. */
export const RECOVERED_FIELD = 'recovered';

/** Memo column numbers: the coded columns first, then the level, then data field ids. */
const LEVEL_COLUMN = CODED_COLUMNS.length;
const FIRST_DATA_COLUMN = LEVEL_COLUMN + 1;

/** One bare word's search: its memo and the visitor of data codes bound to it. */
interface Search {
  readonly memo: ValueMemo;
  readonly visitData: (field: number, code: number) => boolean;
}

/**
 * Row `row` of a store as a QueryRow. System fields read as the table shows them, except
 * `level`, which is both its number and its name (`4` and `Information`), so `level:4`,
 * `level:>2` and `level:Information` all work; `recovered` is `true` or `false`. Data fields
 * are found by exact name, then ignoring case.
 */
export class StoreRow implements QueryRow {
  /** The store row the next questions are about. */
  row = 0;
  readonly #readers = new Map<string, FieldReader>();
  /** Names no event had, with how many data fields existed when that was checked. */
  readonly #missing = new Map<string, number>();
  readonly #searches = new Map<(value: string) => boolean, Search>();
  readonly #coded: readonly ValueCodes[];

  constructor(private readonly store: EventStore) {
    this.#coded = CODED_COLUMNS.flatMap((key) => store.valueCodes(key) ?? []);
  }

  field(name: string): FieldValue | undefined {
    return this.reader(name)(this.row);
  }

  someValue(test: (value: string) => boolean): boolean {
    const { store, row } = this;
    for (const key of DISTINCT_COLUMNS) {
      const text = store.cell(row, key);
      if (text !== undefined && test(text)) return true;
    }

    const { memo, visitData } = this.search(test);
    for (let column = 0; column < this.#coded.length; column++) {
      const codes = this.#coded[column];
      const code = codes?.code(row) ?? NO_VALUE;
      if (codes === undefined || code === NO_VALUE) continue;
      if (memo.known(column, code) ?? memo.remember(column, code, codes.text(code))) return true;
    }

    const level = store.level(row);
    const levelPassed =
      level !== undefined &&
      (memo.known(LEVEL_COLUMN, level) ?? memo.remember(LEVEL_COLUMN, level, levelValues(level)));
    return levelPassed || store.someDataCode(row, visitData);
  }

  private search(test: (value: string) => boolean): Search {
    let search = this.#searches.get(test);
    if (search === undefined) {
      const memo = new ValueMemo(test);
      const store = this.store;
      const visitData = (field: number, code: number) => {
        const column = FIRST_DATA_COLUMN + field;
        return (
          memo.known(column, code) ?? memo.remember(column, code, store.dataValueOf(field, code))
        );
      };
      search = { memo, visitData };
      this.#searches.set(test, search);
    }
    return search;
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
    // The parser's flag; it hides a data field of that name, in any case, as System fields do.
    if (name === RECOVERED_FIELD) return (row) => (store.recovered(row) ? 'true' : 'false');
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
