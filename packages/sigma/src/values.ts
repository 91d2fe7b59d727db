/**
 * One detection entry (`field|modifiers: values`) compiled to a matcher of events: the values
 * transformed and turned into tests once, the field read through the source's slot table.
 * String comparisons of a field are in string-entry.ts.
 */
import { cidrContains, parseCidr, type Cidr } from '@evtxhunt/hunt';

import { fail, quoted } from './errors.js';
import type { EventView, FieldTable } from './fields.js';
import type { FieldLiterals } from './literals.js';
import type { Modifiers, TimePart } from './modifiers.js';
import type { Need } from './prefilter.js';
import { compileRegex } from './regex.js';
import { requiredText } from './regex-literal.js';
import { keywordTests, stringEntry } from './string-entry.js';
import { timePart } from './time-part.js';

/** Tests one event. */
export type Matcher = (view: EventView) => boolean;

/** A scalar value of a rule as YAML gives it. */
export type Scalar = string | number | boolean | null;

/** What compiling a value needs besides the values. */
export interface ValueContext {
  readonly table: FieldTable;
  readonly placeholders: ReadonlyMap<string, readonly string[]>;
  /** See SigmaOptions.linearRegexFallback. */
  readonly linearRegexFallback: boolean;
  /** The literals of the source's rules (see literals.ts). */
  readonly literals: FieldLiterals;
}

/** An entry's matcher and what an event must hold for it to match. */
export interface CompiledEntry {
  readonly match: Matcher;
  readonly need: Need;
}

/** The matcher of `field|modifiers: values`; an empty `field` searches every value (keywords). */
export function compileEntry(
  field: string,
  modifiers: Modifiers,
  values: readonly Scalar[],
  context: ValueContext,
): CompiledEntry {
  if (values.length === 0) fail(`field ${quoted(field)} has an empty list of values`);
  if (modifiers.all && values.length === 1) {
    fail(`modifier 'all' on ${quoted(field)} needs a list of more than one value`);
  }
  const entry = entryMatcher(field, modifiers, values, context);
  if (!modifiers.neq) return entry;
  return { match: (view) => !entry.match(view), need: undefined };
}

function entryMatcher(
  field: string,
  modifiers: Modifiers,
  values: readonly Scalar[],
  context: ValueContext,
): CompiledEntry {
  if (modifiers.comparison === 'exists') {
    return { match: existsMatcher(field, values, context.table), need: undefined };
  }

  const nulls = values.filter((value) => value === null).length;
  const others = values.filter((value) => value !== null);
  if (nulls > 0) {
    if (field === '') fail('a keyword cannot be null');
    const slot = context.table.slot(field);
    const absent: Matcher = (view) => view.values(slot) === undefined;
    if (others.length === 0) return { match: absent, need: undefined };
    const present = valuesMatcher(field, modifiers, others, context).match;
    return { match: (view) => absent(view) || present(view), need: undefined };
  }
  return valuesMatcher(field, modifiers, others, context);
}

function existsMatcher(field: string, values: readonly Scalar[], table: FieldTable): Matcher {
  const wanted = values[0];
  if (values.length !== 1 || typeof wanted !== 'boolean') {
    fail(`modifier 'exists' on ${quoted(field)} takes true or false`);
  }
  const slot = table.slot(field);
  return (view) => (view.values(slot) !== undefined) === wanted;
}

/** A test of one field value (lower-cased unless the comparison is case-sensitive). */
type ValueTest = (value: string, view: EventView) => boolean;

function valuesMatcher(
  field: string,
  modifiers: Modifiers,
  values: readonly Scalar[],
  context: ValueContext,
): CompiledEntry {
  const stringComparison = modifiers.comparison === undefined && modifiers.timePart === undefined;
  if (stringComparison && field !== '')
    return stringEntry(field, values.map(String), modifiers, context);

  const { tests, lower } = valueTests(modifiers, values, context);
  const part = modifiers.timePart;
  const read =
    field === ''
      ? (view: EventView) => view.allLowered()
      : readerOf(context.table.slot(field), lower, part);
  const combine = modifiers.all ? everyTest : anyTest;
  const match: Matcher = (view) => {
    const fieldValues = read(view);
    return fieldValues !== undefined && combine(tests, fieldValues, view);
  };
  return { match, need: undefined };
}

