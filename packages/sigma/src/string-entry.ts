/**
 * String values of one entry (`CommandLine|contains: [...]`): each value through the
 * transformation modifiers and placed, then a plain text placed in the field becomes a literal
 * id (looked for once per event with every other rule's, see literals.ts) and anything with a
 * wildcard inside a pattern test. Keywords (no field) keep pattern tests over every value.
 */
import {
  base64,
  base64Offsets,
  bytesOf,
  expandPlaceholders,
  textOf,
  utf16,
  windashVariants,
  type Encoded,
} from './encode.js';
import type { EventView } from './fields.js';
import type { LiteralKind } from './automaton.js';
import type { Modifiers } from './modifiers.js';
import {
  ANY_RUN,
  anchored,
  compileAnyPattern,
  compilePattern,
  literalPattern,
  parsePattern,
  type Pattern,
  type StringTest,
} from './pattern.js';
import { literalNeed, type Need } from './prefilter.js';
import type { FieldLiterals } from './literals.js';
import type { CompiledEntry, Matcher, ValueContext } from './values.js';

/** The matcher of string values of a field, and the literals it needs. */
export function stringEntry(
  field: string,
  texts: readonly string[],
  modifiers: Modifiers,
  context: ValueContext,
): CompiledEntry {
  const slot = context.table.slot(field);
  const cased = modifiers.cased;
  const { ids, tests, needed } = sortValues(
    slot,
    placedPatterns(field, texts, modifiers, context),
    cased,
    context.literals,
  );
  const read = cased
    ? (view: EventView) => view.values(slot)
    : (view: EventView) => view.lowered(slot);
  const match = modifiers.all
    ? allMatcher(ids, tests, read, context.literals)
    : anyMatcher(ids, tests, read, context.literals);
  return { match, need: entryNeed(needed, modifiers.all, context) };
}

/** A test of a pattern with a wildcard inside, and the id of a text it cannot match without. */
interface PatternTest {
  readonly test: StringTest;
  readonly piece: number | undefined;
}

/** The values sorted: literal ids, pattern tests, and per value the literal it needs. */
function sortValues(
  slot: number,
  patterns: readonly Pattern[],
  cased: boolean,
  literals: FieldLiterals,
): { ids: number[]; tests: PatternTest[]; needed: (number | undefined)[] } {
  const ids: number[] = [];
  const tests: PatternTest[] = [];
  const needed: (number | undefined)[] = [];
  for (const pattern of patterns) {
    const literal = literalOf(pattern, cased);
    if (literal !== undefined) {
      const id = literals.add(slot, literal.kind, literal.text, cased);
      ids.push(id);
      needed.push(id);
      continue;
    }
    const text = longestPiece(pattern, cased);
    const piece = text === undefined ? undefined : literals.add(slot, 'contains', text, cased);
    tests.push({ test: compilePattern(pattern, !cased), piece });
    needed.push(piece);
  }
  return { ids, tests, needed };
}

type Reader = (view: EventView) => readonly string[] | undefined;

/** Every literal found and every pattern matching some value. */
function allMatcher(
  ids: readonly number[],
  tests: readonly PatternTest[],
  read: Reader,
  literals: FieldLiterals,
): Matcher {
  return (view) => {
    for (const id of ids) if (!literals.has(id)) return false;
    for (const { piece } of tests) if (piece !== undefined && !literals.has(piece)) return false;
    if (tests.length === 0) return true;
    const values = read(view);
    return values !== undefined && tests.every(({ test }) => values.some(test));
  };
}

/** Some literal found, or some pattern (whose piece was found) matching some value. */
function anyMatcher(
  ids: readonly number[],
  tests: readonly PatternTest[],
  read: Reader,
  literals: FieldLiterals,
): Matcher {
  const single = ids.length === 1 && tests.length === 0 ? ids[0] : undefined;
  if (single !== undefined) return () => literals.has(single);
  return (view) => {
    for (const id of ids) if (literals.has(id)) return true;
    for (const { test, piece } of tests) {
      if (piece !== undefined && !literals.has(piece)) continue;
      const values = read(view);
      if (values === undefined) return false;
      for (const value of values) if (test(value)) return true;
    }
    return false;
  };
}

/**
 * Of `all` one literal will do (the rarest); otherwise each value must bring one, since any
 * value may be the one that matches.
 */
