/**
 * A rule's `detection` compiled for one source: each search identifier to a matcher (a map is
 * AND of its entries, a list OR of its items, plain strings are keywords), then the condition
 * to one matcher over them.
 */
import { identifiersOf, parseCondition, type Condition } from './condition.js';
import { fail, quoted } from './errors.js';
import { parseModifiers } from './modifiers.js';
import { compileEntry, type Matcher, type Scalar, type ValueContext } from './values.js';

/** A compiled detection and the Sigma field names it reads. */
export interface CompiledDetection {
  readonly match: Matcher;
  readonly fields: readonly string[];
}

/** Compiles `detection` (the YAML value) against one source's field table. */
export function compileDetection(detection: unknown, context: ValueContext): CompiledDetection {
  if (!isMap(detection)) fail('detection is not a map');
  const fields = new Set<string>();
  const identifiers = new Map<string, Matcher>();
  for (const [name, value] of Object.entries(detection)) {
    if (name === 'condition' || name === 'timeframe') continue;
    identifiers.set(name, compileIdentifier(name, value, context, fields));
  }

  const conditions = conditionTexts(detection['condition']);
  const matchers = conditions.map((text) => compileCondition(parseCondition(text), identifiers));
  const match = matchers.length === 1 ? matchers[0]! : anyOf(matchers);
  return { match, fields: [...fields] };
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
): Matcher {
  if (isMap(value)) return compileMap(name, value, context, fields);
  if (Array.isArray(value)) {
    if (value.length === 0) fail(`search identifier ${quoted(name)} is an empty list`);
    const keywords = value.filter(isScalar);
    const maps = value.filter((item) => !isScalar(item));
    const matchers = maps.map((item) => {
      if (!isMap(item))
        fail(`search identifier ${quoted(name)} lists something neither a value nor a map`);
      return compileMap(name, item, context, fields);
    });
    if (keywords.length > 0) matchers.push(compileEntry('', parseModifiers([]), keywords, context));
    return anyOf(matchers);
  }
  if (isScalar(value) && value !== null)
    return compileEntry('', parseModifiers([]), [value], context);
  return fail(`search identifier ${quoted(name)} is neither a map nor a list`);
}

function compileMap(
  name: string,
  map: Record<string, unknown>,
  context: ValueContext,
  fields: Set<string>,
): Matcher {
  const entries = Object.entries(map);
  if (entries.length === 0) fail(`search identifier ${quoted(name)} is an empty map`);
  const matchers = entries.map(([key, value]) => {
    const [field = '', ...modifiers] = key.split('|');
    const values = Array.isArray(value) ? value : [value];
    if (!values.every(isScalar))
      fail(
        `field ${quoted(key)} of ${quoted(name)} has a value that is not text, number, boolean or null`,
      );
    if (field !== '') fields.add(field);
    return compileEntry(field, parseModifiers(modifiers), values, context);
  });
  return allOf(matchers);
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
