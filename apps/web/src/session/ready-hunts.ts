/**
 * The Hunts menu's state: how many events each ready-made hunt (READY_HUNTS) matches in the
 * loaded logs, counted before any is opened, and what opening one does. Query hunts are counted
 * with the filter's own machinery (the compiled query over a StoreRow cursor) in one pass for
 * all of them, a slice of at most SLICE_MS at a time, and only over rows that arrived since the
 * last pass, since the store only grows. A rare hunt also counts its field's value codes, so the
 * rare values are known without reading text per row. Finding hunts are counted from the
 * engine's report (after the allowlist), once it is there.
 */
import {
  READY_HUNTS,
  compileQuery,
  parseQuery,
  rareQuery,
  rareValues,
  type Finding,
  type FindingKind,
  type RareBy,
  type ReadyHunt,
  type RowPredicate,
} from '@evtxhunt/hunt';
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';

import { StoreRow } from '../filter/store-row.js';
import type { EventStore, ValueCodes } from '../store/event-store.js';
import { NO_VALUE } from '../store/value-pool.js';
import type { Schedule } from './workbench.js';

/** Longest a slice of counting runs before the page gets the thread back. */
export const SLICE_MS = 8;

/** Rows tested between two looks at the clock. */
export const SLICE_ROWS = 256;

/** What a hunt matches in the loaded logs. */
export interface HuntCount {
  /** Events it keeps: for a rare hunt those with a rare value; for a finding hunt its evidence. */
  readonly events: number;
  /** For a finding hunt: how many findings of its kind the engine reported. */
  readonly findings?: number;
  /** For a rare hunt: the rare values, in the order first seen. */
  readonly rare?: readonly string[];
}

/** Where counting a query hunt stands. */
interface QueryCounter {
  readonly hunt: ReadyHunt;
  readonly predicate: RowPredicate;
  readonly rare: RareBy | undefined;
  events: number;
  /** Value code to how many kept events have it, for a rare hunt. */
  readonly codes: Map<number, number>;
  valueCodes: ValueCodes | undefined;
}

/** What the menu session runs on. */
export interface ReadyHuntsOptions {
  readonly schedule: Schedule;
  readonly now: () => number;
  /** The engine's findings after the allowlist; undefined until the hunt reports. */
  readonly findings: ReadonlySignal<readonly Finding[] | undefined>;
  /** Told when new counts are published, so an opened rare hunt can follow them. */
  readonly counted?: () => void;
}

/** A query hunt that was opened: its id and the query it applied. */
export interface OpenedQueryHunt {
  readonly hunt: string;
  readonly query: string;
}

/** The Hunts menu of one page. */
export class ReadyHuntsSession {
  readonly hunts: readonly ReadyHunt[] = READY_HUNTS;
  /** Counts of the query hunts, published at the end of each pass. */
  readonly queryCounts = signal<ReadonlyMap<string, HuntCount>>(new Map());
  /** True while rows wait to be counted. */
  readonly counting = signal(false);
  /** Every hunt's count; a finding hunt's is undefined until the engine has reported. */
  readonly counts: ReadonlySignal<ReadonlyMap<string, HuntCount>>;
  /**
   * The query hunt last opened and the query it applied. While that query is the one in force,
   * share links carry the hunt's id rather than the query, which may hold values from the logs.
   */
  readonly opened = signal<OpenedQueryHunt | undefined>(undefined);

  readonly #store: EventStore;
  readonly #options: ReadyHuntsOptions;
  readonly #counters: readonly QueryCounter[];
  readonly #cursor: StoreRow;
  #next = 0;
  #queued = false;

  constructor(store: EventStore, options: ReadyHuntsOptions) {
    this.#store = store;
    this.#options = options;
    this.#cursor = new StoreRow(store);
    this.#counters = this.hunts.flatMap((hunt) => queryCounter(hunt) ?? []);
    this.counts = computed(() => {
      const all = new Map(this.queryCounts.value);
      const findings = options.findings.value;
      if (findings === undefined) return all;
      for (const hunt of this.hunts) {
        if (hunt.opens.kind === 'findings')
          all.set(hunt.id, findingCount(findings, hunt.opens.finding));
      }
      return all;
    });
  }

