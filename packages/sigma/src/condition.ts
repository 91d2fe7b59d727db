/**
 * The `condition` grammar: search identifiers joined by `and`, `or`, `not` and parentheses, and
 * `1 of` / `all of` a pattern of identifiers or `them`. Precedence, least binding first: or,
 * and, not, x of, parentheses. Errors name the column (from 1) where reading stopped.
 */
import { fail, quoted } from './errors.js';

/** A parsed condition. */
export type Condition =
  | { readonly kind: 'id'; readonly name: string }
  | { readonly kind: 'not'; readonly operand: Condition }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[] }
  | { readonly kind: 'of'; readonly quantifier: 'one' | 'all'; readonly pattern: string };

interface Token {
  readonly text: string;
  /** Column of its first character, from 1. */
  readonly column: number;
}

const TOKEN = /\s*(\(|\)|\||[^\s()|]+)/y;

/** The condition of `text`, or a SigmaRuleError naming the column. */
export function parseCondition(text: string): Condition {
  const parser = new Parser(tokenize(text), text.length + 1);
  const condition = parser.or();
  parser.end();
  return condition;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (;;) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (match === null) {
      if (text.slice(at).trim() !== '') fail(`bad condition at column ${at + 1}`);
      return tokens;
    }
    const column = match.index + match[0].length - match[1]!.length + 1;
    tokens.push({ text: match[1]!, column });
  }
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them', '(', ')', '|']);

class Parser {
  #at = 0;

  constructor(
    readonly tokens: readonly Token[],
    readonly endColumn: number,
  ) {}

  or(): Condition {
    const operands = [this.and()];
    while (this.#accept('or')) operands.push(this.and());
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  }

  and(): Condition {
    const operands = [this.not()];
    while (this.#accept('and')) operands.push(this.not());
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  }

  not(): Condition {
    if (this.#accept('not')) return { kind: 'not', operand: this.not() };
    return this.atom();
  }

  atom(): Condition {
    const token = this.#next('a search identifier, "1 of", "all of", "not" or "("');
    const word = token.text.toLowerCase();
    if (word === '(') {
      const inner = this.or();
      this.#expect(')');
      return inner;
    }
    if (
      (word === '1' || word === 'all' || word === 'any') &&
      this.#peek()?.text.toLowerCase() === 'of'
    ) {
      this.#at++;
      const target = this.#next('an identifier pattern or "them" after "of"');
      if (KEYWORDS.has(target.text.toLowerCase()) && target.text.toLowerCase() !== 'them') {
        this.#unexpected(target, 'an identifier pattern or "them"');
      }
      const quantifier = word === 'all' ? 'all' : 'one';
      return {
        kind: 'of',
        quantifier,
        pattern: target.text.toLowerCase() === 'them' ? 'them' : target.text,
      };
    }
    if (word === '|')
      fail(
        `bad condition at column ${token.column}: aggregations ('| count()') are not supported; write a correlation rule`,
      );
    if (KEYWORDS.has(word) || /^\d+$/.test(word)) this.#unexpected(token, 'a search identifier');
    return { kind: 'id', name: token.text };
  }

  end(): void {
    const token = this.tokens[this.#at];
    if (token?.text === '|') {
      fail(
        `bad condition at column ${token.column}: aggregations ('| count()') are not supported; write a correlation rule`,
      );
    }
    if (token !== undefined) this.#unexpected(token, '"and", "or" or the end');
  }

  #peek(): Token | undefined {
    return this.tokens[this.#at];
  }

  #accept(word: string): boolean {
    if (this.#peek()?.text.toLowerCase() !== word) return false;
    this.#at++;
    return true;
  }

  #expect(word: string): void {
    const token = this.#next(`"${word}"`);
    if (token.text.toLowerCase() !== word) this.#unexpected(token, `"${word}"`);
  }

  #next(expected: string): Token {
    const token = this.tokens[this.#at++];
    if (token === undefined)
      fail(`bad condition at column ${this.endColumn}: expected ${expected}, found the end`);
    return token;
  }

  #unexpected(token: Token, expected: string): never {
    return fail(
      `bad condition at column ${token.column}: expected ${expected}, found ${quoted(token.text, 30)}`,
    );
  }
}

/** Identifiers a `1 of` / `all of` pattern names: `*` matches any run; `them` all but `_x`. */
export function identifiersOf(pattern: string, names: readonly string[]): string[] {
  if (pattern === 'them') return names.filter((name) => !name.startsWith('_'));
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
  return names.filter((name) => regex.test(name));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
