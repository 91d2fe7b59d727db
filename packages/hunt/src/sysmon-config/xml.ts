/**
 * A small XML reader for Sysmon configuration files: elements, attributes, text, comments,
 * CDATA, the five predefined entities, numeric character references and the XML declaration.
 * It refuses document type declarations, so no entity is ever expanded beyond those five, and
 * it is bounded in size and nesting depth. Errors name the line and column (1-based, columns in
 * UTF-16 code units after line endings are normalised to `\n`).
 */

/** Longest input accepted, in UTF-16 code units (configurations in use are below 400 KB). */
export const XML_MAX_CHARS = 8 * 1024 * 1024;

/** Deepest element nesting accepted (Sysmon configurations nest five levels). */
export const XML_MAX_DEPTH = 64;

/** An element with its attributes and children in document order. */
export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
  readonly line: number;
  readonly column: number;
}

/** One attribute, its value with references resolved. */
export interface XmlAttribute {
  readonly name: string;
  readonly value: string;
}

/** Character data: text, CDATA sections and references, merged when adjacent. */
export interface XmlText {
  readonly kind: 'text';
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** What an element contains; comments and processing instructions are dropped. */
export type XmlNode = XmlElement | XmlText;

/** Input that is not well-formed XML (or that this reader refuses), with where it went wrong. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  readonly line: number;
  readonly column: number;
  readonly problem: string;

  constructor(problem: string, line: number, column: number) {
    super(`${problem} at line ${line}, column ${column}`);
    this.problem = problem;
    this.line = line;
    this.column = column;
  }
}

/** Parses a whole document and returns its root element; throws XmlSyntaxError. */
export function parseXml(text: string): XmlElement {
  return new XmlReader(text).document();
}

/** The value of an attribute, or undefined when the element lacks it. */
export function attributeValue(element: XmlElement, name: string): string | undefined {
  return element.attributes.find((attribute) => attribute.name === name)?.value;
}

/** The element children of an element, in document order. */
export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => child.kind === 'element');
}

/** The element's own text (direct text children joined; nested elements contribute nothing). */
export function ownText(element: XmlElement): string {
  return element.children.map((child) => (child.kind === 'text' ? child.text : '')).join('');
}

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

const NAME_START = /[A-Za-z_:\u00c0-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\uffef]/;
const NAME_CHAR = /[-.0-9\u00b7\u0300-\u036f\u203f-\u2040]/;
const ILLEGAL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const SPACE = /[ \t\n]/;

/** One pass over one document; holds only its own input and position. */
class XmlReader {
  readonly #text: string;
  readonly #lineStarts: number[];
  /** A run of ordinary text characters, or one `]` that does not start `]]>` (sticky). */
  readonly #plainText = /[^<&\]]+|\](?!\]>)/y;
  #pos = 0;

  constructor(raw: string) {
    const text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
    this.#text = text;
    this.#lineStarts = lineStarts(text.slice(0, XML_MAX_CHARS + 1));
    if (text.length > XML_MAX_CHARS) {
      this.#fail(`XML text exceeds the limit of ${XML_MAX_CHARS} characters`, XML_MAX_CHARS);
    }

    const illegal = ILLEGAL_CHAR.exec(text);
    if (illegal !== null) {
      const code = illegal[0].charCodeAt(0).toString(16).padStart(4, '0');
      this.#fail(`character U+${code} is not allowed in XML`, illegal.index);
    }
  }

