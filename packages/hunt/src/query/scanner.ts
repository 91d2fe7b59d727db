/**
 * Reading the pieces of a query a character position at a time: words, quoted text, regular
 * expression literals, keywords. Every read moves forward, so a query is read in linear time.
 */
import { QueryFailure, column } from './problem.js';

const WHITESPACE = /\s/;

/** The query text and how far it has been read. */
export class Scanner {
  readonly text: string;
  pos = 0;

  // Sticky patterns keep their place in `lastIndex`, so each scanner has its own.
  private readonly patterns = {
    word: /[^\s()]+/y,
    space: /\s+/y,
    boundWord: /[^\s()[\]{}]+/y,
    letters: /[A-Za-z]*/y,
    fieldPrefix: /[\p{L}_][\p{L}\p{N}_.-]*:/uy,
  };

  constructor(text: string) {
    this.text = text;
  }

  /** The character at the position plus `ahead`, or undefined past the end. */
  peek(ahead = 0): string | undefined {
    return this.text[this.pos + ahead];
  }

  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    this.sticky(this.patterns.space);
  }

  /** True when the position is at the end, a space or a parenthesis: where a term may end. */
  atDelimiter(ahead = 0): boolean {
    const char = this.peek(ahead);
    return char === undefined || char === '(' || char === ')' || WHITESPACE.test(char);
  }

  /** True when the upper-case keyword stands at the position as a whole word. */
  atKeyword(keyword: 'AND' | 'OR' | 'NOT'): boolean {
    return this.text.startsWith(keyword, this.pos) && this.atDelimiter(keyword.length);
  }

  /** Reads up to a space or parenthesis; empty when the position is at one. */
  word(): string {
    return this.sticky(this.patterns.word);
  }

  /** Reads one end of a range: up to a space, parenthesis or bracket. */
  boundWord(): string {
    return this.sticky(this.patterns.boundWord);
  }

  /** Reads a field name and its colon, or nothing when no `name:` stands at the position. */
  fieldPrefix(): string {
    return this.sticky(this.patterns.fieldPrefix);
  }

  /** Reads letters (the flags after a regular expression). */
  letters(): string {
    return this.sticky(this.patterns.letters);
  }

  /**
   * Reads `"..."` at the position, where `\"` is a quote and `\\` a backslash and any other
   * backslash stands for itself; returns the text between the quotes.
   */
  quoted(): string {
    const open = this.pos;
    let text = '';
    let from = open + 1;
    for (let at = from; at < this.text.length; at++) {
      const char = this.text[at];
      if (char === '"') {
        this.pos = at + 1;
        return text + this.text.slice(from, at);
      }
      if (char === '\\' && (this.text[at + 1] === '"' || this.text[at + 1] === '\\')) {
        text += this.text.slice(from, at);
        from = ++at;
      }
    }
    const escapedEnd = this.text.endsWith('\\"')
      ? '; \\" is a quote inside the text, end with \\\\"'
      : '';
    const message = `unclosed quote at column ${column(open)}${escapedEnd}`;
    throw new QueryFailure(open, this.text.length, message);
  }

  /**
   * Reads `/source/flags` at the position; the source is kept as written, escapes and all. A `/`
   * inside `[...]` does not end it, unless the class is never closed: then the first `/` does,
   * so that `/[a/` is reported as a bad pattern rather than as an unclosed one.
   */
  regexLiteral(): { readonly source: string; readonly flags: string } {
    const open = this.pos;
    const close = this.regexClose(open, true) ?? this.regexClose(open, false);
    if (close === undefined) {
      const hint = 'quote a value that starts with /';
      const message = `unclosed regular expression at column ${column(open)}; ${hint}`;
      throw new QueryFailure(open, this.text.length, message);
    }

    this.pos = close + 1;
    return { source: this.text.slice(open + 1, close), flags: this.letters() };
  }

  /** Offset of the `/` closing the regex opened at `open`, or undefined. */
  private regexClose(open: number, classes: boolean): number | undefined {
    let inClass = false;
    for (let at = open + 1; at < this.text.length; at++) {
      const char = this.text[at];
      if (char === '\\') at++;
      else if (char === '[' && classes) inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) return at;
    }
    return undefined;
  }

  /** Fails unless a term may end here; `what` names what was just read. */
  expectDelimiter(what: string): void {
    if (this.atDelimiter()) return;

    const message = `expected a space or ) after ${what} at column ${column(this.pos)}`;
    throw new QueryFailure(this.pos, this.pos + 1, message);
  }

  /** Reads what the sticky pattern matches at the position (maybe nothing). */
  sticky(pattern: RegExp): string {
    pattern.lastIndex = this.pos;
    const match = pattern.exec(this.text);
    if (match === null) return '';

    this.pos += match[0].length;
    return match[0];
  }
}
