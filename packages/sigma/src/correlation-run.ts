/**
 * Correlations run over a stream of rule matches.
 *
 * Matches arrive in record order, which is mostly but not always time order (several files, a
 * clock change, records written late). The run holds up to REORDER_LIMIT matches of the rules
 * correlations refer to and lets the oldest go into the windows only when more arrive, so
 * windows see them in time order as long as no more than that many are out of place; a match
 * older than one already let go is still counted, and `late` says how many were.
 */
import type { RecordFacts } from '@evtxhunt/hunt';

import type { CorrelationInfo, CorrelationType } from './correlation.js';
import { BurstJoiner } from './correlation-bursts.js';
import type { Resolved } from './correlation-set.js';
import { CorrelationState, type Entry, type Fired } from './correlation-window.js';
import type { SigmaMatch } from './rule-set.js';
import { TimeHeap } from './time-heap.js';
import { ticksOf, timeOf } from './ticks.js';

/** Matches held back to be put in time order. */
export const REORDER_LIMIT = 50_000;

/** Events a correlation match lists; the rest are counted. */
export const CORRELATION_EVENTS_KEPT = 20;

/** Matches let into the windows between two sweeps of groups out of reach. */
const SWEEP_EVERY = 1024;

/** A window in which a correlation's condition held. */
export interface CorrelationMatch {
  readonly correlation: CorrelationInfo & {
    readonly type: CorrelationType;
    readonly timespan: string;
    readonly groupBy: readonly string[];
  };
  /** The group-by fields and their values for this window. */
  readonly group: Readonly<Record<string, string>>;
  /** The window's first and last match, UTC with 100-ns digits. */
  readonly start: string;
  readonly end: string;
  /** The aggregate the condition held for (count, distinct values, sum, average, share). */
  readonly value: number;
  /** value_percentile: the values whose share held. */
  readonly values?: readonly string[];
  /** How many events the window holds (a chained correlation counts its inner events). */
  readonly eventCount: number;
  /** How many times the condition held in this burst, when more than once (see bursts). */
  readonly windows?: number;
  /** The first and last events of the window, CORRELATION_EVENTS_KEPT at most, by time. */
  readonly events: readonly RecordFacts[];
  /** The computer of the window's first event. */
  readonly computer: string;
}

/** What an entry carries: the events it stands for and the fields to group by. */
interface Payload {
  readonly events: readonly RecordFacts[];
  readonly eventCount: number;
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
  readonly computer: string;
  /** When the events began: the event's time, or a chained window's start. */
  readonly start?: bigint;
}

/** Where the matches of one rule or correlation go. */
interface Route {
  readonly correlation: number;
  readonly reference: string;
  readonly positions: readonly number[];
}

/** Names under which the event's computer stands when the event has no such field. */
const COMPUTER_NAMES = new Set(['computername', 'computer', 'hostname']);

/** Correlations over a stream of matches; results come out of add() and finish(). */
export class CorrelationRun {
  readonly #correlations: readonly Resolved[];
  readonly #states: CorrelationState[];
  /** Per correlation, firings joined into bursts; undefined where windows do not slide. */
  readonly #bursts: (BurstJoiner<CorrelationMatch> | undefined)[];
  readonly #routes = new Map<string, Route[]>();
  readonly #reported: ReadonlySet<number>;
  readonly #heap = new TimeHeap<Payload & { readonly key: string }>();
  readonly #results: CorrelationMatch[] = [];
  #released: bigint | undefined;
  #sinceSweep = 0;
  /** Matches older than one already let into the windows. */
  late = 0;
  /** Matches without a readable time, left out. */
  untimed = 0;

