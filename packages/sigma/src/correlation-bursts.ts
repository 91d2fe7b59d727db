/**
 * Bursts: a sliding ("at least") correlation fires each time its condition holds and then
 * starts its group afresh, so 260 failed logons in six seconds under `event_count >= 5` hold
 * 52 times. An analyst wants that as one finding. Firings of one correlation and group that
 * follow each other within the timespan (the next window starts no later than one timespan
 * after the last one ended) are joined here into one match that counts every event, says how
 * many times the condition held, and lists the first and last events.
 */
import type { RecordFacts } from '@evtxhunt/hunt';

/** A correlation match as the joiner needs it; the run's CorrelationMatch is one. */
export interface Joinable {
  readonly start: string;
  readonly end: string;
  readonly value: number;
  readonly eventCount: number;
  readonly events: readonly RecordFacts[];
  readonly windows?: number;
}

interface Open<T extends Joinable> {
  match: T;
  end: bigint;
}

/**
 * Joins one correlation's firings per group. `add` takes a firing and returns the bursts it
 * closed; `flush(now)` closes the bursts that can take no more firings; `finish` the rest.
 */
export class BurstJoiner<T extends Joinable> {
  readonly #timespan: bigint;
  readonly #summed: boolean;
  readonly #kept: number;
  readonly #open = new Map<string, Open<T>>();

  /**
   * `summed`: whether the value of a burst is the sum of its firings' values (a count or sum of
   * events, which the firings never share), else the largest of them (distinct values, rules).
   * `kept`: how many events a match lists at most.
   */
  constructor(timespan: bigint, summed: boolean, kept: number) {
    this.#timespan = timespan;
    this.#summed = summed;
    this.#kept = kept;
  }

  add(group: string, match: T, start: bigint, end: bigint): T[] {
    const open = this.#open.get(group);
    if (open !== undefined && start - open.end <= this.#timespan) {
      open.match = this.#join(open.match, match);
      open.end = end > open.end ? end : open.end;
      return [];
    }

    this.#open.set(group, { match, end });
    return open === undefined ? [] : [open.match];
  }

  /** The bursts whose last firing ended more than a timespan before `now`. */
  flush(now: bigint): T[] {
    const closed: T[] = [];
    for (const [group, open] of this.#open) {
      if (now - open.end <= this.#timespan) continue;
      closed.push(open.match);
      this.#open.delete(group);
    }
    return closed;
  }

  finish(): T[] {
    const closed = [...this.#open.values()].map((open) => open.match);
    this.#open.clear();
    return closed;
  }

  #join(burst: T, next: T): T {
    const half = this.#kept / 2;
    const events = [...burst.events, ...next.events];
    const kept =
      events.length <= this.#kept ? events : [...events.slice(0, half), ...events.slice(-half)];
    return {
      ...burst,
      end: next.end > burst.end ? next.end : burst.end,
      value: this.#summed ? burst.value + next.value : Math.max(burst.value, next.value),
      eventCount: burst.eventCount + next.eventCount,
      events: kept,
      windows: (burst.windows ?? 1) + (next.windows ?? 1),
    };
  }
}
