/**
 * A rule's `detection` compiled for one source: each search identifier to a matcher (a map is
 * AND of its entries, a list OR of its items, plain strings are keywords), then the condition
 * to one matcher over them.
 */
import { identifiersOf, parseCondition, type Condition } from './condition.js';
import { fail, quoted } from './errors.js';
import { parseModifiers } from './modifiers.js';
import { allNeed, anyNeed, conditionNeed, type Need } from './prefilter.js';
import { compileEntry, type Matcher, type Scalar, type ValueContext } from './values.js';

/** A compiled detection and the Sigma field names it reads. */
export interface CompiledDetection {
  readonly match: Matcher;
  readonly fields: readonly string[];
  /** What an event must hold for the detection to have a chance (see prefilter.ts). */
  readonly need: Need;
}

/** A search identifier's matcher and need. */
interface Compiled {
  readonly match: Matcher;
  readonly need: Need;
}

/** Compiles `detection` (the YAML value) against one source's field table. */
export function compileDetection(detection: unknown, context: ValueContext): CompiledDetection {
  if (!isMap(detection)) fail('detection is not a map');
  const fields = new Set<string>();
  const identifiers = new Map<string, Matcher>();
  const needs = new Map<string, Need>();
  for (const [name, value] of Object.entries(detection)) {
    if (name === 'condition' || name === 'timeframe') continue;
    const compiled = compileIdentifier(name, value, context, fields);
    identifiers.set(name, compiled.match);
    needs.set(name, compiled.need);
  }

  const conditions = conditionTexts(detection['condition']).map(parseCondition);
  const matchers = conditions.map((condition) => compileCondition(condition, identifiers));
  const match = matchers.length === 1 ? matchers[0]! : anyOf(matchers);
  const need = anyNeed(conditions.map((condition) => conditionNeed(condition, needs)));
  return { match, fields: [...fields], need };
}

function conditionTexts(condition: unknown): string[] {
  if (typeof condition === 'string') return [condition];
  if (
    Array.isArray(condition) &&
    condition.length > 0 &&
    condition.every((item) => typeof item === 'string')
  ) {
    return condition as string[];
  }
  return fail('detection has no condition (a text or a list of texts)');
}

function compileIdentifier(
  name: string,
  value: unknown,
  context: ValueContext,
  fields: Set<string>,
): Compiled {
  if (isMap(value)) return compileMap(name, value, context, fields);
  if (Array.isArray(value)) {
    if (value.length === 0) fail(`search identifier ${quoted(name)} is an empty list`);
    const keywords = value.filter(isScalar);
    const maps = value.filter((item) => !isScalar(item));
    const compiled = maps.map((item) => {
      if (!isMap(item))
        fail(`search identifier ${quoted(name)} lists something neither a value nor a map`);
      return compileMap(name, item, context, fields);
    });
    if (keywords.length > 0) compiled.push(keywordEntry(keywords, context));
    const match = anyOf(compiled.map((item) => item.match));
    return { match, need: anyNeed(compiled.map((item) => item.need)) };
  }
  if (isScalar(value) && value !== null) return keywordEntry([value], context);
  return fail(`search identifier ${quoted(name)} is neither a map nor a list`);
}

function compileMap(
  name: string,
  map: Record<string, unknown>,
  context: ValueContext,
  fields: Set<string>,
): Compiled {
  const entries = Object.entries(map);
  if (entries.length === 0) fail(`search identifier ${quoted(name)} is an empty map`);
  const compiled = entries.map(([key, value]) => {
    const [field = '', ...modifiers] = key.split('|');
    const values = Array.isArray(value) ? value : [value];
    if (!values.every(isScalar))
      fail(
        `field ${quoted(key)} of ${quoted(name)} has a value that is not text, number, boolean or null`,
      );
    if (field !== '') fields.add(field);
    return compileEntry(field, parseModifiers(modifiers), values, context);
  });
  const match = allOf(compiled.map((item) => item.match));
  return { match, need: allNeed(compiled.map((item) => item.need)) };
}

function keywordEntry(keywords: readonly Scalar[], context: ValueContext): Compiled {
  return compileEntry('', parseModifiers([]), keywords, context);
}

function compileCondition(
  condition: Condition,
  identifiers: ReadonlyMap<string, Matcher>,
): Matcher {
  switch (condition.kind) {
    case 'id':
      return (
        identifiers.get(condition.name) ??
        fail(`condition names unknown search identifier ${quoted(condition.name)}`)
      );
    case 'not': {
      const operand = compileCondition(condition.operand, identifiers);
      return (view) => !operand(view);
    }
    case 'and':
      return allOf(condition.operands.map((operand) => compileCondition(operand, identifiers)));
    case 'or':
      return anyOf(condition.operands.map((operand) => compileCondition(operand, identifiers)));
    case 'of': {
      const names = identifiersOf(condition.pattern, [...identifiers.keys()]);
      if (names.length === 0)
        fail(`condition pattern ${quoted(condition.pattern)} names no search identifier`);
      const matchers = names.map((name) => identifiers.get(name)!);
      return condition.quantifier === 'all' ? allOf(matchers) : anyOf(matchers);
    }
  }
}

function allOf(matchers: readonly Matcher[]): Matcher {
  if (matchers.length === 1) return matchers[0]!;
  return (view) => {
    for (const matcher of matchers) if (!matcher(view)) return false;
    return true;
  };
}

function anyOf(matchers: readonly Matcher[]): Matcher {
  if (matchers.length === 1) return matchers[0]!;
  return (view) => {
    for (const matcher of matchers) if (matcher(view)) return true;
    return false;
  };
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
