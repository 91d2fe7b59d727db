/**
 * A strict XML 1.0 well-formedness checker for tests, written from the specification's
 * productions and independent of the renderer it checks: every character a Char, names that
 * match Name, balanced tags, unique attributes, no '<' in attribute values, no ']]>' in text,
 * only the five predefined entities, character references to Chars only, PIs not named xml,
 * comments without '--', one root element. No DTD is accepted. Returns the first problem with
 * its offset, or undefined when the document is well-formed.
 */

const NAME_START =
  ':A-Z_a-z\\u{C0}-\\u{D6}\\u{D8}-\\u{F6}\\u{F8}-\\u{2FF}\\u{370}-\\u{37D}\\u{37F}-\\u{1FFF}' +
  '\\u{200C}-\\u{200D}\\u{2070}-\\u{218F}\\u{2C00}-\\u{2FEF}\\u{3001}-\\u{D7FF}' +
  '\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFFD}\\u{10000}-\\u{EFFFF}';
const NAME_MORE = '\\-.0-9\\u{B7}\\u{300}-\\u{36F}\\u{203F}-\\u{2040}';
const NAME = new RegExp(`[${NAME_START}][${NAME_START}${NAME_MORE}]*`, 'uy');
/** Anything outside Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
const NOT_CHAR = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/u;
const SPACE = /[ \t\r\n]*/y;
const REFERENCE = /&(?:#([0-9]+)|#x([0-9a-fA-F]+)|([^;&<\s]*));/y;
const PREDEFINED = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);

/** The first well-formedness problem of `xml` as `problem at offset N`, or undefined. */
export function wellFormedProblem(xml: string): string | undefined {
  try {
    new Checker(xml).document();
    return undefined;
  } catch (error) {
    if (error instanceof NotWellFormed) return error.message;
    throw error;
  }
}

class NotWellFormed extends Error {}

class Checker {
  #pos = 0;
  readonly #open: string[] = [];
  #roots = 0;

  constructor(private readonly xml: string) {}

  document(): void {
    const bad = NOT_CHAR.exec(this.xml);
    if (bad) this.fail(`U+${bad[0].codePointAt(0)!.toString(16)} is not an XML Char`, bad.index);

    while (this.#pos < this.xml.length) this.step();
    if (this.#open.length > 0) this.fail(`<${this.#open.at(-1)}> is never closed`);
    if (this.#roots !== 1) this.fail(`${this.#roots} root elements`);
  }

  private step(): void {
    const rest = (prefix: string) => this.xml.startsWith(prefix, this.#pos);
    if (rest('<?')) this.pi();
    else if (rest('<!--')) this.until('-->', 4, (body) => body.includes('--') && "'--' in comment");
    else if (rest('<![CDATA[')) this.cdata();
    else if (rest('</')) this.endTag();
    else if (rest('<')) this.startTag();
    else this.text();
  }

  private pi(): void {
    this.#pos += 2;
    const target = this.name('PI target');
    if (target.toLowerCase() === 'xml') this.fail('PI target xml is reserved');
    this.until('?>', 0, () => false);
  }

  private cdata(): void {
    if (this.#open.length === 0) this.fail('CDATA outside the root element');
    this.until(']]>', 9, () => false);
  }

  private until(end: string, skip: number, bad: (body: string) => string | false): void {
    const close = this.xml.indexOf(end, this.#pos + skip);
    if (close === -1) this.fail(`'${end}' missing`);
    const problem = bad(this.xml.slice(this.#pos + skip, close));
    if (problem !== false) this.fail(problem);
    this.#pos = close + end.length;
  }

  private startTag(): void {
    this.#pos++;
    const name = this.name('element name');
    if (this.#open.length === 0 && ++this.#roots > 1) this.fail('a second root element');

    const seen = new Set<string>();
    for (;;) {
      const spaced = this.space();
      if (this.eat('/>')) return;
      if (this.eat('>')) return void this.#open.push(name);
      if (!spaced) this.fail(`expected space, '>' or '/>' in <${name}>`);
      const attribute = this.name('attribute name');
      if (seen.has(attribute)) this.fail(`attribute ${attribute} repeated`);
      seen.add(attribute);
      this.attributeValue();
    }
  }

  private attributeValue(): void {
    this.space();
    if (!this.eat('=')) this.fail("expected '='");
    this.space();
    const quote = this.xml[this.#pos];
    if (quote !== '"' && quote !== "'") this.fail('expected a quoted value');
    const close = this.xml.indexOf(quote, this.#pos + 1);
    if (close === -1) this.fail('unterminated attribute value');
    this.characters(this.#pos + 1, close, '<', "'<' in an attribute value");
    this.#pos = close + 1;
  }

  private endTag(): void {
    this.#pos += 2;
    const name = this.name('end tag name');
    this.space();
    if (!this.eat('>')) this.fail(`expected '>' after </${name}`);
    const open = this.#open.pop();
    if (open !== name) this.fail(`</${name}> closes <${open ?? 'nothing'}>`);
  }

  private text(): void {
    const next = this.xml.indexOf('<', this.#pos);
    const end = next === -1 ? this.xml.length : next;
    const body = this.xml.slice(this.#pos, end);
    if (this.#open.length === 0 && body.trim() !== '') this.fail('text outside the root element');
    this.characters(this.#pos, end, ']]>', "']]>' in text");
    this.#pos = end;
  }

  /** Checks references in [from, to) and that `forbidden` does not occur there. */
  private characters(from: number, to: number, forbidden: string, why: string): void {
    const at = this.xml.slice(from, to).indexOf(forbidden);
    if (at !== -1) this.fail(why, from + at);
    for (let amp = this.xml.indexOf('&', from); amp !== -1 && amp < to;) {
      REFERENCE.lastIndex = amp;
      const match = REFERENCE.exec(this.xml);
      if (!match || REFERENCE.lastIndex > to) this.fail("'&' that starts no reference", amp);
      this.reference(match, amp);
      amp = this.xml.indexOf('&', REFERENCE.lastIndex);
    }
  }

  private reference(match: RegExpExecArray, at: number): void {
    const [, decimal, hex, entity] = match;
    if (entity !== undefined) {
      if (!PREDEFINED.has(entity)) this.fail(`undeclared entity &${entity};`, at);
      return;
    }
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
    const char = code <= 0x10ffff ? String.fromCodePoint(code) : '\u0000';
    if (NOT_CHAR.test(char)) this.fail(`reference to U+${code.toString(16)}, not a Char`, at);
  }

  private name(what: string): string {
    NAME.lastIndex = this.#pos;
    const match = NAME.exec(this.xml);
    if (!match) this.fail(`expected ${what}`);
    this.#pos = NAME.lastIndex;
    return match[0];
  }

  private space(): boolean {
    SPACE.lastIndex = this.#pos;
    SPACE.exec(this.xml);
    const moved = SPACE.lastIndex > this.#pos;
    this.#pos = SPACE.lastIndex;
    return moved;
  }

  private eat(literal: string): boolean {
    if (!this.xml.startsWith(literal, this.#pos)) return false;
    this.#pos += literal.length;
    return true;
  }

  private fail(problem: string, at = this.#pos): never {
    throw new NotWellFormed(`${problem} at offset ${at}`);
  }
}
