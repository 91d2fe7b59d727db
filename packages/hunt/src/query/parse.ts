/**
 * parseQuery: query text to a QueryNode tree (the syntax is described in ast.ts). A recursive
 * descent over the text, depth bounded by QUERY_MAX_DEPTH; the first error ends the parse and
 * comes back as a value with the span to underline. Bad input never throws.
 *
 *     query  = or
 *     or     = and ("OR" and)*
 *     and    = unary (["AND"] unary)*
 *     unary  = ("-" | "NOT") unary | "(" or ")" | term
 */
import type { QueryNode, TermNode, TextRange, ValueMatch } from './ast.js';
import { canonicalField, fieldDictionary, type FieldDictionary } from './field-names.js';
import { hasWildcard } from './glob.js';
import { QUERY_MAX_CHARS, QUERY_MAX_DEPTH, QUERY_MAX_TERMS } from './limits.js';
import { QueryFailure, column, type QueryProblem } from './problem.js';
import { Scanner } from './scanner.js';
import { checkedRegex, fieldValue } from './values.js';

/** How to read a query. */
export interface QueryOptions {
  /** Bare words and phrases are regular expressions (ignoring case), not plain text. */
  readonly regexMode?: boolean;
  /**
   * Data field names present in the loaded events. With it, field names take the data's
   * spelling and a field no event has is reported as a warning.
   */
  readonly fields?: readonly string[];
}

/** A parsed query, or the first problem that stopped the parse. */
export type QueryParseResult =
  | { readonly ok: true; readonly ast: QueryNode; readonly warnings: readonly QueryProblem[] }
  | { readonly ok: false; readonly error: QueryProblem };

/** Parses query text; never throws for bad input, returning the problem with its span. */
export function parseQuery(text: string, options: QueryOptions = {}): QueryParseResult {
  if (text.length > QUERY_MAX_CHARS) {
    const message = `query is ${text.length} characters long; the limit is ${QUERY_MAX_CHARS}`;
    return { ok: false, error: { start: QUERY_MAX_CHARS, end: text.length, message } };
  }

  const parser = new QueryParser(text, options);
  try {
    return { ok: true, ast: parser.query(), warnings: parser.warnings };
  } catch (error) {
    if (error instanceof QueryFailure) return { ok: false, error: clamped(error.problem, text) };
    throw error;
  }
}

class QueryParser {
  readonly warnings: QueryProblem[] = [];
  private readonly scanner: Scanner;
  private readonly fields: FieldDictionary;
  private readonly checkFields: boolean;
  private readonly regexMode: boolean;
  private depth = 0;
  private terms = 0;

  constructor(text: string, options: QueryOptions) {
    this.scanner = new Scanner(text);
    this.fields = fieldDictionary(options.fields);
    this.checkFields = options.fields !== undefined;
    this.regexMode = options.regexMode ?? false;
  }

  query(): QueryNode {
    const scanner = this.scanner;
    scanner.skipSpace();
    if (scanner.atEnd) return { kind: 'all' };

    const node = this.or();
    if (!scanner.atEnd) this.fail(scanner.pos, 1, `unmatched ) at column ${column(scanner.pos)}`);
    return node;
  }

  private or(): QueryNode {
    const children = [this.and()];
    while (this.scanner.atKeyword('OR')) {
      this.scanner.pos += 2;
      children.push(this.and());
    }
    return joined('or', children);
  }

  private and(): QueryNode {
    const scanner = this.scanner;
    const children = [this.unary()];
    for (;;) {
      scanner.skipSpace();
      if (scanner.atEnd || scanner.peek() === ')' || scanner.atKeyword('OR')) break;
      if (scanner.atKeyword('AND')) scanner.pos += 3;
      children.push(this.unary());
    }
    return joined('and', children);
  }

  private unary(): QueryNode {
    const scanner = this.scanner;
    scanner.skipSpace();
    const start = scanner.pos;
    const negation = scanner.atKeyword('NOT') ? 3 : scanner.peek() === '-' ? 1 : 0;
    if (negation === 0) return scanner.peek() === '(' ? this.group() : this.term();

    if (negation === 1 && scanner.atDelimiter(1) && scanner.peek(1) !== '(') {
      this.fail(start, 1, `expected a term right after - at column ${column(start)}`);
    }
    this.enter(start);
    scanner.pos += negation;
    const child = this.unary();
    this.depth--;
    return { kind: 'not', child, range: { start, end: scanner.pos } };
  }

