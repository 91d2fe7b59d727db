/**
 * How many of each pivot group's events came from recovered records (found where no chunk
 * header vouches for them), so a group resting on them says so. The hunt engine's
 * PivotAccumulator keeps no such count, so it is kept here beside it, keyed as it keys groups:
 * the first value of each `by` field, '' where a record has none.
 * TODO: count this in PivotAccumulator (packages/hunt/src/pivot.ts), which owns the key rule.
 */
import { firstFieldValue, type EventRecord, type PivotRow } from '@evtxhunt/hunt';

/** Recovered events by group, for the renderers. */
export interface RecoveredCounts {
  /** True when any group holds one. */
  readonly any: boolean;
  of(row: PivotRow): number;
}

export class PivotRecovered implements RecoveredCounts {
  readonly #counts = new Map<string, number>();

  constructor(private readonly by: readonly string[]) {}

  get any(): boolean {
    return this.#counts.size > 0;
  }

  /** Counts `record`, which the pivot took, when it is recovered. */
  add(record: EventRecord): void {
    if (record.recovered !== true) return;
    const id = groupId(this.by.map((name) => firstFieldValue(record, name) ?? ''));
    this.#counts.set(id, (this.#counts.get(id) ?? 0) + 1);
  }

  of(row: PivotRow): number {
    return this.#counts.get(groupId(row.key)) ?? 0;
  }
}

/** NUL cannot appear in a rendered field value, so it separates key parts unambiguously. */
function groupId(key: readonly string[]): string {
  return key.join('\u0000');
}
