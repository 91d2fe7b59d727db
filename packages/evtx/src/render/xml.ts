/**
 * Renders an element tree as one line of XML, the way Windows' EvtRender writes events.
 *
 * Every name and value comes from the file, so every one is attacker-controlled, and the output
 * must parse as XML 1.0 whatever they hold. Markup characters become the predefined entities;
 * characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF, unpaired surrogates;
 * no character reference to them is well-formed either) are written `_xHHHH_`, the escape
 * Windows' XmlConvert and Excel use, with a literal `_x` that would read as one written
 * `_x005F_x`. Names that are not XML names get the same escape for each character that does
 * not fit, so `<a b>` cannot become an element with an attribute.
 */
import type { XmlNode } from './tree.js';

/** Serialises nodes; names, text and attribute values are escaped so the output always parses. */
export function renderXml(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const node of nodes) out += renderNode(node);
  return out;
}

function renderNode(node: XmlNode): string {
  switch (node.kind) {
    case 'text':
      return escapeText(node.text);
    case 'entity':
      return PREDEFINED.has(node.name) ? `&${node.name};` : escapeText(`&${node.name};`);
    case 'charref':
      return charRef(node.code);
    case 'cdata':
      return `<![CDATA[${encodeInvalid(node.text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
    case 'pi':
      return `<?${piTarget(node.target)} ${encodeInvalid(node.data).replaceAll('?>', '?_x003E_')}?>`;
    default: {
      const name = xmlName(node.name);
      let open = `<${name}`;
      for (const [key, value] of node.attributes) {
        open += ` ${xmlName(key)}='${escapeAttribute(value)}'`;
      }
      if (node.empty && node.children.length === 0) return `${open}/>`;
      return `${open}>${renderXml(node.children)}</${name}>`;
    }
  }
}

/** The entities every XML parser knows without a DTD; any other is written as text. */
const PREDEFINED: ReadonlySet<string> = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

// Characters XML 1.0 has no room for, and underscores and surrogates, which `replacement`
// looks at more closely: an underscore matters only where `_xHHHH_` follows (it would read as our
// escape), a surrogate only when unpaired; one character class, no lookarounds.
const INVALID = '_\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ud800-\\udfff\\ufffe\\uffff';
const INVALID_ONLY = new RegExp(`[${INVALID}]`, 'g');
const TEXT_SPECIAL = new RegExp(`[&<>${INVALID}]`, 'g');
const ATTRIBUTE_SPECIAL = new RegExp(`[&<>'"\\t\\n\\r${INVALID}]`, 'g');
const ESCAPE_AT = /^_x[0-9A-Fa-f]{4}_/;

// In attribute values tab, line feed and carriage return are written as references, which a
// parser keeps, where it would turn the characters themselves into spaces. Text keeps them raw,
// as Windows writes them (a parser reads a CR LF there as LF).
const NAMED: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&apos;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xa;',
  '\r': '&#xd;',
};

function replacement(char: string, at: number, text: string): string {
  return NAMED[char] ?? invalidReplacement(char, at, text);
}

/** The escape of a character the classes above matched, or the character when it is fine. */
function invalidReplacement(char: string, at: number, text: string): string {
  const code = char.charCodeAt(0);
  let fine = false;
  if (char === '_') fine = !ESCAPE_AT.test(text.slice(at, at + 7));
  else if (code >= 0xd800 && code <= 0xdbff) fine = isLowSurrogate(text.charCodeAt(at + 1));
  else if (code >= 0xdc00 && code <= 0xdfff) fine = isHighSurrogate(text.charCodeAt(at - 1));
  return fine ? char : underscoreEscape(char);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** `_xHHHH_` for one UTF-16 code unit, upper-case hex as XmlConvert writes it. */
function underscoreEscape(char: string): string {
  return `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** Text content: markup escaped, invalid characters as `_xHHHH_`. */
export function escapeText(text: string): string {
  return text.replace(TEXT_SPECIAL, replacement);
}

/** An attribute value for single or double quotes; tab, LF and CR kept as references. */
export function escapeAttribute(text: string): string {
  return text.replace(ATTRIBUTE_SPECIAL, replacement);
}

/** Only the characters XML cannot carry, for CDATA and processing-instruction data. */
export function encodeInvalid(text: string): string {
  return text.replace(INVALID_ONLY, invalidReplacement);
}

/** `&#N;` when N is a character XML allows, else the character's `_xHHHH_` escape as text. */
function charRef(code: number): string {
  const allowed =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd);
  return allowed ? `&#${code};` : underscoreEscape(String.fromCharCode(code));
}

// XML 1.0 (fifth edition) NameStartChar and NameChar over UTF-16 code units; the astral range
// #x10000-#xEFFFF is taken as any surrogate pair.
const START = 'A-Z_a-z:\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02ff\\u0370-\\u037d\\u037f-\\u1fff';
const START_MORE = '\\u200c\\u200d\\u2070-\\u218f\\u2c00-\\u2fef\\u3001-\\ud7ff\\uf900-\\ufdcf';
const START_LAST = '\\ufdf0-\\ufffd';
const PAIR = '[\\ud800-\\udb7f][\\udc00-\\udfff]';
const NAME_START = `(?:[${START}${START_MORE}${START_LAST}]|${PAIR})`;
const NAME_CHAR = `(?:[${START}${START_MORE}${START_LAST}\\-.0-9\\u00b7\\u0300-\\u036f\\u203f\\u2040]|${PAIR})`;
const VALID_NAME = new RegExp(`^${NAME_START}${NAME_CHAR}*$`);
const ESCAPE_LOOKALIKE = /_x[0-9A-Fa-f]{4}_/;
const ESCAPE_AT_START = /^_x[0-9A-Fa-f]{4}_/;
const NAME_START_ONE = new RegExp(`^${NAME_START}`);
const NAME_CHAR_ONE = new RegExp(`^${NAME_CHAR}`);

/**
 * The name as written: unchanged when it is an XML name holding nothing that reads as our
 * escape, else each character that may not stand where it is becomes `_xHHHH_`, as
 * XmlConvert.EncodeName does. An empty name is written `_`.
 */
export function xmlName(name: string): string {
  if (VALID_NAME.test(name) && !ESCAPE_LOOKALIKE.test(name)) return name;
  if (name === '') return '_';

  let out = '';
  let at = 0;
  for (const char of name) {
    const fits = (at === 0 ? NAME_START_ONE : NAME_CHAR_ONE).test(char);
    const lookalike = char === '_' && ESCAPE_AT_START.test(name.slice(at));
    out += fits && !lookalike ? char : [...char].map(underscoreEscape).join('');
    at += char.length;
  }
  return out;
}

/** A processing-instruction target: a name, and never `xml` in any case (reserved). */
function piTarget(target: string): string {
  const name = xmlName(target);
  return name.toLowerCase() === 'xml' ? `${underscoreEscape(name[0]!)}${name.slice(1)}` : name;
}