  /** `reported`: indexes of the correlations whose matches are results (not only inputs). */
  constructor(correlations: readonly Resolved[], reported: ReadonlySet<number>) {
    this.#correlations = correlations;
    this.#states = correlations.map(({ definition }) => new CorrelationState(definition));
    this.#bursts = correlations.map(({ definition }, at) => {
      if (!this.#states[at]!.sliding) return undefined;
      const summed = definition.type === 'event_count' || definition.type === 'value_sum';
      return new BurstJoiner(definition.timespan, summed, CORRELATION_EVENTS_KEPT);
    });
    this.#reported = reported;
    correlations.forEach(({ inputs }, at) => {
      for (const { target, reference, positions } of inputs) {
        const key = `${target.kind}:${target.index}`;
        const routes = this.#routes.get(key) ?? [];
        routes.push({ correlation: at, reference, positions });
        this.#routes.set(key, routes);
      }
    });
  }

  /** Takes the matches of one event; `ruleIndex` gives each match's rule index in the set. */
  add(matches: readonly SigmaMatch[], ruleIndex: (match: SigmaMatch) => number): void {
    for (const match of matches) {
      const key = `rule:${ruleIndex(match)}`;
      if (!this.#routes.has(key)) continue;
      const time = ticksOf(match.record.timeCreated);
      if (time === undefined) {
        this.untimed++;
        continue;
      }
      const payload = {
        key,
        events: [match.record],
        eventCount: 1,
        fields: match.fields,
        computer: match.record.computer,
      };
      this.#heap.push(time, payload);
      if (this.#heap.size > REORDER_LIMIT) this.#release();
    }
  }

  /** The correlation matches found so far, taken (each is returned once). */
  take(): CorrelationMatch[] {
    return this.#results.splice(0);
  }

  /** Lets every match held into the windows and closes them all; the remaining results. */
  finish(): CorrelationMatch[] {
    while (this.#heap.size > 0) this.#release();
    this.#correlations.forEach((_, at) => this.#emit(at, this.#states[at]!.finish()));
    for (const bursts of this.#bursts) this.#results.push(...(bursts?.finish() ?? []));
    // Bursts close when they can grow no more, not when they began: list them by time.
    return this.take().sort(byTime);
  }

  /** Groups not followed (over GROUP_LIMIT), summed over the correlations. */
  get droppedGroups(): number {
    return this.#states.reduce((total, state) => total + state.droppedGroups, 0);
  }

  #release(): void {
    const next = this.#heap.pop();
    if (next === undefined) return;
    const { time, value } = next;
    if (this.#released !== undefined && time < this.#released) this.late++;
    else {
      this.#released = time;
      // Windows that closed before this match are judged first, for the chains fed by them.
      this.#states.forEach((state, at) => this.#emit(at, state.closeBefore(time)));
    }

    this.#route(value.key, time, value);
    if (++this.#sinceSweep >= SWEEP_EVERY) {
      this.#sinceSweep = 0;
      const now = this.#released!;
      this.#states.forEach((state, at) => this.#emit(at, state.sweep(now)));
      for (const bursts of this.#bursts) this.#results.push(...(bursts?.flush(now) ?? []));
    }
  }

  /** Gives an entry to every correlation that refers to its rule. */
  #route(key: string, time: bigint, payload: Payload): void {
    for (const { correlation, reference, positions } of this.#routes.get(key) ?? []) {
      const { definition } = this.#correlations[correlation]!;
      const group = this.#groupOf(correlation, reference, payload);
      if (group === undefined) continue;
      const value =
        definition.fields.length === 0
          ? undefined
          : fieldsValue(definition.fields, reference, definition.aliases, payload);
      if (definition.fields.length > 0 && value === undefined) continue;
      const entry: Entry = { time, start: payload.start ?? time, positions, value, payload };
      this.#emit(correlation, this.#states[correlation]!.add(group, entry));
    }
  }

  #groupOf(correlation: number, reference: string, payload: Payload): string[] | undefined {
    const { groupBy, aliases } = this.#correlations[correlation]!.definition;
    const group: string[] = [];
    for (const name of groupBy) {
      const value = fieldValue(aliases.get(name)?.get(reference) ?? name, payload);
      // An event without a group-by field is in no group (as a query's GROUP BY drops it).
      if (value === undefined) return undefined;
      group.push(value);
    }
    return group;
  }

  /** Reports the windows that fired and feeds them to the correlations that chain on this one. */
  #emit(correlation: number, fired: readonly Fired[]): void {
    const resolved = this.#correlations[correlation]!;
    for (const window of fired) {
      const match = matchOf(resolved, window);
      if (this.#reported.has(resolved.index)) this.#report(correlation, match, window);
      const payload: Payload = {
        events: match.events,
        eventCount: match.eventCount,
        fields: match.group,
        computer: match.computer,
        start: window.start,
      };
      // TODO: a window judged at its close (an upper bound, eq, neq, an average or a
      // percentile) reaches a chain only once a match past its close comes in, with the time
      // of its last match. The chain puts it in its place by time among the matches it holds,
      // but it holds only those within its timespan before the newest: a chain whose timespan
      // is shorter than that wait loses the window, and `late` does not count it.
      this.#route(`correlation:${resolved.index}`, window.end, payload);
    }
  }

  #report(correlation: number, match: CorrelationMatch, window: Fired): void {
    const bursts = this.#bursts[correlation];
    if (bursts === undefined) {
      this.#results.push(match);
      return;
    }
    const group = window.group.join('\u0000');
    this.#results.push(...bursts.add(group, match, window.start, window.end));
  }
}

/** Matches by start, then end, then title: the same order whenever they were closed. */
function byTime(a: CorrelationMatch, b: CorrelationMatch): number {
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    order(a.start, b.start) ||
    order(a.end, b.end) ||
    order(a.correlation.title, b.correlation.title)
  );
}

function matchOf(resolved: Resolved, fired: Fired): CorrelationMatch {
  const { definition } = resolved;
  const payloads = fired.entries.map((entry) => entry.payload as Payload);
  const events = payloads.flatMap((payload) => payload.events);
  events.sort((a, b) => ((a.timeCreated ?? '') < (b.timeCreated ?? '') ? -1 : 1));
  const half = CORRELATION_EVENTS_KEPT / 2;
  const kept =
    events.length <= CORRELATION_EVENTS_KEPT
      ? events
      : [...events.slice(0, half), ...events.slice(-half)];
  const group: Record<string, string> = {};
  definition.groupBy.forEach((name, at) => {
    Object.defineProperty(group, name, {
      value: fired.group[at],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return {
    correlation: {
      ...definition.info,
      type: definition.type,
      timespan: definition.timespanText,
      groupBy: definition.groupBy,
    },
    group,
    start: timeOf(fired.start),
    end: timeOf(fired.end),
    value: fired.value,
    ...(fired.values === undefined ? {} : { values: fired.values }),
    eventCount: payloads.reduce((total, payload) => total + payload.eventCount, 0),
    events: kept,
    computer: payloads[0]?.computer ?? '',
  };
}

function fieldValue(name: string, payload: Payload): string | undefined {
  const value = Object.hasOwn(payload.fields, name) ? payload.fields[name] : undefined;
  if (typeof value === 'string') return value;
  if (value !== undefined) return value.join('|');
  return COMPUTER_NAMES.has(name.toLowerCase()) ? payload.computer : undefined;
}

function fieldsValue(
  fields: readonly string[],
  reference: string,
  aliases: ReadonlyMap<string, ReadonlyMap<string, string>>,
  payload: Payload,
): string | undefined {
  const values: string[] = [];
  for (const field of fields) {
    const value = fieldValue(aliases.get(field)?.get(reference) ?? field, payload);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values.join('\u0000');
}