  /** Counts rows that arrived since the last pass; the Workbench calls it after each batch. */
  rowsAdded(): void {
    if (this.#next >= this.#store.rowCount) return;
    this.counting.value = true;
    this.queue();
  }

  /**
   * The query that opens `hunt`: its own, or for a rare hunt its own narrowed to the rare
   * values counted so far, with how many rare values it had to leave out.
   */
  queryOf(hunt: ReadyHunt): { readonly query: string; readonly omitted: number } | undefined {
    if (hunt.opens.kind !== 'query') return undefined;
    const { query, rare } = hunt.opens;
    if (rare === undefined) return { query, omitted: 0 };
    return rareQuery(query, rare, this.queryCounts.peek().get(hunt.id)?.rare ?? []);
  }

  private queue(): void {
    if (this.#queued) return;
    this.#queued = true;
    this.#options.schedule(() => this.step(), 0);
  }

  private step(): void {
    this.#queued = false;
    const deadline = this.#options.now() + SLICE_MS;
    const store = this.#store;
    while (this.#next < store.rowCount) {
      const end = Math.min(store.rowCount, this.#next + SLICE_ROWS);
      this.countRows(this.#next, end);
      this.#next = end;
      if (this.#options.now() >= deadline) break;
    }

    if (this.#next < store.rowCount) this.queue();
    else this.publish();
  }

  private countRows(start: number, end: number): void {
    const cursor = this.#cursor;
    for (let row = start; row < end; row++) {
      cursor.row = row;
      for (const counter of this.#counters) {
        if (counter.predicate(cursor)) this.keep(counter, row);
      }
    }
  }

  private keep(counter: QueryCounter, row: number): void {
    counter.events++;
    const rare = counter.rare;
    if (rare === undefined) return;

    // The field's codes exist once some event has the field; rows before that had no value.
    counter.valueCodes ??= this.#store.valueCodes(rare.field);
    const code = counter.valueCodes?.code(row) ?? NO_VALUE;
    if (code !== NO_VALUE) counter.codes.set(code, (counter.codes.get(code) ?? 0) + 1);
  }

  private publish(): void {
    const counts = new Map<string, HuntCount>();
    for (const counter of this.#counters) counts.set(counter.hunt.id, countOf(counter));
    batch(() => {
      this.queryCounts.value = counts;
      this.counting.value = false;
    });
    this.#options.counted?.();
  }
}

function queryCounter(hunt: ReadyHunt): QueryCounter | undefined {
  if (hunt.opens.kind !== 'query') return undefined;
  const parsed = parseQuery(hunt.opens.query);
  // The hunts' tests parse every query; one that does not is left out of the menu's counts.
  if (!parsed.ok) return undefined;
  const predicate = compileQuery(parsed.ast);
  const { rare } = hunt.opens;
  return { hunt, predicate, rare, events: 0, codes: new Map(), valueCodes: undefined };
}

function countOf(counter: QueryCounter): HuntCount {
  const { rare, valueCodes } = counter;
  if (rare === undefined || valueCodes === undefined) {
    return rare === undefined ? { events: counter.events } : { events: 0, rare: [] };
  }
  const texts = [...counter.codes].map(
    ([code, count]) => [valueCodes.text(code) ?? '', count] as const,
  );
  const { values, events } = rareValues(texts, rare);
  return { events, rare: values };
}

function findingCount(findings: readonly Finding[], kind: FindingKind): HuntCount {
  const mine = findings.filter((finding) => finding.kind === kind);
  const events = mine.reduce((sum, finding) => sum + finding.count, 0);
  return { events, findings: mine.length };
}
