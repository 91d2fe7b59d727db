/** Helpers for the query tests: parse or fail the test, and compare trees without their ranges. */
import assert from 'node:assert/strict';

import type { QueryNode } from '../../src/query/ast.js';
import { parseQuery, type QueryOptions } from '../../src/query/parse.js';
import type { QueryProblem } from '../../src/query/problem.js';

/** The tree of a query that must parse. */
export function parsed(text: string, options: QueryOptions = {}): QueryNode {
  const result = parseQuery(text, options);
  if (!result.ok) assert.fail(`${JSON.stringify(text)} did not parse: ${result.error.message}`);
  return result.ast;
}

/** The problem of a query that must not parse. */
export function problem(text: string, options: QueryOptions = {}): QueryProblem {
  const result = parseQuery(text, options);
  if (result.ok) assert.fail(`${JSON.stringify(text)} parsed but should not have`);
  return result.error;
}

/** A copy of the tree without `range` properties. */
export function withoutRanges(node: QueryNode): QueryNode {
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) => (key === 'range' ? undefined : value)),
  );
}

/** The tree of a query, without ranges; bare terms have `field` absent. */
export function shape(text: string, options: QueryOptions = {}): QueryNode {
  return withoutRanges(parsed(text, options));
}
