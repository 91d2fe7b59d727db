/**
 * The workbench's view in the URL fragment, so a link shares it: `#v=1&q=eventId%3A3&cols=...`.
 * Only what the person chose travels: the query as typed, regex mode, column and facet field
 * names, sort order, time zone and view name, or the ready-made hunt opened (its id: the page
 * works its query out again from the logs it has); never a record, a value or a file name. Decoding
 * takes any text; whatever it cannot use falls back to the default, with a warning to show.
 *
 * Keys (version 1): v, q (query), re (1 for regex mode), cols and facets (comma-separated
 * field names, each percent-encoded), sort (comma-separated columns, `-` first for descending),
 * tz (UTC, local or an IANA zone), view (a lower-case name), hunt (a ready-made hunt's id).
 */
import { readyHunt } from '../hunts/catalogue.js';
import { QUERY_MAX_CHARS } from './limits.js';

/** The fragment format's version; a fragment of another version is read as the defaults. */
export const VIEW_STATE_VERSION = 1;

/** Longest fragment read; every character of a maximal query may take three when encoded. */
export const VIEW_STATE_MAX_CHARS = 3 * QUERY_MAX_CHARS + 16_384;

/** Most columns, facets or sort keys kept. */
export const VIEW_MAX_NAMES = 256;

/** Longest column or facet name kept. */
export const VIEW_NAME_MAX_CHARS = 256;

/** One sort key: a column, ascending unless `descending`. */
export interface SortKey {
  readonly column: string;
  readonly descending: boolean;
}

/** What the workbench shows, as far as a link carries it. */
export interface ViewState {
  readonly query: string;
  readonly regexMode: boolean;
  /** Columns in order; empty for the app's default columns. */
  readonly columns: readonly string[];
  readonly sort: readonly SortKey[];
  /** `UTC`, `local` (the browser's zone) or an IANA zone such as `Europe/Berlin`. */
  readonly timeZone: string;
  /** Fields the person added as facets. */
  readonly facets: readonly string[];
  /** Which view is open, e.g. `events` or `outbound`. */
  readonly view: string;
  /**
   * The ready-made hunt whose query is applied (READY_HUNTS id), or ''. A rare hunt's query
   * holds values from the logs, so the link carries the hunt instead of its query.
   */
  readonly hunt: string;
}

/** A decoded fragment and what in it could not be used. */
export interface DecodedViewState {
  readonly state: ViewState;
  readonly warnings: readonly string[];
}

/** The view a fragment without settings stands for. */
export const DEFAULT_VIEW_STATE: ViewState = Object.freeze({
  query: '',
  regexMode: false,
  columns: Object.freeze([]),
  sort: Object.freeze([]),
  timeZone: 'UTC',
  facets: Object.freeze([]),
  view: 'events',
  hunt: '',
});

const VIEW_NAME = /^[a-z][a-z0-9-]{0,31}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The fragment (without `#`) for a view; settings equal to the default are left out. Only the
 * fields of ViewState are read, whatever else the object holds.
 */
export function encodeViewState(state: Partial<ViewState>): string {
  const view = { ...DEFAULT_VIEW_STATE, ...definedOnly(state) };
  const parts = [`v=${VIEW_STATE_VERSION}`];
  if (view.query !== '') parts.push(`q=${encodeText(view.query)}`);
  if (view.regexMode) parts.push('re=1');
  if (view.columns.length > 0) parts.push(`cols=${nameList(view.columns)}`);
  if (view.sort.length > 0) parts.push(`sort=${sortList(view.sort)}`);
  if (view.timeZone !== 'UTC') parts.push(`tz=${encodeText(view.timeZone)}`);
  if (view.facets.length > 0) parts.push(`facets=${nameList(view.facets)}`);
  if (view.view !== DEFAULT_VIEW_STATE.view) parts.push(`view=${encodeText(view.view)}`);
  if (view.hunt !== '') parts.push(`hunt=${encodeText(view.hunt)}`);
  return parts.join('&');
}

/** Reads a fragment (with or without `#`); never throws, falling back to the defaults. */
export function decodeViewState(fragment: string): DecodedViewState {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text === '') return { state: DEFAULT_VIEW_STATE, warnings: [] };
  if (text.length > VIEW_STATE_MAX_CHARS) {
    return defaultsBecause(
      `the link's view is ${text.length} characters long; the limit is ${VIEW_STATE_MAX_CHARS}`,
    );
  }

  const warnings: string[] = [];
  const entries = fragmentEntries(text, warnings);
  const version = entries.get('v');
  if (version !== String(VIEW_STATE_VERSION)) {
    const which =
      version === undefined ? 'has no version' : `is version ${JSON.stringify(version)}`;
    return defaultsBecause(
      `the link's view ${which}; this app reads version ${VIEW_STATE_VERSION}`,
    );
  }

  const state = viewFromEntries(entries, warnings);
  return { state, warnings };
}

function definedOnly(state: Partial<ViewState>): Partial<ViewState> {
  const known = Object.keys(DEFAULT_VIEW_STATE) as (keyof ViewState)[];
  return Object.fromEntries(
    known.filter((key) => state[key] !== undefined).map((key) => [key, state[key]]),
  );
}

function defaultsBecause(warning: string): DecodedViewState {
  return { state: DEFAULT_VIEW_STATE, warnings: [warning] };
}

