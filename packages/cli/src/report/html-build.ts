/**
 * Building HTML from report data without ever pasting it in raw. Markup is a branded string
 * (`Html`) that only these helpers make: `text` escapes a value, `el` escapes attribute values
 * and accepts only `Html` children, so the compiler rejects an unescaped value in the document.
 */
import { escapeText } from '../escape.js';

declare const HTML: unique symbol;

/** Markup this module made or escaped: safe to place in an HTML document as it is. */
export type Html = string & { readonly [HTML]: true };

/** Attribute values by name; names are written by us, values are escaped. Undefined is left out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** Children of an element: markup, or lists of markup. */
export type Content = Html | readonly Html[];

const HTML_SPECIAL = /[&<>"']/g;

const ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * A value as HTML text, safe in element content and in quoted attribute values (SVG included).
 * Controls, bidi overrides and other invisible tricks are first shown as escapes (`\x1b`,
 * `\u202e`) as in the text report, so a name cannot hide or reorder what the reader sees.
 */
export function text(value: string | number): Html {
  const visible = escapeText(String(value));
  return visible.replace(HTML_SPECIAL, (char) => ENTITY[char] ?? char) as Html;
}

/** Markup written by us, not built from report data: the doctype, head constants, the style. */
export function trusted(markup: string): Html {
  return markup as Html;
}

/** An element with attributes and children. `tag` and attribute names must be literals. */
export function el(tag: string, attributes: Attributes, ...children: Content[]): Html {
  return `<${tag}${attributeText(attributes)}>${join(children)}</${tag}>` as Html;
}

/** An element without content (`<meta>`, `<rect/>`): void in HTML, self-closed in SVG. */
export function leaf(tag: string, attributes: Attributes, selfClose = false): Html {
  return `<${tag}${attributeText(attributes)}${selfClose ? '/' : ''}>` as Html;
}

/** Markup pieces one after another. */
export function join(parts: readonly Content[]): Html {
  return parts.flat().join('') as Html;
}

function attributeText(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${text(value)}"`)
    .join('');
}
