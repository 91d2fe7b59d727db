/**
 * compileQuery: a parsed query to a predicate over rows. Everything that depends only on the
 * query is done once here (lower-case needles, wildcard matchers, parsed bounds, RegExps), so a
 * row costs only the reading of the values a term names.
 *
 * TODO: "ignoring case" is toLowerCase on both sides, not full Unicode case folding, so `ß` does
 * not match `SS`; good enough for Windows names and paths, which fold the same simple way.
 */
import type { FieldValue } from '../record.js';
import type { QueryNode, TermNode, ValueMatch } from './ast.js';
import { compileGlob } from './glob.js';
import { intervalTest, type ValueTest } from './interval.js';
import { compileSafeRegex } from './regex.js';

/**
 * One row as a query reads it. A columnar store can implement it as a cursor it moves from row
 * to row, so no object is built per row.
 */
export interface QueryRow {
  /**
   * Every value of a field: one string, several in order, or undefined when the row has none.
   * `name` is canonical (see parseQuery): System fields spelled as in SYSTEM_FIELDS plus `level`;
   * a data field as the data spells it when the parser was told the fields, else as typed, so
   * a row should fall back to a lookup that ignores case when the exact name is absent.
   */
  field(name: string): FieldValue | undefined;
  /** True when `test` holds for some value of some field, System fields included. */
  someValue(test: (value: string) => boolean): boolean;
}

/** A compiled query. */
export type RowPredicate = (row: QueryRow) => boolean;

/**
 * Compiles a tree from parseQuery (or built with the builders). Throws only when a hand-built
 * tree holds a regular expression the engine rejects; parseQuery never produces one.
 */
export function compileQuery(ast: QueryNode): RowPredicate {
  switch (ast.kind) {
    case 'all':
      return () => true;
    case 'and':
      return every(ast.children.map(compileQuery));
    case 'or':
      return some(ast.children.map(compileQuery));
    case 'not': {
      const child = compileQuery(ast.child);
      return (row) => !child(row);
    }
    case 'term':
      return compileTerm(ast);
  }
}

function every(tests: readonly RowPredicate[]): RowPredicate {
  return (row) => {
    for (const test of tests) if (!test(row)) return false;
    return true;
  };
}

function some(tests: readonly RowPredicate[]): RowPredicate {
  return (row) => {
    for (const test of tests) if (test(row)) return true;
    return false;
  };
}

function compileTerm(term: TermNode): RowPredicate {
  const name = term.field;
  if (name === undefined) {
    const test = anywhereTest(term.match);
    return (row) => row.someValue(test);
  }

  if (term.match.kind === 'exists') return (row) => isPresent(row.field(name));
  const test = valueTest(term.match);
  return (row) => someOf(row.field(name), test);
}

function isPresent(values: FieldValue | undefined): boolean {
  return values !== undefined && (typeof values === 'string' || values.length > 0);
}

function someOf(values: FieldValue | undefined, test: ValueTest): boolean {
  if (values === undefined) return false;
  if (typeof values === 'string') return test(values);

  for (const value of values) if (test(value)) return true;
  return false;
}

/** A bare term's test: text and wildcard patterns may match anywhere inside a value. */
function anywhereTest(match: ValueMatch): ValueTest {
  if (match.kind === 'text') {
    const needle = match.value.toLowerCase();
    return (value) => value.toLowerCase().includes(needle);
  }
  if (match.kind === 'glob') return valueTest({ kind: 'glob', pattern: `*${match.pattern}*` });
  return valueTest(match);
}

/** A field term's test on one value. */
function valueTest(match: ValueMatch): ValueTest {
  switch (match.kind) {
    case 'text': {
      const wanted = match.value;
      const needle = wanted.toLowerCase();
      return (value) => value === wanted || value.toLowerCase() === needle;
    }
    case 'glob': {
      const matches = compileGlob(match.pattern.toLowerCase());
      return (value) => matches(value.toLowerCase());
    }
    case 'exists':
      return () => true;
    case 'regex': {
      const pattern = compileSafeRegex(match.source, match.flags);
      return (value) => pattern.test(value);
    }
    default:
      return intervalTest(match);
  }
}
