/**
 * Reading the inside of an event element: field filters and compound `<Rule>` groups, with the
 * RuleName each filter records and warnings for what Sysmon would refuse or read surprisingly.
 */
import { type ConditionOperator, DEFAULT_CONDITION, conditionOperator } from './conditions.js';
import type { CompoundRule, FieldFilter, RuleItem } from './model.js';
import { type Reading, readRelation, warn } from './reading.js';
import { type XmlElement, attributeValue, childElements, ownText } from './xml.js';

/** Longest RuleName Sysmon accepts, in characters. */
const RULE_NAME_LIMIT = 255;

/** The filters and compound rules of an event element; `groupName` is its RuleGroup's name. */
export function readItems(reading: Reading, event: XmlElement, groupName?: string): RuleItem[] {
  warnAboutText(reading, event);

  const items: RuleItem[] = [];
  for (const child of childElements(event)) {
    const item =
      child.name.toLowerCase() === 'rule'
        ? readCompoundRule(reading, child, groupName)
        : readFilter(reading, child, groupName);
    if (item !== undefined) items.push(item);
  }
  return items;
}

function readCompoundRule(
  reading: Reading,
  rule: XmlElement,
  groupName?: string,
): CompoundRule | undefined {
  warnAboutText(reading, rule);
  const name = attributeValue(rule, 'name') || undefined;
  const inherited = name ?? groupName;
  const filters: FieldFilter[] = [];
  for (const child of childElements(rule)) {
    if (child.name.toLowerCase() === 'rule') {
      warn(reading, child, 'a <Rule> inside a <Rule> is ignored');
      continue;
    }
    pushDefined(filters, readFilter(reading, child, inherited));
  }

  if (filters.length === 0) {
    warn(reading, rule, '<Rule> without filters is ignored, as Sysmon keeps nothing of it');
    return undefined;
  }
  const relation = readRelation(reading, rule) ?? 'and';
  return {
    kind: 'rule',
    relation,
    ...(name === undefined ? {} : { name }),
    filters,
    line: rule.line,
  };
}

/**
 * One field filter. Its field name is checked against the fields Sysmon writes by the caller
 * (config.ts, warnAboutFields), which knows the event type.
 */
function readFilter(
  reading: Reading,
  filter: XmlElement,
  inherited?: string,
): FieldFilter | undefined {
  const operator = readOperator(reading, filter);
  if (operator === undefined) return undefined;

  const value = ownText(filter);
  warnAboutValue(reading, filter, value);
  const name = filterName(reading, filter, inherited);
  return {
    kind: 'filter',
    field: filter.name,
    operator,
    value,
    ...(name ? { name } : {}),
    line: filter.line,
  };
}

function readOperator(reading: Reading, filter: XmlElement): ConditionOperator | undefined {
  const condition = attributeValue(filter, 'condition');
  if (condition === undefined) return DEFAULT_CONDITION;

  const operator = conditionOperator(condition);
  const quoted = JSON.stringify(condition);
  if (operator === undefined) {
    const problem = `unknown condition ${quoted} on <${filter.name}>`;
    warn(reading, filter, `${problem}; Sysmon refuses the file; filter ignored`);
  } else if (operator !== condition) {
    warn(reading, filter, `condition ${quoted} is not Sysmon's spelling; read as "${operator}"`);
  }
  return operator;
}

/** An explicit `name=""` stops inheritance, as in Sysmon: the filter then records no name. */
function filterName(reading: Reading, filter: XmlElement, inherited?: string): string | undefined {
  const name = attributeValue(filter, 'name') ?? inherited;
  if (name !== undefined && name.length > RULE_NAME_LIMIT) {
    const problem = `rule name longer than ${RULE_NAME_LIMIT} characters`;
    warn(reading, filter, `${problem}; Sysmon refuses the file`);
  }
  return name;
}

function warnAboutValue(reading: Reading, filter: XmlElement, value: string): void {
  const what = `value of <${filter.name}>`;
  if (value !== value.trim()) {
    warn(
      reading,
      filter,
      `${what} starts or ends with white space, which Sysmon compares as written`,
    );
  }
  if (value.includes('%')) {
    // TODO: Sysmon expands %VARIABLE% environment variables in rule values on Windows; this
    // evaluator compares the value as written, so such a filter may match differently.
    const expands = 'Sysmon may expand it as an environment variable';
    warn(reading, filter, `${what} contains '%': ${expands}; compared as written here`);
  }
  if (childElements(filter).length > 0) {
    warn(reading, filter, `elements inside <${filter.name}> are ignored`);
  }
}

function warnAboutText(reading: Reading, element: XmlElement): void {
  const stray = element.children.find((child) => child.kind === 'text' && child.text.trim() !== '');
  if (stray !== undefined) warn(reading, stray, `text inside <${element.name}> is ignored`);
}

function pushDefined<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}
