/**
 * Rules in words, for the sentences an analyst reads: `Image end with chrome.exe (line 812)`.
 * Values appear as written in the configuration; whoever prints them escapes them.
 */
import type { CompoundRule, FieldFilter, RuleItem } from './model.js';

/** Most rules named in one sentence; the rest are counted. */
const LISTED_RULES = 3;

/** A filter as `Field operator value`. */
export function describeFilter(filter: FieldFilter): string {
  return `${filter.field} ${filter.operator} ${filter.value}`;
}

/** A filter or compound rule with its line. */
export function describeItem(item: RuleItem): string {
  if (item.kind === 'filter') return `${describeFilter(item)} (line ${item.line})`;
  return describeCompound(item);
}

/** Several rules joined with "and", the first few named and the rest counted. */
export function describeItems(items: readonly RuleItem[]): string {
  const named = items.slice(0, LISTED_RULES).map(describeItem);
  const rest = items.length - named.length;
  if (rest > 0) named.push(`${rest} more`);
  return named.join(' and ');
}

function describeCompound(rule: CompoundRule): string {
  const label = rule.name === undefined ? 'Rule' : `Rule ${JSON.stringify(rule.name)}`;
  const filters = rule.filters.slice(0, LISTED_RULES).map(describeFilter);
  const rest = rule.filters.length - filters.length;
  if (rest > 0) filters.push(`${rest} more`);
  return `${label} (line ${rule.line}: ${filters.join(` ${rule.relation} `)})`;
}
