/**
 * The `--where` filter language: `Field=value`, `Field!=value` and `Field~substring` (substring
 * without regard to case). Several conditions combine with AND. A field is a System field
 * (`eventId`, `provider`, `channel`, `computer`, ...) or an event data field such as `Image`.
 */
import { fieldValues } from './fields.js';
import type { EventRecord } from './record.js';

/** How a condition compares the field with its value. */
export type WhereOperator = '=' | '!=' | '~';

/** One parsed condition. */
export interface WhereCondition {
  readonly field: string;
  readonly operator: WhereOperator;
  readonly value: string;
}

/** A malformed filter expression, with the character position where parsing stopped. */
export class WhereSyntaxError extends Error {
  override readonly name = 'WhereSyntaxError';
  readonly expression: string;
  readonly position: number;

  constructor(expression: string, position: number, problem: string) {
    super(`Cannot parse filter ${JSON.stringify(expression)}: ${problem} at position ${position}`);
    this.expression = expression;
    this.position = position;
  }
}

/** Letters, digits, `_`, `.` and `-`, not starting with a digit, dot or dash: XML-like names. */
const FIELD_NAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;

/**
 * Parses one expression. Everything after the operator is the value, spaces included.
 * Throws WhereSyntaxError when the field name or operator is missing or malformed.
 */
export function parseWhere(expression: string): WhereCondition {
  const at = expression.search(/[=~!]/);
  if (at === -1) {
    throw new WhereSyntaxError(expression, expression.length, 'expected =, != or ~');
  }

  const field = expression.slice(0, at);
  if (field === '') throw new WhereSyntaxError(expression, 0, 'expected a field name');
  if (!FIELD_NAME.test(field)) {
    throw new WhereSyntaxError(expression, 0, `invalid field name ${JSON.stringify(field)}`);
  }

  const operator = readOperator(expression, at);
  return { field, operator, value: expression.slice(at + operator.length) };
}

/** True when the record satisfies the condition; a missing field satisfies only `!=`. */
export function matchesWhere(record: EventRecord, condition: WhereCondition): boolean {
  const values = fieldValues(record, condition.field);

  switch (condition.operator) {
    case '=':
      return values.includes(condition.value);
    case '!=':
      return !values.includes(condition.value);
    case '~': {
      const needle = condition.value.toLowerCase();
      return values.some((value) => value.toLowerCase().includes(needle));
    }
  }
}

/** Parses every expression and returns one predicate that requires all of them (AND). */
export function whereFilter(expressions: readonly string[]): (record: EventRecord) => boolean {
  const conditions = expressions.map(parseWhere);
  return (record) => conditions.every((condition) => matchesWhere(record, condition));
}

function readOperator(expression: string, at: number): WhereOperator {
  const char = expression[at];
  if (char === '=' || char === '~') return char;

  // The only operator starting with `!` is `!=`.
  if (expression[at + 1] !== '=') {
    throw new WhereSyntaxError(expression, at + 1, "expected '=' after '!'");
  }
  return '!=';
}
