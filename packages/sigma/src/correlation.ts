/**
 * A correlation rule's YAML document read and checked: its type, the rules it refers to, its
 * group-by fields and their aliases, its timespan and its condition (see the Sigma correlation
 * rules specification, v2.1.0).
 */
import { fail, quoted } from './errors.js';
import { SIGMA_LEVELS, isMap, optional, text, type SigmaLevel } from './rule.js';

/** The correlation types of the specification. */
export const CORRELATION_TYPES = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
] as const;
export type CorrelationType = (typeof CORRELATION_TYPES)[number];

/** The comparisons of a condition; several in one map are ANDed (a range). */
export const COMPARISONS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** A condition: every comparison given must hold. */
export type Bounds = Readonly<Partial<Record<Comparison, number>>>;

/** Types whose condition names a `field` of the events. */
const FIELD_TYPES: readonly CorrelationType[] = [
  'value_count',
  'value_sum',
  'value_avg',
  'value_percentile',
];

/** What a correlation's findings report of it. */
export interface CorrelationInfo {
  readonly id: string;
  readonly name?: string;
  readonly title: string;
  readonly level: SigmaLevel;
  readonly status?: string;
  readonly description?: string;
  readonly author?: string;
  readonly tags: readonly string[];
  readonly file: string;
}

/** A correlation as written, its rule references not yet resolved. */
export interface CorrelationDefinition {
  readonly info: CorrelationInfo;
  readonly type: CorrelationType;
  /** The `id` or `name` of each rule or correlation referred to, in order. */
  readonly rules: readonly string[];
  readonly groupBy: readonly string[];
  /** Alias name to (rule name to field name). */
  readonly aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The timespan in 100-ns ticks. */
  readonly timespan: bigint;
  /** The timespan as written (`5m`). */
  readonly timespanText: string;
  /** Undefined for temporal types without a condition: all rules must match. */
  readonly condition: Bounds | undefined;
  /** The field(s) of value_* types; several are ANDed into one value. */
  readonly fields: readonly string[];
  /** Whether the rules referred to are also reported on their own. */
  readonly generate: boolean;
}

const TICKS_PER_UNIT: Readonly<Record<string, bigint>> = {
  s: 10_000_000n,
  m: 600_000_000n,
  h: 36_000_000_000n,
  d: 864_000_000_000n,
};

/** Longest timespan accepted: a year. */
const TIMESPAN_LIMIT = 365n * 864_000_000_000n;

/** Reads a correlation document; throws a SigmaRuleError saying what is wrong with it. */
export function readCorrelation(
  document: Record<string, unknown>,
  file: string,
): CorrelationDefinition {
  const section = document['correlation'];
  if (!isMap(section)) fail('correlation is not a map');

  const type = correlationType(section['type']);
  const rules = ruleReferences(section['rules']);
  const groupBy = groupByFields(section['group-by']);
  const { ticks, text: timespanText } = timespan(section['timespan']);
  const { condition, fields } = conditionOf(section['condition'], type);
  const aliases = aliasesOf(section['aliases']);
  for (const [alias, byRule] of aliases) {
    for (const rule of byRule.keys()) {
      if (!rules.includes(rule)) {
        fail(`alias ${quoted(alias)} names rule ${quoted(rule)}, which the correlation does not`);
      }
    }
  }
  const generate = section['generate'] ?? document['generate'] ?? false;
  if (typeof generate !== 'boolean') fail('generate is not true or false');

  const info = correlationInfo(document, file);
  return {
    info,
    type,
    rules,
    groupBy,
    aliases,
    timespan: ticks,
    timespanText,
    condition,
    fields,
    generate,
  };
}

/** True when every comparison of the bounds holds for the value. */
export function holds(bounds: Bounds, value: number): boolean {
  if (bounds.gt !== undefined && !(value > bounds.gt)) return false;
  if (bounds.gte !== undefined && !(value >= bounds.gte)) return false;
  if (bounds.lt !== undefined && !(value < bounds.lt)) return false;
  if (bounds.lte !== undefined && !(value <= bounds.lte)) return false;
  if (bounds.eq !== undefined && value !== bounds.eq) return false;
  if (bounds.neq !== undefined && value === bounds.neq) return false;
  return true;
}

/** True when the bounds only ask for at least some value (gt, gte): more can only help. */
export function lowerBoundOnly(bounds: Bounds): boolean {
  return Object.keys(bounds).every((key) => key === 'gt' || key === 'gte');
}

