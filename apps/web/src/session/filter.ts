/**
 * What the page filters by and how it shows time: the query (and regex mode), the facets, the
 * time histogram and the time zone. A query is parsed here and run over the store a slice at a
 * time, each slice at most SLICE_MS long and the next one at the next frame, so a million rows
 * never freeze the page; rows that arrive while files load are tested as they come. The
 * Workbench owns one and shows only the rows it keeps.
 *
 * TODO: a regular expression with the `u` flag that backtracks badly (polynomial; without `u`
 * such a pattern runs on the linear-time matcher) on a long value stalls one slice for as long
 * as that one test takes, because the store lives on this thread and a RegExp cannot be
 * interrupted; moving the store's text into a worker would let such a filter be stopped.
 */
import { batch, computed, signal } from '@preact/signals';
import {
  compileQuery,
  fieldEquals,
  formatQuery,
  parseQuery,
  resolveTimeZone,
  timeWindow,
  type QueryNode,
  type QueryProblem,
} from '@evtxhunt/hunt';

import { FacetCounter, type FacetSummary } from '../filter/facets.js';
import { binnedTimes, type TimeHistogram } from '../filter/histogram.js';
import {
  TIME_FIELD,
  timeWindowOf,
  toggledValue,
  topLevel,
  withTimeWindow,
  withoutTimeWindow,
  type TimeRange,
} from '../filter/query-edit.js';
import { FilterScan } from '../filter/scan.js';
import { RECOVERED_FIELD } from '../filter/store-row.js';
import { timeBounds } from '../filter/time-bounds.js';
import { ZonedFrame } from '../filter/zoned-frame.js';
import { isSystemColumn, systemLabel } from '../store/columns.js';
import type { EventStore } from '../store/event-store.js';
import type { Schedule } from './workbench.js';

/** What a filter session runs on. */
export interface FilterOptions {
  readonly schedule: Schedule;
  readonly now: () => number;
  /** Called (inside a signal batch) each time a pass ends: kept rows, facets, histogram. */
  readonly onResult: () => void;
}

/** Facets every page shows, before those the person adds. */
export const SYSTEM_FACETS: readonly string[] = [
  'eventId',
  'provider',
  'channel',
  'level',
  'computer',
];

/** Longest a slice of filtering runs before the page gets the thread back. */
export const SLICE_MS = 12;

/** Values listed per facet. */
export const FACET_VALUES = 50;

/** While rows arrive, the histogram is binned again at most this often. */
export const HISTOGRAM_EVERY_MS = 500;

const MINUTE_MS = 60_000;

/** The filter state of one page. */
export class FilterSession {
  /** The text in the query box, applied or not. */
  readonly text = signal('');
  /** The query the kept rows answer. */
  readonly query = signal('');
  readonly regexMode = signal(false);
  /** Why the box's text cannot be applied, with the span to mark. */
  readonly problem = signal<QueryProblem | undefined>(undefined);
  readonly warnings = signal<readonly QueryProblem[]>([]);
  /** Rows kept by the query, in row order; undefined when every row is. */
  readonly kept = signal<Uint32Array | undefined>(undefined);
  /** True from a new query until its pass has tested every row. */
  readonly filtering = signal(false);
  /** Data fields the person added as facets. */
  readonly facetFields = signal<readonly string[]>([]);
  readonly facets = signal<readonly FacetSummary[]>([]);
  readonly histogram = signal<TimeHistogram | undefined>(undefined);
  /** `UTC`, `local` or an IANA zone name. */
  readonly timeZone = signal('UTC');
  /** The store as the table shows it, in the chosen zone. */
  readonly frame = computed(() => new ZonedFrame(this.store, this.timeZone.value));
  /** The top-level terms of the applied query, to mark facet values in use. */
  readonly terms = computed(() => topLevel(this.query.value, this.regexMode.value));
  /** The applied query's time window, when a brush or an action set one. */
  readonly timeRange = computed(() => timeWindowOf(this.query.value, this.regexMode.value));
  /** Which view of the page is open (`events` unless another view sets it); kept in links. */
  readonly viewName = signal('events');