/** Percent-encoded text; a lone surrogate, which has no UTF-8 form, becomes U+FFFD. */
function encodeText(text: string): string {
  return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
}

function nameList(names: readonly string[]): string {
  return names.map(encodeName).join(',');
}

function sortList(keys: readonly SortKey[]): string {
  return keys.map((key) => (key.descending ? '-' : '') + encodeName(key.column)).join(',');
}

/** A name percent-encoded, its leading `-` too, so it never reads as a descending sort. */
function encodeName(name: string): string {
  const encoded = encodeText(name);
  return encoded.startsWith('-') ? '%2D' + encoded.slice(1) : encoded;
}

/** Raw `key=value` entries by key, first one winning; unknown and repeated keys are warned of. */
function fragmentEntries(text: string, warnings: string[]): Map<string, string> {
  const entries = new Map<string, string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const key = at < 0 ? part : part.slice(0, at);
    const value = at < 0 ? '' : part.slice(at + 1);

    if (!KEY_READERS.has(key) && key !== 'v')
      warnings.push(`ignored the unknown setting ${JSON.stringify(key.slice(0, 32))}`);
    else if (entries.has(key)) warnings.push(`ignored a repeated ${key} setting`);
    else entries.set(key, value);
  }
  return entries;
}

type KeyReader = (raw: string, view: Mutable<ViewState>) => string | undefined;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Each key's reader: sets its part of the view, or returns why it cannot. */
const KEY_READERS: ReadonlyMap<string, KeyReader> = new Map<string, KeyReader>([
  ['q', readQuery],
  ['re', readRegexMode],
  ['cols', (raw, view) => readNames(raw, 'columns', (names) => (view.columns = names))],
  ['facets', (raw, view) => readNames(raw, 'facets', (names) => (view.facets = names))],
  ['sort', readSort],
  ['tz', readTimeZone],
  ['view', readViewName],
  ['hunt', readHunt],
]);

function viewFromEntries(entries: ReadonlyMap<string, string>, warnings: string[]): ViewState {
  const view: Mutable<ViewState> = { ...DEFAULT_VIEW_STATE };
  for (const [key, raw] of entries) {
    const problem = KEY_READERS.get(key)?.(raw, view);
    if (problem !== undefined) warnings.push(problem);
  }
  return view;
}

/** Percent-decoded text, or undefined when the encoding is broken. */
function decoded(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function readQuery(raw: string, view: Mutable<ViewState>): string | undefined {
  const query = decoded(raw);
  if (query === undefined) return 'ignored the query: its percent-encoding is broken';
  if (query.length > QUERY_MAX_CHARS) {
    const size = `${query.length} characters long`;
    return `ignored the query: it is ${size}; the limit is ${QUERY_MAX_CHARS}`;
  }
  view.query = query;
  return undefined;
}

function readRegexMode(raw: string, view: Mutable<ViewState>): string | undefined {
  if (raw !== '0' && raw !== '1') return 'ignored the regex mode setting: expected 0 or 1';
  view.regexMode = raw === '1';
  return undefined;
}

function readNames(raw: string, what: string, set: (names: string[]) => void): string | undefined {
  const names = raw.split(',').map(decoded);
  const usable = names.filter((name): name is string => name !== undefined && isUsableName(name));
  const kept = [...new Set(usable)].slice(0, VIEW_MAX_NAMES);
  set(kept);
  return droppedWarning(what, names.length, kept.length);
}

function readSort(raw: string, view: Mutable<ViewState>): string | undefined {
  const parts = raw.split(',');
  view.sort = parts.flatMap(sortKey).slice(0, VIEW_MAX_NAMES);
  return droppedWarning('sort keys', parts.length, view.sort.length);
}

function sortKey(part: string): SortKey[] {
  const descending = part.startsWith('-');
  const column = decoded(descending ? part.slice(1) : part);
  return column === undefined || !isUsableName(column) ? [] : [{ column, descending }];
}

function isUsableName(name: string): boolean {
  return name !== '' && name.length <= VIEW_NAME_MAX_CHARS && !CONTROL.test(name);
}

function droppedWarning(what: string, given: number, kept: number): string | undefined {
  if (kept === given) return undefined;
  const why = 'empty, broken, repeated, too long or too many';
  return `ignored ${given - kept} of the ${given} ${what}: ${why}`;
}

function readTimeZone(raw: string, view: Mutable<ViewState>): string | undefined {
  const zone = decoded(raw);
  if (zone === undefined || !isTimeZone(zone))
    return 'ignored the time zone: not UTC, local or a known zone name; showing UTC';
  view.timeZone = zone;
  return undefined;
}

function isTimeZone(zone: string): boolean {
  if (zone === 'UTC' || zone === 'local') return true;
  if (zone.length > 64 || CONTROL.test(zone)) return false;

  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function readViewName(raw: string, view: Mutable<ViewState>): string | undefined {
  if (!VIEW_NAME.test(raw))
    return 'ignored the view name: expected lower-case letters, digits and -';
  view.view = raw;
  return undefined;
}

function readHunt(raw: string, view: Mutable<ViewState>): string | undefined {
  if (!VIEW_NAME.test(raw) || readyHunt(raw) === undefined)
    return `ignored the hunt ${JSON.stringify(raw.slice(0, 32))}: no ready-made hunt has that id`;
  view.hunt = raw;
  return undefined;
}