  private group(): QueryNode {
    const scanner = this.scanner;
    const start = scanner.pos;
    this.enter(start);
    scanner.pos++;
    scanner.skipSpace();
    if (scanner.peek() === ')') this.fail(start, 2, `empty parentheses at column ${column(start)}`);

    const node = this.or();
    scanner.skipSpace();
    if (scanner.peek() !== ')') {
      this.fail(start, scanner.pos - start, `unclosed ( at column ${column(start)}`);
    }
    scanner.pos++;
    this.depth--;
    return node.kind === 'all' ? node : { ...node, range: { start, end: scanner.pos } };
  }

  private term(): TermNode {
    const scanner = this.scanner;
    const start = scanner.pos;
    this.expectTermStart(start);
    if (++this.terms > QUERY_MAX_TERMS) {
      const where = `the query stops at column ${column(start)}`;
      this.fail(start, 1, `more than ${QUERY_MAX_TERMS} terms; ${where}`);
    }

    const field = this.fieldPrefix();
    const match = field === undefined ? this.bareValue(start) : fieldValue(scanner, field);
    const name = field === undefined ? undefined : this.canonical(field, start);
    return { kind: 'term', field: name, match, range: { start, end: scanner.pos } };
  }

  /** Fails with a message naming what stands where a term should. */
  private expectTermStart(start: number): void {
    const scanner = this.scanner;
    const where = `at column ${column(start)}`;
    if (scanner.atEnd) this.fail(start, 0, `the query ends where a term was expected ${where}`);
    if (scanner.peek() === ')') this.fail(start, 1, `expected a term before ) ${where}`);
    for (const keyword of ['AND', 'OR'] as const) {
      if (!scanner.atKeyword(keyword)) continue;
      const hint = `quote "${keyword}" to search for the word`;
      this.fail(start, keyword.length, `expected a term before ${keyword} ${where}; ${hint}`);
    }
  }

  /** Reads `name:` when the term starts with one; a drive (`C:\`) or URL is not a field. */
  private fieldPrefix(): string | undefined {
    const scanner = this.scanner;
    const prefix = scanner.fieldPrefix();
    if (prefix === '') return undefined;

    const next = scanner.peek();
    const drive = prefix.length === 2 && next === '\\';
    const url = next === '/' && scanner.peek(1) === '/';
    if (!drive && !url) return prefix.slice(0, -1);

    scanner.pos -= prefix.length;
    return undefined;
  }

  private bareValue(start: number): ValueMatch {
    const scanner = this.scanner;
    const quoted = scanner.peek() === '"';
    const value = quoted ? scanner.quoted() : scanner.word();
    if (quoted) scanner.expectDelimiter('the closing quote');

    if (this.regexMode) {
      return checkedRegex(scanner, start, { kind: 'regex', source: value, flags: 'i' });
    }
    if (!quoted && hasWildcard(value)) return { kind: 'glob', pattern: value };
    return { kind: 'text', value };
  }

  private canonical(field: string, start: number): string {
    const name = canonicalField(field, this.fields);
    if (name !== undefined) return name;

    if (this.checkFields) {
      const message = `no loaded event has a field named ${field}`;
      this.warnings.push({ start, end: start + field.length, message });
    }
    return field;
  }

  private enter(at: number): void {
    if (++this.depth <= QUERY_MAX_DEPTH) return;
    const where = `at column ${column(at)}`;
    this.fail(at, 1, `parentheses and negations nest deeper than ${QUERY_MAX_DEPTH} ${where}`);
  }

  private fail(start: number, length: number, message: string): never {
    throw new QueryFailure(start, start + length, message);
  }
}

/** The problem with its span inside the text (an end may point one past it). */
function clamped(problem: QueryProblem, text: string): QueryProblem {
  const end = Math.min(problem.end, text.length);
  return { ...problem, start: Math.min(problem.start, end), end };
}

/** One node for several children of AND or OR, lifting children of the same kind. */
function joined(kind: 'and' | 'or', children: readonly QueryNode[]): QueryNode {
  const [only] = children;
  if (children.length === 1 && only !== undefined) return only;

  const flat = children.flatMap((child) => (child.kind === kind ? child.children : [child]));
  const first = rangeOf(children[0]);
  const last = rangeOf(children[children.length - 1]);
  if (first === undefined || last === undefined) return { kind, children: flat };
  return { kind, children: flat, range: { start: first.start, end: last.end } };
}

function rangeOf(node: QueryNode | undefined): TextRange | undefined {
  return node === undefined || node.kind === 'all' ? undefined : node.range;
}
