/**
 * A JSON parser that keeps every number as the text it was written in: event exports hold
 * 64-bit values (Keywords 9223372036854775808, record numbers, logon ids) that a double would
 * round. Objects have no prototype, so no key (`__proto__`) can reach Object's.
 */

/** A parsed value: numbers stay text, so a value is a string, boolean, null, array or object. */
export type JsonValue = string | boolean | null | JsonValue[] | JsonObject;

/** An object with no prototype; keys in the order written (a repeated key keeps the last). */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Deepest nesting accepted; event exports nest a handful of levels. */
export const MAX_JSON_DEPTH = 64;

/** A JSON syntax error, with the character index in the text where it was found. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(`${message} at character ${index}`);
    this.name = 'JsonSyntaxError';
  }
}

/** Parses one JSON text; throws a JsonSyntaxError for anything that is not exactly one value. */
export function parseJson(text: string): JsonValue {
  const parser = new Parser(text);
  const value = parser.value(0);
  parser.skipSpace();
  if (parser.at < text.length)
    throw new JsonSyntaxError('unexpected text after the value', parser.at);
  return value;
}

/** True for an object parsed by parseJson (not an array, not null). */
export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const PLAIN_STRING = /[^"\\\u0000-\u001f]*/y;

class Parser {
  at = 0;

  constructor(private readonly text: string) {}

  value(depth: number): JsonValue {
    if (depth > MAX_JSON_DEPTH) throw new JsonSyntaxError('nesting too deep', this.at);
    this.skipSpace();
    const char = this.text[this.at];
    if (char === '{') return this.object(depth + 1);
    if (char === '[') return this.array(depth + 1);
    if (char === '"') return this.string();
    return this.literal();
  }

  skipSpace(): void {
    const text = this.text;
    while (this.at < text.length) {
      const code = text.charCodeAt(this.at);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return;
      this.at++;
    }
  }

  private object(depth: number): JsonObject {
    const object = Object.create(null) as JsonObject;
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return object;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.at] !== '"') throw new JsonSyntaxError('expected a key', this.at);
      const key = this.string();
      this.expect(':');
      object[key] = this.value(depth);
      if (this.endOf('}')) return object;
    }
  }

  private array(depth: number): JsonValue[] {
    const array: JsonValue[] = [];
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return array;
    }
    for (;;) {
      array.push(this.value(depth));
      if (this.endOf(']')) return array;
    }
  }

  /** After a member: true at the closing bracket, false after a comma. */
  private endOf(close: string): boolean {
    this.skipSpace();
    const char = this.text[this.at++];
    if (char === close) return true;
    if (char === ',') return false;
    throw new JsonSyntaxError(`expected ',' or '${close}'`, this.at - 1);
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.at] !== char) throw new JsonSyntaxError(`expected '${char}'`, this.at);
    this.at++;
  }

  private string(): string {
    const start = ++this.at;
    PLAIN_STRING.lastIndex = start;
    PLAIN_STRING.test(this.text);
    const end = PLAIN_STRING.lastIndex;
    if (this.text[end] === '"') {
      this.at = end + 1;
      return this.text.slice(start, end);
    }
    return this.escapedString(start);
  }

  /** A string with escapes: found to its end, then decoded by the platform's JSON.parse. */
  private escapedString(start: number): string {
    let at = start;
    const text = this.text;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 0x22) break;
      if (code < 0x20) throw new JsonSyntaxError('control character in a string', at);
      at += code === 0x5c ? 2 : 1;
    }
    if (at >= text.length) throw new JsonSyntaxError('unterminated string', start - 1);
    this.at = at + 1;
    try {
      return JSON.parse(text.slice(start - 1, at + 1)) as string;
    } catch {
      throw new JsonSyntaxError('bad escape in a string', start - 1);
    }
  }

  private literal(): JsonValue {
    const text = this.text;
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(text);
    if (!match) throw new JsonSyntaxError('unexpected character', this.at);
    this.at = NUMBER.lastIndex;
    return match[0];
  }
}

const LITERALS: readonly (readonly [string, JsonValue])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
];
