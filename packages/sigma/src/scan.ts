/**
 * One pass of a rule set over a stream of events: each event's reported matches, and the
 * correlations fed with the matches they use, their results at the end.
 */
import type { EventRecord, FieldSourceRecord } from '@evtxhunt/hunt';

import type { CorrelationMatch } from './correlation-run.js';
import type { SigmaCorrelationRun, SigmaMatch, SigmaRuleSet } from './rule-set.js';

/** Rules and correlations over one stream of events. */
export class SigmaScan {
  readonly #rules: SigmaRuleSet;
  readonly #correlations: SigmaCorrelationRun | undefined;

  constructor(rules: SigmaRuleSet) {
    this.#rules = rules;
    this.#correlations = rules.correlationRun();
  }

  /** The event's matches of reported rules; the correlations take the others too. */
  add(record: EventRecord | FieldSourceRecord): SigmaMatch[] {
    if (this.#correlations === undefined) return this.#rules.match(record);

    const matches = this.#rules.matchAll(record);
    this.#correlations.add(matches);
    return matches.filter((match) => this.#rules.reported(match.rule));
  }

  /** The correlation matches, once the stream has ended. */
  finish(): CorrelationMatch[] {
    return this.#correlations?.run.finish() ?? [];
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