  document(): XmlElement {
    this.#declaration();
    this.#misc();
    if (this.#pos >= this.#text.length) this.#fail('no root element');
    if (!this.#at('<')) this.#fail('text before the root element');

    const root = this.#element(1);
    this.#misc();
    if (this.#pos < this.#text.length) this.#fail('content after the root element');
    return root;
  }

  #declaration(): void {
    if (!/^<\?xml[ \t\n?]/.test(this.#text)) return;

    const end = this.#text.indexOf('?>');
    if (end === -1) this.#fail('unterminated XML declaration');
    this.#pos = end + 2;
  }

  /** Whitespace, comments and processing instructions outside the root element. */
  #misc(): void {
    for (;;) {
      this.#skipSpace();
      if (this.#at('<!--')) this.#comment();
      else if (this.#at('<?')) this.#processingInstruction();
      else if (this.#at('<!DOCTYPE')) this.#fail('document type declarations (DTD) are refused');
      else return;
    }
  }

  #element(depth: number): XmlElement {
    const start = this.#pos;
    if (depth > XML_MAX_DEPTH) this.#fail(`elements nest deeper than ${XML_MAX_DEPTH} levels`);

    this.#pos++;
    const name = this.#name('element name');
    const attributes = this.#attributes(name);
    const { line, column } = this.#position(start);
    if (this.#at('/>')) {
      this.#pos += 2;
      return { kind: 'element', name, attributes, children: [], line, column };
    }

    this.#expect('>', `'>' or '/>' to close the start tag <${name}>`);
    const children = this.#content(name, line, depth);
    return { kind: 'element', name, attributes, children, line, column };
  }

  #attributes(element: string): XmlAttribute[] {
    const attributes: XmlAttribute[] = [];
    const names = new Set<string>();
    for (;;) {
      const hadSpace = this.#skipSpace();
      if (this.#at('>') || this.#at('/>')) return attributes;
      if (!hadSpace) this.#fail(`expected white space before an attribute of <${element}>`);

      const at = this.#pos;
      const name = this.#name('attribute name');
      if (names.has(name)) this.#fail(`attribute '${name}' repeated on <${element}>`, at);
      names.add(name);
      attributes.push({ name, value: this.#attributeValue(name) });
    }
  }

  #attributeValue(name: string): string {
    this.#skipSpace();
    this.#expect('=', `'=' after attribute '${name}'`);
    this.#skipSpace();

    const quote = this.#text[this.#pos];
    if (quote !== '"' && quote !== "'") this.#fail(`expected a quoted value for '${name}'`);
    this.#pos++;
    let value = '';
    for (;;) {
      const char = this.#text[this.#pos];
      if (char === undefined) this.#fail(`unterminated value of attribute '${name}'`);
      if (char === quote) break;
      if (char === '<') this.#fail(`'<' inside the value of attribute '${name}'`);
      value += char === '&' ? this.#reference() : this.#take(SPACE.test(char) ? ' ' : char);
    }
    this.#pos++;
    return value;
  }

  /** Children up to and including the end tag of `name`. */
  #content(name: string, line: number, depth: number): XmlNode[] {
    const children: XmlNode[] = [];
    for (;;) {
      if (this.#pos >= this.#text.length) {
        this.#fail(`unexpected end of input inside <${name}> (opened at line ${line})`);
      }

      if (this.#at('</')) {
        this.#endTag(name, line);
        return children;
      }
      if (this.#at('<!--')) this.#comment();
      else if (this.#at('<?')) this.#processingInstruction();
      else if (this.#at('<![CDATA[')) this.#cdata(children);
      else if (this.#at('<')) children.push(this.#element(depth + 1));
      else this.#characterData(children);
    }
  }

  #characterData(children: XmlNode[]): void {
    const position = this.#position(this.#pos);
    let text = '';
    while (this.#pos < this.#text.length && !this.#at('<')) {
      if (this.#at('&')) {
        text += this.#reference();
        continue;
      }

      this.#plainText.lastIndex = this.#pos;
      const run = this.#plainText.exec(this.#text);
      if (run === null) this.#fail("']]>' is not allowed in text");
      text += run[0];
      this.#pos += run[0].length;
    }
    addText(children, text, position);
  }

  #endTag(name: string, line: number): void {
    const start = this.#pos;
    this.#pos += 2;
    const found = this.#name('element name in end tag');
    if (found !== name) {
      this.#fail(`expected </${name}> (opened at line ${line}) but found </${found}>`, start);
    }

    this.#skipSpace();
    this.#expect('>', `'>' to close the end tag </${name}>`);
  }

  /** One reference after `&`: a predefined entity or a character reference. */
  #reference(): string {
    const start = this.#pos;
    const match = /^&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][\w.-]*));/.exec(
      this.#text.slice(start, start + 40),
    );
    if (match === null) this.#fail("malformed reference after '&'", start);

    this.#pos += match[0].length;
    const [, hex, decimal, entity] = match;
    if (entity !== undefined) {
      const value = PREDEFINED.get(entity);
      if (value === undefined) this.#fail(`unknown entity '&${entity};'`, start);
      return value;
    }
    return this.#character(parseInt(hex ?? decimal ?? '', hex === undefined ? 10 : 16), start);
  }

  #character(code: number, at: number): string {
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) this.#fail(`character reference to U+${code.toString(16)} is not allowed`, at);
    return String.fromCodePoint(code);
  }

  #comment(): void {
    const start = this.#pos;
    const end = this.#text.indexOf('--', start + 4);
    if (end === -1) this.#fail('unterminated comment', start);
    if (this.#text[end + 2] !== '>') this.#fail("'--' inside a comment", end);
    this.#pos = end + 3;
  }

  #cdata(children: XmlNode[]): void {
    const start = this.#pos;
    const end = this.#text.indexOf(']]>', start + 9);
    if (end === -1) this.#fail('unterminated CDATA section', start);
    this.#pos = end + 3;
    addText(children, this.#text.slice(start + 9, end), this.#position(start));
  }

  #processingInstruction(): void {
    const start = this.#pos;
    this.#pos += 2;
    const target = this.#name('processing instruction target');
    if (target.toLowerCase() === 'xml') this.#fail('XML declaration not at the start', start);

    const end = this.#text.indexOf('?>', this.#pos);
    if (end === -1) this.#fail('unterminated processing instruction', start);
    this.#pos = end + 2;
  }

  #name(what: string): string {
    const start = this.#pos;
    if (!NAME_START.test(this.#text[start] ?? '')) this.#fail(`expected ${what}`);

    let end = start + 1;
    while (end < this.#text.length && isNameChar(this.#text[end] ?? '')) end++;
    this.#pos = end;
    return this.#text.slice(start, end);
  }

  #skipSpace(): boolean {
    const start = this.#pos;
    while (SPACE.test(this.#text[this.#pos] ?? '')) this.#pos++;
    return this.#pos > start;
  }

  #at(literal: string): boolean {
    return this.#text.startsWith(literal, this.#pos);
  }

  #expect(literal: string, what: string): void {
    if (!this.#at(literal)) this.#fail(`expected ${what}`);
    this.#pos += literal.length;
  }

  #take(char: string): string {
    this.#pos++;
    return char;
  }

  #position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.#lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.#lineStarts[low] ?? 0) + 1 };
  }

  #fail(problem: string, offset = this.#pos): never {
    const { line, column } = this.#position(offset);
    throw new XmlSyntaxError(problem, line, column);
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    starts.push(at + 1);
  }
  return starts;
}

function isNameChar(char: string): boolean {
  return NAME_START.test(char) || NAME_CHAR.test(char);
}

/** Appends text, merging with a text node just before it (text, CDATA and references join). */
function addText(
  children: XmlNode[],
  text: string,
  position: { line: number; column: number },
): void {
  const last = children[children.length - 1];
  if (last?.kind === 'text') {
    children[children.length - 1] = { ...last, text: last.text + text };
    return;
  }
  children.push({ kind: 'text', text, ...position });
}
