/**
 * Sysmon's filter conditions, compared the way Sysmon's rule engine compares them
 * (Sysinternals/SysmonCommon `rules.c`, MatchFilterOnSpecificRule):
 *
 * - every comparison ignores case (rule values are lower-cased when loaded);
 * - `is any`, `contains any`, `contains all`, `excludes any` and `excludes all` split the rule
 *   value on `;` and do not trim the parts;
 * - `excludes`, `excludes any` and `excludes all` are the negations of `contains`,
 *   `contains any` and `contains all` (so `excludes any` matches when the field holds none of
 *   the parts, whatever the Sysinternals table's wording suggests);
 * - `less than` and `more than` compare text, not numbers: "1000" is less than "443";
 * - `image` compares with the part after the last `\` when the rule value has no `\`;
 * - nothing is a wildcard or a regular expression.
 */

/** Every condition Sysmon accepts, in its own spelling. */
export const CONDITION_OPERATORS = [
  'is',
  'is not',
  'is any',
  'contains',
  'contains any',
  'contains all',
  'excludes',
  'excludes any',
  'excludes all',
  'begin with',
  'not begin with',
  'end with',
  'not end with',
  'less than',
  'more than',
  'image',
] as const;

/** One condition operator. */
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** The operator Sysmon uses when a filter has no `condition` attribute. */
export const DEFAULT_CONDITION: ConditionOperator = 'is';

/**
 * The operator a `condition` attribute names, read without regard to case (a configuration
 * in use writes `Contains`), or undefined when it names none.
 */
export function conditionOperator(text: string): ConditionOperator | undefined {
  const wanted = text.toLowerCase();
  return CONDITION_OPERATORS.find((operator) => operator === wanted);
}

/** True when a field value `actual` satisfies `operator` with the rule value `expected`. */
export function matchesCondition(
  operator: ConditionOperator,
  expected: string,
  actual: string,
): boolean {
  return matchesFolded(operator, foldCase(expected), foldCase(actual));
}

/** matchesCondition for a rule value and a field value both already passed through foldCase. */
export function matchesFolded(operator: ConditionOperator, rule: string, field: string): boolean {
  switch (operator) {
    case 'is':
      return field === rule;
    case 'is not':
      return field !== rule;
    case 'is any':
      return listParts(rule).some((part) => part.text === field);
    case 'image':
      return imagePart(field, rule) === rule;
    default:
      return matchesText(operator, rule, field);
  }
}

function matchesText(operator: ConditionOperator, rule: string, field: string): boolean {
  switch (operator) {
    case 'contains':
      return containsText(field, rule);
    case 'excludes':
      return !containsText(field, rule);
    case 'contains any':
      return containsAny(field, rule);
    case 'excludes any':
      return !containsAny(field, rule);
    case 'contains all':
      return containsAll(field, rule);
    case 'excludes all':
      return !containsAll(field, rule);
    default:
      return matchesEdge(operator, rule, field);
  }
}

function matchesEdge(operator: ConditionOperator, rule: string, field: string): boolean {
  switch (operator) {
    case 'begin with':
      return field.startsWith(rule);
    case 'not begin with':
      return !field.startsWith(rule);
    case 'end with':
      return field.endsWith(rule);
    case 'not end with':
      return !field.endsWith(rule);
    case 'less than':
      return field < rule;
    case 'more than':
      return field > rule;
    default:
      return false;
  }
}

/** Sysmon's substring search never matches inside an empty field, not even an empty rule. */
function containsText(field: string, needle: string): boolean {
  return field !== '' && field.includes(needle);
}

function containsAny(field: string, rule: string): boolean {
  return listParts(rule).some((part) => containsText(field, part.needle));
}

function containsAll(field: string, rule: string): boolean {
  return listParts(rule).every((part) => containsText(field, part.needle));
}

/**
 * The `;`-separated parts of a list value. `needle` is what Sysmon's substring search looks for:
 * the part itself, except that an empty part (as in `a;;b` or a trailing `;`) makes Sysmon
 * search for the rest of the whole value from that point, because it then has no length limit.
 */
function listParts(rule: string): { text: string; needle: string }[] {
  const parts: { text: string; needle: string }[] = [];
  let start = 0;
  for (const text of rule.split(';')) {
    parts.push({ text, needle: text === '' ? rule.slice(start) : text });
    start += text.length + 1;
  }
  return parts;
}

/** The field compared by `image`: the file name when the rule value names no directory. */
function imagePart(field: string, rule: string): string {
  if (rule.includes('\\')) return field;
  return field.slice(field.lastIndexOf('\\') + 1);
}

/**
 * Lower case one UTF-16 unit at a time, as Sysmon's `towlower` does: characters whose lower
 * case would change the length (such as U+0130) stay as they are.
 */
export function foldCase(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) return text.toLowerCase();

  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charAt(i);
    const lower = unit.toLowerCase();
    folded += lower.length === 1 ? lower : unit;
  }
  return folded;
}
