/**
 * The rest of System per row: keywords, task, opcode, version, qualifiers, the user SID, the
 * writer's process and thread, the activity ids and the provider GUID. Their combinations are
 * few (a log has a handful of providers, tasks and writer threads), so a row holds one code for
 * its combination (one byte while there are fewer than 256, see CodeArray), and each
 * combination is split into per-field value codes once.
 */
import { SYSTEM_EXTRA_NAMES, systemExtraText, type SystemExtras } from '@evtxhunt/hunt';

import { CodeArray } from './growable.js';
import { NO_VALUE, ValuePool } from './value-pool.js';

/** Between the fields of a row's combination as it crosses from the worker. */
export const EXTRAS_SEPARATOR = '\u001f';

/**
 * The combination text of a parser record's extra System fields; '' marks a missing one. The
 * parser renders these from typed values (numbers, SIDs, GUIDs), but a separator inside one
 * would shift the fields after it, so it is written as a space.
 */
export function extrasText(record: SystemExtras): string {
  return SYSTEM_EXTRA_NAMES.map((name) =>
    (systemExtraText(record, name) ?? '').replaceAll(EXTRAS_SEPARATOR, ' '),
  ).join(EXTRAS_SEPARATOR);
}

/**
 * The extra System fields of every row. TODO: a log whose every event has its own ActivityID
 * keeps one combination per row (its text in a Map), about 150 bytes a row instead of 1 to 4.
 */
export class SystemExtrasColumn {
  readonly #rows = new CodeArray();
  readonly #combos = new Map<string, number>();
  /** Per combination: how many rows hold it. */
  readonly #comboRows: number[] = [];
  /** Per field: the value code of each combination. */
  readonly #codes: number[][] = SYSTEM_EXTRA_NAMES.map(() => []);
  readonly #pools: ValuePool[] = SYSTEM_EXTRA_NAMES.map(() => new ValuePool());

  /** Appends one row's combination, as extrasText wrote it. */
  push(combination: string): void {
    this.pushCombo(this.comboOf(combination));
  }

  /** The code of a combination, as extrasText wrote it; pushCombo appends a row holding it. */
  comboOf(combination: string): number {
    return this.#combos.get(combination) ?? this.add(combination);
  }

  /** Appends one row holding combination `combo` (a code comboOf gave). */
  pushCombo(combo: number): void {
    this.#comboRows[combo] = (this.#comboRows[combo] ?? 0) + 1;
    this.#rows.push(combo);
  }

  private add(combination: string): number {
    const combo = this.#comboRows.length;
    const parts = combination.split(EXTRAS_SEPARATOR);
    this.#codes.forEach((codes, field) => {
      const text = parts[field] ?? '';
      codes.push(text === '' ? NO_VALUE : (this.#pools[field]?.intern(text) ?? NO_VALUE));
    });
    this.#combos.set(combination, combo);
    this.#comboRows.push(0);
    return combo;
  }

  /** The value code of field `field` (index in SYSTEM_EXTRA_NAMES) in `row`. */
  code(row: number, field: number): number {
    return this.#codes[field]?.[this.#rows.get(row)] ?? NO_VALUE;
  }

  /** The text of field `field` in `row`, undefined when the event has none. */
  text(row: number, field: number): string | undefined {
    return this.#pools[field]?.text(this.code(row, field));
  }

  /** The values of field `field`. */
  pool(field: number): ValuePool {
    const pool = this.#pools[field];
    if (pool === undefined) throw new RangeError(`no extra System field ${field}`);
    return pool;
  }

  /** Rows with a value in field `field`. */
  rowsWith(field: number): number {
    const codes = this.#codes[field] ?? [];
    return codes.reduce(
      (sum, code, combo) => (code === NO_VALUE ? sum : sum + (this.#comboRows[combo] ?? 0)),
      0,
    );
  }

  /** Bytes of the per-row codes, slack included. */
  get byteLength(): number {
    return this.#rows.byteLength;
  }

  trim(): void {
    this.#rows.trim();
  }
}
