/**
 * A tiny XML reader for comparing our output with reference dumps: elements, attributes in either
 * quote style, text, the five named entities and numeric character references. It skips the XML
 * declaration, processing instructions, comments and a leading BOM, and keeps CDATA as text.
 * No DTDs and no namespaces beyond keeping `prefix:name` as written.
 */

/** An element with its attributes in document order and its children. */
export interface XmlElement {
  name: string;
  attributes: [name: string, value: string][];
  children: XmlNode[];
  /** Offsets of the element's first and one-past-last character in the source text. */
  start: number;
  end: number;
}

export type XmlNode = XmlElement | string;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function fail(offset: number, reason: string): never {
  throw new Error(`Cannot parse XML at offset ${offset}: ${reason}`);
}

/** Replaces entity and character references in `raw`, which starts at `offset` in the source. */
export function decodeEntities(raw: string, offset = 0): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, body: string, at: number) => {
    if (!whole.endsWith(';')) fail(offset + at, `unterminated reference '${whole}'`);
    const named = NAMED_ENTITIES[body];
    if (named !== undefined) return named;

    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (numeric === null) fail(offset + at, `unknown entity '${whole}'`);
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
    if (code > 0x10ffff) fail(offset + at, `character reference '${whole}' out of range`);
    return String.fromCodePoint(code);
  });
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const SPACE = /\s*/y;

/** Reads one tree-building pass over `text`; the top level holds the document's nodes. */
class Reader {
  position = 0;

  constructor(readonly text: string) {}

  match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.position;
    const found = pattern.exec(this.text);
    if (found === null) return undefined;
    this.position = pattern.lastIndex;
    return found[0];
  }

  name(): string {
    return this.match(NAME) ?? fail(this.position, 'expected a name');
  }

  skipPast(terminator: string): void {
    const at = this.text.indexOf(terminator, this.position);
    if (at < 0) fail(this.position, `missing '${terminator}'`);
    this.position = at + terminator.length;
  }

  attribute(): [string, string] {
    const name = this.name();
    this.match(SPACE);
    if (this.text[this.position] !== '=') fail(this.position, `expected '=' after '${name}'`);
    this.position += 1;
    this.match(SPACE);

    const quote = this.text[this.position];
    if (quote !== '"' && quote !== "'") fail(this.position, `expected a quote for '${name}'`);
    const close = this.text.indexOf(quote, this.position + 1);
    if (close < 0) fail(this.position, `unterminated value of '${name}'`);
    const raw = this.text.slice(this.position + 1, close);
    if (raw.includes('<')) fail(this.position, `'<' inside the value of '${name}'`);
    const value = decodeEntities(raw, this.position + 1);
    this.position = close + 1;
    return [name, value];
  }

  /** Reads an element whose `<` is at the current position. */
  element(): XmlElement {
    const start = this.position;
    this.position += 1;
    const element: XmlElement = { name: this.name(), attributes: [], children: [], start, end: 0 };

    for (;;) {
      this.match(SPACE);
      if (this.text.startsWith('/>', this.position)) {
        this.position += 2;
        element.end = this.position;
        return element;
      }
      if (this.text[this.position] === '>') break;
      if (this.position >= this.text.length) fail(start, `unterminated tag <${element.name}`);
      element.attributes.push(this.attribute());
    }

    this.position += 1;
    element.children = this.content(element.name);
    element.end = this.position;
    return element;
  }

  /** Reads nodes until `</closing>` (consumed), or to the end when `closing` is undefined. */
  content(closing?: string): XmlNode[] {
    const nodes: XmlNode[] = [];
    while (this.position < this.text.length) {
      const lt = this.text.indexOf('<', this.position);
      const stop = lt < 0 ? this.text.length : lt;
      if (stop > this.position) {
        nodes.push(decodeEntities(this.text.slice(this.position, stop), this.position));
        this.position = stop;
        continue;
      }
      if (this.closeTag(closing)) return nodes;
      const node = this.markup();
      if (node !== undefined) nodes.push(node);
    }
    if (closing !== undefined) fail(this.position, `missing </${closing}>`);
    return nodes;
  }

  closeTag(closing: string | undefined): boolean {
    if (!this.text.startsWith('</', this.position)) return false;
    const at = this.position;
    this.position += 2;
    const name = this.name();
    this.match(SPACE);
    if (this.text[this.position] !== '>') fail(this.position, `expected '>' closing </${name}`);
    this.position += 1;
    if (name !== closing) fail(at, `</${name}> does not close <${closing ?? '(document)'}>`);
    return true;
  }

  /** Reads a comment, PI, CDATA section or element at `<`. */
  markup(): XmlNode | undefined {
    const rest = (prefix: string): boolean => this.text.startsWith(prefix, this.position);
    if (rest('<!--')) return void this.skipPast('-->');
    if (rest('<?')) return void this.skipPast('?>');
    if (rest('<![CDATA[')) {
      const start = this.position + 9;
      this.skipPast(']]>');
      return this.text.slice(start, this.position - 3);
    }
    if (rest('<!')) fail(this.position, 'DTDs are not supported');
    return this.element();
  }
}

/** Parses a document (or a run of sibling elements) into its top-level nodes. */
export function parseXml(text: string): XmlNode[] {
  const reader = new Reader(text);
  if (text.startsWith('\uFEFF')) reader.position = 1;
  return reader.content();
}

/** The element children of `node`. */
export function elementsOf(node: XmlElement): XmlElement[] {
  return node.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** Every `name` element not nested in another `name` element, in document order. */
export function findAll(nodes: readonly XmlNode[], name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    if (node.name === name) found.push(node);
    else found.push(...findAll(node.children, name));
  }
  return found;
}

/** The concatenated text directly inside `element`. */
export function textOf(element: XmlElement): string {
  return element.children.filter((child) => typeof child === 'string').join('');
}

/** The value of attribute `name`, if present. */
export function attributeOf(element: XmlElement, name: string): string | undefined {
  return element.attributes.find(([key]) => key === name)?.[1];
}
