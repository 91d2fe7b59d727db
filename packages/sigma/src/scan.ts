/**
 * One pass of a rule set over a stream of events: each event's reported matches, and the
 * correlations fed with the matches they use, their results at the end. A record read before
 * (the same log given twice, overlapping exports) is skipped, as the hunt engine skips it, so
 * it neither counts twice in a finding nor makes a correlation's count.
 */
import { DuplicateRecords, type EventRecord, type FieldSourceRecord } from '@evtxhunt/hunt';

import type { CorrelationMatch } from './correlation-run.js';
import type { SigmaCorrelationRun, SigmaMatch, SigmaRuleSet } from './rule-set.js';

/** Rules and correlations over one stream of events. */
export class SigmaScan {
  readonly #rules: SigmaRuleSet;
  readonly #correlations: SigmaCorrelationRun | undefined;
  readonly #seen = new DuplicateRecords();

  constructor(rules: SigmaRuleSet) {
    this.#rules = rules;
    this.#correlations = rules.correlationRun();
  }

  /** The event's matches of reported rules; the correlations take the others too. */
  add(record: EventRecord | FieldSourceRecord): SigmaMatch[] {
    if (this.#seen.isDuplicate(record)) return [];
    if (this.#correlations === undefined) return this.#rules.match(record);

    const matches = this.#rules.matchAll(record);
    this.#correlations.add(matches);
    return matches.filter((match) => this.#rules.reported(match.rule));
  }

  /** The correlation matches, once the stream has ended. */
  finish(): CorrelationMatch[] {
    return this.#correlations?.run.finish() ?? [];
  }

  /** Records skipped because an identical one was read before (see DuplicateRecords). */
  get duplicates(): number {
    return this.#seen.count;
  }

  /** Matches out of time order by more than the run could hold back (see CorrelationRun). */
  get late(): number {
    return this.#correlations?.run.late ?? 0;
  }

  /** Groups not followed because a correlation held GROUP_LIMIT already. */
  get droppedGroups(): number {
    return this.#correlations?.run.droppedGroups ?? 0;
  }
}
