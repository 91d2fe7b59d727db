/**
 * The query language of the workbench's query box and the CLI's `--query`. A query is plain
 * text; parseQuery turns it into the tree below, which is plain data (no functions, no RegExp),
 * so it can cross a worker boundary and be formatted back to canonical text.
 *
 * Terms
 *   rundll32             bare word: some field of the event contains it, ignoring case
 *   "Program Files"      quoted phrase: the same, spaces included
 *   Image:C:\x\a.exe     a field equals the value, ignoring case (every value of a repeated field
 *                        is tried; a missing field never equals anything)
 *   Image:"C:\a b\c.exe" quoted value: literal text, no wildcards; `\"` is a quote and `\\` a
 *                        backslash, any other backslash is itself (so paths need no doubling)
 *   Image:*\rundll32.exe wildcards in unquoted values: `*` any run, `?` one character; the whole
 *                        value must match. A bare word with wildcards matches inside a value
 *   Image:*              the field is present (even when empty)
 *   Port:>1024           comparisons >, >=, <, <= on numbers (decimal or 0x hex) or times
 *   Port:[1 TO 1024]     ranges, `[` `]` inclusive, `{` `}` exclusive, `*` an open end;
 *   Port:1..1024         also written a..b (inclusive) when both ends are numbers or both times
 *   time:2024-05-01      a time value: every instant of that day (or minute, second, ...)
 *   CommandLine:/-e(nc)?\s/i   a regular expression (flags i, m, s, u), searched in the value
 *
 * Times are ISO-8601 in UTC unless they carry an offset: `2024-05-01`, `2024-05-01T10:00Z`,
 * `2024-05-01T10:00:05.25`. A time stands for its whole span, so `time:<=2024-05-01` keeps all of
 * May 1st and `time:>2024-05-01T10:00` starts at 10:01. Field values are read as times in ISO or
 * Sysmon's `UtcTime` form (`2024-05-01 10:00:00.123`).
 *
 * Combining: terms side by side must all hold (AND, also written `AND`); `OR` binds less tightly
 * than AND; `-term` and `NOT term` negate; parentheses group. Keywords are upper case: `or` is a
 * word. A bare word starting with `-` or equal to a keyword must be quoted (`"-enc"`, `"OR"`).
 *
 * Field names ignore case. System fields: eventId, provider, channel, computer, level, recordId,
 * timeCreated (also `time`), file; anything else is an event data field such as Image. `C:\...`
 * is a path, not the field `C`. In regex mode every bare word or phrase is a regular expression
 * (ignoring case) searched in every field.
 */

/** A span of the query text: UTF-16 offsets, `start` included and `end` excluded. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** One node of a parsed query. `range` is where it was written; builders may leave it out. */
export type QueryNode = AllNode | AndNode | OrNode | NotNode | TermNode;

/** The empty query: every row matches. */
export interface AllNode {
  readonly kind: 'all';
}

/** Every child must match. Never fewer than two children. */
export interface AndNode {
  readonly kind: 'and';
  readonly children: readonly QueryNode[];
  readonly range?: TextRange;
}

/** Some child must match. Never fewer than two children. */
export interface OrNode {
  readonly kind: 'or';
  readonly children: readonly QueryNode[];
  readonly range?: TextRange;
}

/** The child must not match. */
export interface NotNode {
  readonly kind: 'not';
  readonly child: QueryNode;
  readonly range?: TextRange;
}

/** One test, on a named field or (when `field` is undefined) on every field of the row. */
export interface TermNode {
  readonly kind: 'term';
  /** Canonical field name: System fields as in SYSTEM_FIELDS, data fields as known or typed. */
  readonly field: string | undefined;
  readonly match: ValueMatch;
  readonly range?: TextRange;
}

/** How a term tests a value. */
export type ValueMatch =
  TextMatch | GlobMatch | ExistsMatch | CompareMatch | RangeMatch | TimeMatch | RegexMatch;

/** With a field: equal ignoring case. Bare: contained in some value, ignoring case. */
export interface TextMatch {
  readonly kind: 'text';
  readonly value: string;
}

/** `*` and `?` wildcards, ignoring case; bare globs may match inside a value. */
export interface GlobMatch {
  readonly kind: 'glob';
  readonly pattern: string;
}

/** The field is present. */
export interface ExistsMatch {
  readonly kind: 'exists';
}

/** The comparison operators. */
export type CompareOperator = '>' | '>=' | '<' | '<=';

/** A value compared with one bound. */
export interface CompareMatch {
  readonly kind: 'compare';
  readonly operator: CompareOperator;
  readonly bound: Bound;
}

/** A value between two bounds, at least one given; both of the same kind. */
export interface RangeMatch {
  readonly kind: 'range';
  readonly low: Bound | undefined;
  readonly lowInclusive: boolean;
  readonly high: Bound | undefined;
  readonly highInclusive: boolean;
}

/** A value read as a time falls inside the bound's span. */
export interface TimeMatch {
  readonly kind: 'time';
  readonly bound: TimeBound;
}

/** A regular expression searched in the value. */
export interface RegexMatch {
  readonly kind: 'regex';
  readonly source: string;
  readonly flags: string;
}

/** A number or a time as written in the query, with its value. */
export type Bound = NumberBound | TimeBound;

/** A number bound. */
export interface NumberBound {
  readonly kind: 'number';
  readonly text: string;
  readonly value: number;
}

/**
 * A time bound: the span the written time stands for, in epoch milliseconds, `end` excluded,
 * for display (a double rounds below the millisecond); matching reads `text`, exact to 1 ns.
 */
export interface TimeBound {
  readonly kind: 'time';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}