function correlationType(value: unknown): CorrelationType {
  if (typeof value !== 'string') return fail('correlation has no type');
  if (!(CORRELATION_TYPES as readonly string[]).includes(value)) {
    fail(`unknown correlation type ${quoted(value)}`);
  }
  return value as CorrelationType;
}

function ruleReferences(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) return fail('correlation has no rules');
  if (!list.every((item) => typeof item === 'string' && item !== '')) {
    fail('correlation rules are not all names or ids');
  }
  return list as string[];
}

function groupByFields(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string' && item !== '')) {
    fail('group-by is not a list of field names');
  }
  return list as string[];
}

function timespan(value: unknown): { ticks: bigint; text: string } {
  if (typeof value !== 'string') return fail('correlation has no timespan');
  const match = /^(\d{1,9})([smhd])$/.exec(value);
  if (match === null) {
    fail(`bad timespan ${quoted(value)}: a number and one of s, m, h, d (like 5m)`);
  }
  const ticks = BigInt(match[1]!) * TICKS_PER_UNIT[match[2]!]!;
  if (ticks === 0n) fail(`bad timespan ${quoted(value)}: it is zero`);
  if (ticks > TIMESPAN_LIMIT) fail(`bad timespan ${quoted(value)}: over a year`);
  return { ticks, text: value };
}

function conditionOf(
  value: unknown,
  type: CorrelationType,
): { condition: Bounds | undefined; fields: string[] } {
  const temporal = type === 'temporal' || type === 'temporal_ordered';
  if (value === undefined && temporal) return { condition: undefined, fields: [] };
  if (!isMap(value)) return fail(`${type} correlations need a condition map`);

  const bounds: Partial<Record<Comparison, number>> = {};
  let fields: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (key === 'field') {
      fields = fieldList(item);
    } else if ((COMPARISONS as readonly string[]).includes(key)) {
      if (typeof item !== 'number' || !Number.isFinite(item)) {
        fail(`condition ${key} is not a number`);
      }
      bounds[key as Comparison] = item;
    } else {
      fail(`unknown condition ${quoted(key)} (gt, gte, lt, lte, eq, neq or field)`);
    }
  }
  if (Object.keys(bounds).length === 0) fail('the condition compares nothing (gt, gte, ...)');
  if (FIELD_TYPES.includes(type) && fields.length === 0) {
    fail(`${type} correlations need a field in their condition`);
  }
  if (type === 'temporal_ordered' && !lowerBoundOnly(bounds)) {
    fail('a temporal_ordered condition can only ask for at least some rules (gt, gte)');
  }
  if (!FIELD_TYPES.includes(type) && fields.length > 0) {
    fail(`${type} correlations take no field`);
  }
  return { condition: bounds, fields };
}

function fieldList(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) return fail('condition field is not a name');
  if (!list.every((item) => typeof item === 'string' && item !== '')) {
    fail('condition field is not a name');
  }
  return list as string[];
}

function aliasesOf(value: unknown): Map<string, Map<string, string>> {
  const aliases = new Map<string, Map<string, string>>();
  if (value === undefined || value === null) return aliases;
  if (!isMap(value)) return fail('aliases is not a map');
  for (const [alias, byRule] of Object.entries(value)) {
    if (!isMap(byRule)) fail(`alias ${quoted(alias)} is not a map of rule names to fields`);
    const fields = new Map<string, string>();
    for (const [rule, field] of Object.entries(byRule)) {
      if (typeof field !== 'string')
        fail(`alias ${quoted(alias)} gives no field for ${quoted(rule)}`);
      fields.set(rule, field);
    }
    aliases.set(alias, fields);
  }
  return aliases;
}

function correlationInfo(document: Record<string, unknown>, file: string): CorrelationInfo {
  const title = text(document, 'title') ?? fail('the correlation has no title');
  const level = (text(document, 'level') ?? 'medium').toLowerCase();
  if (!(SIGMA_LEVELS as readonly string[]).includes(level)) fail(`unknown level ${quoted(level)}`);
  const tags = Array.isArray(document['tags'])
    ? document['tags'].filter((tag) => typeof tag === 'string')
    : [];
  return {
    id: text(document, 'id') ?? '',
    ...optional('name', text(document, 'name')),
    title,
    level: level as SigmaLevel,
    ...optional('status', text(document, 'status')),
    ...optional('description', text(document, 'description')),
    ...optional('author', text(document, 'author')),
    tags,
    file,
  };
}