function entryNeed(
  needed: readonly (number | undefined)[],
  all: boolean,
  { literals }: ValueContext,
): Need {
  const known = needed.filter((id) => id !== undefined);
  if (all) {
    const rarest = known.reduce<number | undefined>(
      (best, id) => (best === undefined || literals.cost(id) < literals.cost(best) ? id : best),
      undefined,
    );
    return rarest === undefined ? undefined : literalNeed([rarest], literals);
  }
  return known.length === needed.length ? literalNeed(known, literals) : undefined;
}

/** A placed pattern of one plain text: where it sits and the text (lower-cased unless cased). */
function literalOf(
  pattern: Pattern,
  cased: boolean,
): { kind: LiteralKind; text: string } | undefined {
  const before = pattern[0] === ANY_RUN;
  const after = pattern.length > 1 && pattern[pattern.length - 1] === ANY_RUN;
  const inner = pattern.slice(before ? 1 : 0, after ? -1 : undefined);
  const text = inner[0];
  if (inner.length !== 1 || typeof text !== 'string' || text === '') return undefined;

  const kind = before ? (after ? 'contains' : 'endswith') : after ? 'startswith' : 'exact';
  return { kind, text: cased ? text : text.toLowerCase() };
}

/** The longest plain text of a pattern: any value it matches holds that text. */
function longestPiece(pattern: Pattern, cased: boolean): string | undefined {
  let longest = '';
  for (const part of pattern) {
    if (typeof part === 'string' && part.length > longest.length) longest = part;
  }
  if (longest === '') return undefined;
  return cased ? longest : longest.toLowerCase();
}

/**
 * Tests of keyword values, found anywhere in any value of the event.
 * TODO: keywords are still one test per value and rule, not searched with the literals of a
 * field, because they look through every field of the event rather than one slot.
 */
export function keywordTests(
  texts: readonly string[],
  modifiers: Modifiers,
  context: ValueContext,
): ((value: string, view: EventView) => boolean)[] {
  const placed = placedPatterns('', texts, modifiers, context);
  if (modifiers.all) return placed.map((pattern) => compilePattern(pattern, !modifiers.cased));

  const { exact, baseNames, tests } = compileAnyPattern(placed, !modifiers.cased);
  const fused: ((value: string, view: EventView) => boolean)[] = [...tests];
  if (exact.size > 0) fused.unshift((value) => exact.has(value));
  if (baseNames.size > 0) fused.unshift((value, view) => baseNames.has(view.baseName(value)));
  return fused;
}

/** The values through the transformations, with `*` before and after as the placement says. */
function placedPatterns(
  field: string,
  texts: readonly string[],
  modifiers: Modifiers,
  context: ValueContext,
): Pattern[] {
  const patterns = texts.flatMap((text) => transformed(text, modifiers, context));
  const before = modifiers.placement === 'contains' || modifiers.placement === 'endswith';
  const after = modifiers.placement === 'contains' || modifiers.placement === 'startswith';
  // A keyword is found anywhere in the event's values.
  const keyword = field === '';
  return patterns.map((pattern) => anchored(pattern, before || keyword, after || keyword));
}

/**
 * One value through the transformation modifiers in order. Encoded values are plain text (a
 * `*` in base64 is no wildcard); values only dash-swapped or expanded keep their wildcards.
 */
function transformed(text: string, modifiers: Modifiers, context: ValueContext): Pattern[] {
  const encodes = modifiers.transforms.some((name) => name !== 'windash' && name !== 'expand');
  let values: Encoded[] = [text];
  for (const name of modifiers.transforms) {
    values = values.flatMap((value) => transform(name, value, context));
  }
  return values.map((value) =>
    encodes ? literalPattern(textOf(value)) : parsePattern(textOf(value)),
  );
}

function transform(
  name: Modifiers['transforms'][number],
  value: Encoded,
  context: ValueContext,
): Encoded[] {
  switch (name) {
    case 'base64':
      return [base64(bytesOf(value))];
    case 'base64offset':
      return base64Offsets(bytesOf(value));
    case 'utf16le':
    case 'wide':
      return [utf16(value, true)];
    case 'utf16be':
      return [utf16(value, false)];
    case 'utf16':
      return [utf16(value, true, true)];
    case 'windash':
      return windashVariants(textOf(value));
    case 'expand':
      return expandPlaceholders(textOf(value), context.placeholders);
  }
}
