/** Problems found in a query: where they are and what a person should read about them. */
import type { TextRange } from './ast.js';

/** A problem with part of a query: the span to underline and a message for a person. */
export interface QueryProblem extends TextRange {
  readonly message: string;
}

/**
 * Thrown inside the parser to abandon a query at its first error; parseQuery catches it and
 * returns the problem, so no caller ever sees it.
 */
export class QueryFailure extends Error {
  override readonly name = 'QueryFailure';
  readonly problem: QueryProblem;

  constructor(start: number, end: number, message: string) {
    super(message);
    this.problem = { start, end, message };
  }
}

/** The column a person counts for a UTF-16 offset: the first character is column 1. */
export function column(offset: number): number {
  return offset + 1;
}