  #ast: QueryNode = { kind: 'all' };
  #astRegexMode = false;
  #scan: FilterScan | undefined;
  #stepQueued = false;
  #histogramOf: FilterScan | undefined;
  #histogramAt = -Infinity;
  #histogramQueued = false;
  /** How many data field names the store knew when the warnings were worked out. */
  #warnedWith = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: FilterOptions,
  ) {}

  /** Puts `text` in the box and says what is wrong with it, without applying it. */
  edit(text: string): void {
    const parsed = parseQuery(text, { regexMode: this.regexMode.peek(), fields: this.fields() });
    this.#warnedWith = this.store.dataFieldCount;
    batch(() => {
      this.text.value = text;
      this.problem.value = parsed.ok ? undefined : parsed.error;
      this.warnings.value = parsed.ok ? parsed.warnings : [];
    });
  }

  /** Applies the box's text when it parses; returns false (the problem shown) when not. */
  apply(): boolean {
    const text = this.text.peek();
    const regexMode = this.regexMode.peek();
    const parsed = parseQuery(text, { regexMode, fields: this.fields() });
    if (!parsed.ok) {
      this.problem.value = parsed.error;
      return false;
    }

    const changed = text !== this.query.peek() || regexMode !== this.#astRegexMode;
    this.query.value = text;
    this.#ast = parsed.ast;
    this.#astRegexMode = regexMode;
    if (changed) this.restart();
    return true;
  }

  /** Puts `text` in the box and applies it; false when it does not parse. */
  setQuery(text: string): boolean {
    this.edit(text);
    return this.apply();
  }

  /** Switches regex mode, reading the box's text again under the new mode. */
  setRegexMode(on: boolean): void {
    this.regexMode.value = on;
    this.setQuery(this.text.peek());
  }

  /** Shows times in `choice`; throws TimeZoneError for a zone the browser does not know. */
  setTimeZone(choice: string): void {
    resolveTimeZone(choice);
    this.timeZone.value = choice;
  }

  /** Adds data field `field` as a facet (System fields always are). */
  addFacet(field: string): void {
    const fields = this.facetFields.peek();
    if (SYSTEM_FACETS.includes(field) || fields.includes(field)) return;
    this.setFacetFields([...fields, field]);
  }

  removeFacet(field: string): void {
    this.setFacetFields(this.facetFields.peek().filter((name) => name !== field));
  }

  /** Sets the added facets at once and counts them. */
  setFacetFields(fields: readonly string[]): void {
    this.facetFields.value = fields.filter((field) => !SYSTEM_FACETS.includes(field));
    this.restart();
  }

  /** Keeps only rows whose `field` equals `value`; a second call takes the term away. */
  include(field: string, value: string): void {
    this.setQuery(this.toggled(field, value, false));
  }

  /** Drops rows whose `field` equals `value`; a second call takes the term away. */
  exclude(field: string, value: string): void {
    this.setQuery(this.toggled(field, value, true));
  }

  private toggled(field: string, value: string, exclude: boolean): string {
    return toggledValue(this.query.peek(), this.regexMode.peek(), { field, value, exclude });
  }

  /** Keeps the events from `range.fromMs` to before `range.toMs`, replacing any time window. */
  zoom(range: TimeRange): void {
    this.setQuery(withTimeWindow(this.query.peek(), this.regexMode.peek(), range));
  }

  /** Takes the time window away. */
  clearZoom(): void {
    this.setQuery(withoutTimeWindow(this.query.peek(), this.regexMode.peek()));
  }

  /** Replaces the query with the events of process `guid` (its ProcessGuid). */
  sameProcess(guid: string): void {
    this.setQuery(formatQuery(fieldEquals('ProcessGuid', guid)));
  }

  /**
   * Replaces the query with every event from `minutes` before row `row`'s time to as many after.
   */
  around(row: number, minutes: number): boolean {
    const ms = this.store.timeMs(row);
    if (Number.isNaN(ms) || !(minutes > 0)) return false;
    // One millisecond more at the end keeps the event itself, whose ticks go past its millisecond.
    const window = timeWindow(TIME_FIELD, ms - minutes * MINUTE_MS, ms + minutes * MINUTE_MS + 1);
    return this.setQuery(formatQuery(window));
  }

  /** Tests rows that arrived since the last pass; the Workbench calls it after each batch. */
  rowsAdded(): void {
    this.refreshWarnings();
    const scan = this.#scan;
    const missing = (key: string) => !scan?.counters.some((counter) => counter.key === key);
    const newFacet = this.facetKeys().some((key) => missing(key) && this.codes(key) !== undefined);
    if (scan === undefined || newFacet) this.restart();
    else if (!scan.done) this.queueStep();
  }

  /** Works the box's warnings out again when files brought field names it did not know. */
  private refreshWarnings(): void {
    const known = this.store.dataFieldCount;
    if (this.warnings.peek().length === 0 || known === this.#warnedWith) return;
    this.#warnedWith = known;
    const parsed = parseQuery(this.text.peek(), {
      regexMode: this.regexMode.peek(),
      fields: this.fields(),
    });
    this.warnings.value = parsed.ok ? parsed.warnings : [];
  }

  private restart(): void {
    const counters = this.facetKeys().flatMap((key) => {
      const codes = this.codes(key);
      return codes === undefined ? [] : [new FacetCounter(key, codes)];
    });
    const bounds = timeBounds(this.#ast);
    this.#scan = new FilterScan(this.store, compileQuery(this.#ast), counters, bounds);
    this.filtering.value = true;
    this.queueStep();
  }

  private queueStep(): void {
    if (this.#stepQueued) return;
    this.#stepQueued = true;
    this.options.schedule(() => this.step(), 0);
  }

  private step(): void {
    this.#stepQueued = false;
    const scan = this.#scan;
    if (scan === undefined) return;

    const deadline = this.options.now() + SLICE_MS;
    if (scan.run(() => this.options.now() >= deadline)) this.publish(scan);
    else this.queueStep();
  }

  private publish(scan: FilterScan): void {
    batch(() => {
      this.kept.value = this.#ast.kind === 'all' ? undefined : scan.kept();
      this.facets.value = scan.counters.map((counter) =>
        counter.summary(facetLabel(counter.key), FACET_VALUES),
      );
      this.publishHistogram(scan);
      this.filtering.value = false;
      this.options.onResult();
    });
  }

  /** Bins the kept rows' times: at once for a new pass, then at most every HISTOGRAM_EVERY_MS. */
  private publishHistogram(scan: FilterScan): void {
    const wait = this.#histogramAt + HISTOGRAM_EVERY_MS - this.options.now();
    if (scan === this.#histogramOf && wait > 0) {
      this.queueHistogram(wait);
      return;
    }

    const kept = scan.kept();
    const span = scan.timeSpan();
    const store = this.store;
    const timeAt = (i: number) => store.timeMs(kept[i] ?? 0);
    this.histogram.value = span === undefined ? undefined : binnedTimes(kept.length, timeAt, span);
    this.#histogramOf = scan;
    this.#histogramAt = this.options.now();
  }

  private queueHistogram(wait: number): void {
    if (this.#histogramQueued) return;
    this.#histogramQueued = true;
    this.options.schedule(() => {
      this.#histogramQueued = false;
      const scan = this.#scan;
      if (scan !== undefined) this.publishHistogram(scan);
    }, wait);
  }

  private facetKeys(): readonly string[] {
    return [...SYSTEM_FACETS, ...this.facetFields.peek()];
  }

  private codes(key: string) {
    return this.store.valueCodes(key);
  }

  /** The names a query can use besides System fields: the recovered flag, then data fields. */
  private fields(): readonly string[] {
    return [RECOVERED_FIELD, ...this.store.dataFieldNames()];
  }
}

/** A facet's heading: the System column's label, or the data field's name. */
export function facetLabel(key: string): string {
  return isSystemColumn(key) ? systemLabel(key) : key;
}