function readerOf(
  slot: number,
  lower: boolean,
  part: TimePart | undefined,
): (view: EventView) => readonly string[] | undefined {
  if (part !== undefined) {
    return (view) => view.values(slot)?.flatMap((value) => timePart(value, part) ?? []);
  }
  return lower ? (view) => view.lowered(slot) : (view) => view.values(slot);
}

function anyTest(tests: readonly ValueTest[], values: readonly string[], view: EventView): boolean {
  for (const value of values) {
    for (const test of tests) if (test(value, view)) return true;
  }
  return false;
}

function everyTest(
  tests: readonly ValueTest[],
  values: readonly string[],
  view: EventView,
): boolean {
  return tests.every((test) => values.some((value) => test(value, view)));
}

/** The tests of the values, and whether they take lower-cased field values. */
function valueTests(
  modifiers: Modifiers,
  values: readonly Scalar[],
  context: ValueContext,
): { tests: ValueTest[]; lower: boolean } {
  const texts = values.map(String);
  switch (modifiers.comparison) {
    case 're':
      return {
        tests: texts.map((text) => regexTest(text, modifiers.regexFlags)),
        lower: false,
      };
    case 'cidr':
      return { tests: texts.map(cidrTest), lower: false };
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const comparison = modifiers.comparison;
      return { tests: texts.map((text) => numberTest(text, comparison)), lower: false };
    }
    case 'fieldref':
      return { tests: texts.map((name) => fieldrefTest(name, modifiers, context)), lower: false };
    default:
      if (modifiers.timePart !== undefined) {
        return { tests: texts.map((text) => numberTest(text, 'eq')), lower: false };
      }
      return { tests: keywordTests(texts, modifiers, context), lower: !modifiers.cased };
  }
}

function regexTest(text: string, flags: string): ValueTest {
  const regex = compileRegex(text, flags);
  const required = requiredText(text, flags);
  if (required === undefined) return (value) => regex.test(value);
  return (value) => value.includes(required) && regex.test(value);
}

function cidrTest(text: string): ValueTest {
  const cidr: Cidr = parseCidr(text) ?? fail(`cidr value ${quoted(text)} is not an address block`);
  return (value, view) => {
    const ip = view.ip(value);
    return ip !== undefined && cidrContains(cidr, ip);
  };
}

function numberTest(text: string, comparison: 'lt' | 'lte' | 'gt' | 'gte' | 'eq'): ValueTest {
  const limit = Number(text);
  if (text.trim() === '' || !Number.isFinite(limit)) fail(`${quoted(text)} is not a number`);
  const compare = {
    lt: (n: number) => n < limit,
    lte: (n: number) => n <= limit,
    gt: (n: number) => n > limit,
    gte: (n: number) => n >= limit,
    eq: (n: number) => n === limit,
  }[comparison];
  return (value) => value.trim() !== '' && compare(Number(value));
}

/** Equal to (or placed in) another field of the same event. */
function fieldrefTest(name: string, modifiers: Modifiers, context: ValueContext): ValueTest {
  const slot = context.table.slot(name);
  const cased = modifiers.cased;
  const compare = placedCompare(modifiers.placement);
  return (value, view) => {
    const others = cased ? view.values(slot) : view.lowered(slot);
    const own = cased ? value : value.toLowerCase();
    return others !== undefined && others.some((other) => compare(own, other));
  };
}

function placedCompare(
  placement: Modifiers['placement'],
): (value: string, other: string) => boolean {
  if (placement === 'contains') return (value, other) => value.includes(other);
  if (placement === 'startswith') return (value, other) => value.startsWith(other);
  if (placement === 'endswith') return (value, other) => value.endsWith(other);
  return (value, other) => value === other;
}
