/**
 * The state of one correlation: per group, the matches inside its timespan, and when the
 * condition holds, a window that fired.
 *
 * Two ways of windowing, by what the condition asks:
 * - "at least" conditions (gt, gte) of event_count, value_count, value_sum and temporal (whose
 *   default is all its rules), and temporal_ordered: a window slides with each match (the matches
 *   within the timespan before it) and fires as soon as the condition holds; the group then starts
 *   afresh (CorrelationRun joins a group's firings into bursts: correlation-bursts.ts).
 * - every other condition (an upper bound, eq, neq, an average or a percentile): a window opens
 *   at a group's first match and closes one timespan later; it is judged when it closes.
 */
import { holds, lowerBoundOnly, type CorrelationDefinition } from './correlation.js';
import { TimeHeap } from './time-heap.js';

/**
 * One match of a referred rule (or one firing of a referred correlation) as a correlation sees
 * it.
 */
export interface Entry {
  /** 100-ns ticks since 1970: when the match happened (a chained window's end). */
  readonly time: bigint;
  /** When what it stands for began: its time, or a chained window's start. */
  readonly start: bigint;
  /** Positions in the correlation's `rules` of the rule that matched. */
  readonly positions: readonly number[];
  /** The value of the condition's field(s), for value_* types. */
  readonly value: string | undefined;
  /** What the entry stands for, reported when a window fires. */
  readonly payload: unknown;
}

/** A window in which the condition held. */
export interface Fired {
  readonly group: readonly string[];
  readonly start: bigint;
  readonly end: bigint;
  readonly entries: readonly Entry[];
  /** The aggregate the condition was tested on (a count, a sum, an average, a share). */
  readonly value: number;
  /** For value_percentile: the values whose share held. */
  readonly values?: readonly string[];
}

/** Matches kept per group; older ones are let go. */
export const GROUP_ENTRY_LIMIT = 10_000;

/** Groups kept per correlation at once; new groups past it are not followed. */
export const GROUP_LIMIT = 100_000;

interface Group {
  /** The group-by values, and the key they make in the map of groups. */
  readonly key: readonly string[];
  readonly id: string;
  entries: Entry[];
  /** The first match of the window open now (windows judged at their close). */
  opened?: Entry;
  /** For temporal_ordered: per position, the chain matched up to it with the latest start. */
  chains: (Entry[] | undefined)[];
}

/** One correlation's groups and windows. */
export class CorrelationState {
  readonly #definition: CorrelationDefinition;
  readonly #sliding: boolean;
  readonly #groups = new Map<string, Group>();
  /** Windows that close at a time (their first match and the timespan), soonest first. */
  readonly #closing = new TimeHeap<{ readonly group: Group; readonly first: Entry }>();
  /** Groups not followed because GROUP_LIMIT was reached. */
  droppedGroups = 0;

  constructor(definition: CorrelationDefinition) {
    this.#definition = definition;
    const { type, condition } = definition;
    const counting = ['event_count', 'value_count', 'value_sum', 'temporal'].includes(type);
    this.#sliding =
      type === 'temporal_ordered' ||
      (counting && (condition === undefined || lowerBoundOnly(condition)));
  }

  /** Whether windows slide and fire as soon as the condition holds (see the file's comment). */
  get sliding(): boolean {
    return this.#sliding;
  }

  /** Adds a match of the group; returns the windows that fired. */
  add(group: readonly string[], entry: Entry): Fired[] {
    const key = group.join('\u0000');
    let state = this.#groups.get(key);
    if (state === undefined) {
      if (this.#groups.size >= GROUP_LIMIT) {
        this.droppedGroups++;
        return [];
      }
      state = { key: group, id: key, entries: [], chains: [] };
      this.#groups.set(key, state);
    }
    if (this.#sliding) return this.#slide(state, entry);
    return this.#tumble(state, entry);
  }

  /**
   * Judges the windows (of conditions judged at a window's close) that closed before `now`,
   * the time of the next match to come in: so their verdicts reach a chain before it.
   */
  closeBefore(now: bigint): Fired[] {
    const fired: Fired[] = [];
    while ((this.#closing.nextTime ?? now) < now) {
      const { group, first } = this.#closing.pop()!.value;
      // A window judged already (a later match of its group closed it) has gone.
      if (this.#groups.get(group.id) === group && group.opened === first) {
        fired.push(...this.#judge(group));
        this.#groups.delete(group.id);
      }
    }
    return fired;
  }

  /** Closes the windows that ended before `now`; forgets groups with nothing left in reach. */
  sweep(now: bigint): Fired[] {
    const fired: Fired[] = [];
    for (const [key, state] of this.#groups) {
      const newest = state.entries[state.entries.length - 1];
      const first = state.entries[0];
      if (this.#sliding) {
        if (newest === undefined || now - newest.time > this.#definition.timespan) {
          this.#groups.delete(key);
        }
      } else if (first === undefined || now - first.time > this.#definition.timespan) {
        fired.push(...this.#judge(state));
        this.#groups.delete(key);
      }
    }
    return fired;
  }

  /** Closes every window: the end of the input. */
  finish(): Fired[] {
    const fired = this.#sliding ? [] : [...this.#groups.values()].flatMap((s) => this.#judge(s));
    this.#groups.clear();
    return fired;
  }

  #slide(state: Group, entry: Entry): Fired[] {
    if (this.#definition.type === 'temporal_ordered') return this.#order(state, entry);

    // A late match (see CorrelationRun.late) goes in its place by time, and counts only while
    // it lies within the timespan before the newest match.
    insertByTime(state.entries, entry);
    const newest = state.entries[state.entries.length - 1]!;
    state.entries = within(state.entries, newest.time - this.#definition.timespan);
    const value = this.#aggregate(state.entries);
    if (value === undefined || !this.#holds(value)) return [];

    const fired = firedOf(state.key, state.entries, value);
    state.entries = [];
    return [fired];
  }

  #tumble(state: Group, entry: Entry): Fired[] {
    const first = state.entries[0];
    let fired: Fired[] = [];
    if (first !== undefined && entry.time - first.time > this.#definition.timespan) {
      fired = this.#judge(state);
      state.entries = [];
    }
    if (state.entries.length === 0) {
      state.opened = entry;
      this.#closing.push(entry.time + this.#definition.timespan, { group: state, first: entry });
    }
    state.entries.push(entry);
    // TODO: past GROUP_ENTRY_LIMIT matches in one window the oldest are let go, so a count
    // or an average over more matches than that is of the last ones only.
    if (state.entries.length > GROUP_ENTRY_LIMIT) state.entries.shift();
    return fired;
  }

  /** A closed window's verdict. */
  #judge(state: Group): Fired[] {
    if (state.entries.length === 0) return [];
    if (this.#definition.type === 'value_percentile') return this.#percentile(state);
    const value = this.#aggregate(state.entries);
    if (value === undefined || !this.#holds(value)) return [];
    return [firedOf(state.key, state.entries, value)];
  }

  #holds(value: number): boolean {
    const { condition, rules } = this.#definition;
    return condition === undefined ? value >= rules.length : holds(condition, value);
  }

  /** The number the condition is about, or undefined when there is none (no numbers). */
  #aggregate(entries: readonly Entry[]): number | undefined {
    switch (this.#definition.type) {
      case 'event_count':
        return entries.length;
      case 'value_count':
        return new Set(entries.flatMap((e) => (e.value === undefined ? [] : [e.value]))).size;
      case 'temporal':
        return new Set(entries.flatMap((e) => e.positions)).size;
      case 'value_sum':
      case 'value_avg': {
        const numbers = entries.flatMap((e) => numberOf(e.value));
        if (numbers.length === 0) return undefined;
        const sum = numbers.reduce((total, n) => total + n, 0);
        return this.#definition.type === 'value_sum' ? sum : sum / numbers.length;
      }
      default:
        return undefined;
    }
  }

  /**
   * value_percentile: each value's share of the window's matches, in percent; the window
   * fires with the values whose share meets the condition (rare values for `lte: 1`).
   * TODO: the specification does not define value_percentile beyond its example; this reads
   * it as the share of each value, and a backend may read it as a percentile of numbers.
   */
  #percentile(state: Group): Fired[] {
    const counts = new Map<string, number>();
    for (const { value } of state.entries) {
      if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const total = state.entries.length;
    const shares = [...counts].map(([value, count]) => ({ value, share: (100 * count) / total }));
    const rare = shares.filter(({ share }) => this.#holds(share));
    if (rare.length === 0) return [];
    const values = new Set(rare.map(({ value }) => value));
    const entries = state.entries.filter((e) => e.value !== undefined && values.has(e.value));
    const lowest = Math.min(...rare.map(({ share }) => share));
    return [{ ...firedOf(state.key, entries, lowest), values: [...values] }];
  }

  /**
   * temporal_ordered: the group's matches within the timespan before the newest are kept in
   * time order. A match in order extends the chains; a late one (see CorrelationRun.late, or a
   * chained window judged at its close) has them worked out again from the matches in order.
   */
  #order(state: Group, entry: Entry): Fired[] {
    const newest = state.entries[state.entries.length - 1];
    insertByTime(state.entries, entry);
    const last = state.entries[state.entries.length - 1]!;
    state.entries = within(state.entries, last.time - this.#definition.timespan);
    if (newest === undefined || entry.time >= newest.time) return this.#extend(state, entry);

    const replay = state.entries;
    state.entries = [];
    state.chains = [];
    const fired: Fired[] = [];
    for (const held of replay) {
      state.entries.push(held);
      fired.push(...this.#extend(state, held));
    }
    return fired;
  }

  /**
   * A chain per position, the one with the latest start kept (it has the most time left); a
   * match extends the chain of the position before its own. When a chain is long enough the
   * window fires and the group starts afresh.
   */
  #extend(state: Group, entry: Entry): Fired[] {
    const span = this.#definition.timespan;
    const last = this.#definition.rules.length - 1;
    state.chains = state.chains.map((chain) =>
      chain !== undefined && entry.time - chain[0]!.time <= span ? chain : undefined,
    );
    for (const position of [...entry.positions].sort((a, b) => b - a)) {
      const before = position === 0 ? [] : state.chains[position - 1];
      if (before === undefined) continue;
      const chain = [...before, entry];
      const held = state.chains[position];
      if (held === undefined || held[0]!.time <= chain[0]!.time) state.chains[position] = chain;
    }

    // The longest chain: all the rules in order, or as many as the condition asks for.
    let longest = last;
    while (longest >= 0 && state.chains[longest] === undefined) longest--;
    const done = state.chains[longest];
    if (done === undefined || !this.#holds(longest + 1)) return [];
    state.chains = [];
    state.entries = [];
    return [firedOf(state.key, done, longest + 1)];
  }
}

/** Puts `entry` after every entry of its time or older: the entries stay in time order. */
function insertByTime(entries: Entry[], entry: Entry): void {
  let at = entries.length;
  while (at > 0 && entries[at - 1]!.time > entry.time) at--;
  entries.splice(at, 0, entry);
}

/** The entries (in time order) at or after `since`, GROUP_ENTRY_LIMIT at most (the newest). */
function within(entries: Entry[], since: bigint): Entry[] {
  let first = 0;
  while (first < entries.length && entries[first]!.time < since) first++;
  const over = entries.length - first - GROUP_ENTRY_LIMIT;
  entries.splice(0, first + Math.max(0, over));
  return entries;
}

function firedOf(group: readonly string[], entries: readonly Entry[], value: number): Fired {
  const start = entries.map((entry) => entry.start).reduce((a, b) => (b < a ? b : a));
  const end = entries.map((entry) => entry.time).reduce((a, b) => (b > a ? b : a));
  return { group, start, end, entries: [...entries], value };
}

function numberOf(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [];
  const number = Number(value);
  return Number.isFinite(number) ? [number] : [];
}
