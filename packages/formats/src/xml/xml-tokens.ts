/**
 * A tolerant tokenizer for event XML as Windows writes it, fed text in pieces. It knows the
 * five XML entities and numeric references and nothing more: a DOCTYPE is skipped, never read,
 * so no entity it declares can expand. Names keep their local part (`e:Event` is `Event`).
 */

/** One piece of markup. Text has its references resolved. */
export type XmlToken =
  | {
      readonly kind: 'open';
      readonly name: string;
      readonly attributes: Map<string, string>;
      readonly selfClosing: boolean;
      readonly start: number;
    }
  | { readonly kind: 'close'; readonly name: string; readonly start: number }
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly start: number;
      readonly layout?: boolean;
    }
  | { readonly kind: 'comment'; readonly text: string; readonly start: number };

/** A token that could not be read, with the text it covered. */
export interface XmlProblem {
  readonly kind: 'problem';
  readonly message: string;
  readonly start: number;
}

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * The next token in `text` from `at`, with the index after it; undefined when the token may
 * go on past the end of `text` (more text is needed), unless `final`.
 */
export function nextToken(
  text: string,
  at: number,
  final: boolean,
): { token: XmlToken | XmlProblem | undefined; end: number } | undefined {
  if (text.charCodeAt(at) !== 0x3c) return textToken(text, at, final);
  if (text.startsWith('<!--', at)) return comment(text, at, final);
  if (text.startsWith('<![CDATA[', at)) return cdata(text, at, final);
  if (text.startsWith('<?', at)) return skipTo(text, at, '?>', final);
  if (text.startsWith('<!', at)) return doctype(text, at, final);
  const end = tagEnd(text, at);
  if (end < 0) return final ? problem('markup cut off at the end', at, text.length) : undefined;
  const tag = text.slice(at + 1, end);
  return { token: tag.startsWith('/') ? closeTag(tag, at) : openTag(tag, at), end: end + 1 };
}

function problem(message: string, start: number, end: number) {
  return { token: { kind: 'problem', message, start } as XmlProblem, end };
}

function textToken(text: string, at: number, final: boolean) {
  const next = text.indexOf('<', at);
  if (next < 0 && !final) return undefined;
  const end = next < 0 ? text.length : next;
  const raw = text.slice(at, end);
  // A line break and indent between elements (pretty-printed XML) is layout, not a value.
  // Windows writes no layout, and a value of a bare line break has no indent after it.
  const layout = /^\s*\n[ \t]+$/.test(raw);
  return {
    token: { kind: 'text', text: decodeReferences(raw), start: at, layout } as XmlToken,
    end,
  };
}

function skipTo(text: string, at: number, close: string, final: boolean) {
  const end = text.indexOf(close, at + 2);
  if (end < 0) return final ? problem(`no '${close}' before the end`, at, text.length) : undefined;
  return { token: undefined, end: end + close.length };
}

function comment(text: string, at: number, final: boolean) {
  const end = text.indexOf('-->', at + 4);
  if (end < 0) return final ? problem("no '-->' before the end", at, text.length) : undefined;
  return {
    token: { kind: 'comment', text: text.slice(at + 4, end), start: at } as XmlToken,
    end: end + 3,
  };
}

function cdata(text: string, at: number, final: boolean) {
  const end = text.indexOf(']]>', at + 9);
  if (end < 0) return final ? problem('CDATA cut off at the end', at, text.length) : undefined;
  return {
    token: { kind: 'text', text: text.slice(at + 9, end), start: at } as XmlToken,
    end: end + 3,
  };
}

/** `<!DOCTYPE ...>`, with an internal subset `[...]` skipped whole: none of it is used. */
function doctype(text: string, at: number, final: boolean) {
  const bracket = text.indexOf('[', at);
  const close = text.indexOf('>', at);
  if (close >= 0 && (bracket < 0 || close < bracket)) return { token: undefined, end: close + 1 };
  if (bracket < 0) return final ? problem('declaration cut off', at, text.length) : undefined;
  return skipTo(text, bracket, ']>', final);
}

/** Index of the `>` closing the tag at `at`, skipping quoted attribute values; -1 if none yet. */
function tagEnd(text: string, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) quote = code;
    else if (code === 0x3e) return i;
  }
  return -1;
}

const NAME = /^\s*([^\s/>=]+)/;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function openTag(tag: string, start: number): XmlToken | XmlProblem {
  const name = NAME.exec(tag)?.[1];
  if (name === undefined) return { kind: 'problem', message: 'tag with no name', start };
  const selfClosing = tag.endsWith('/');
  const attributes = new Map<string, string>();
  for (const match of tag.slice(name.length).matchAll(ATTRIBUTE)) {
    const key = localName(match[1] ?? '');
    if (!attributes.has(key)) attributes.set(key, decodeReferences(match[2] ?? match[3] ?? ''));
  }
  return { kind: 'open', name: localName(name), attributes, selfClosing, start };
}

function closeTag(tag: string, start: number): XmlToken | XmlProblem {
  const name = NAME.exec(tag.slice(1))?.[1];
  if (name === undefined) return { kind: 'problem', message: 'end tag with no name', start };
  return { kind: 'close', name: localName(name), start };
}

/** `e:Event` is `Event`; `xmlns:e` stays as it is, as no event field is named so. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 || name.startsWith('xmlns') ? name : name.slice(colon + 1);
}

/**
 * The five predefined entities and numeric references resolved. Anything else (`&foo;`, a
 * reference to no character) is left as written: nothing outside the document is looked up.
 */
export function decodeReferences(text: string): string {
  const decoded = text.includes('_x') ? decodeUnholdable(text) : text;
  if (!decoded.includes('&')) return decoded;
  return decoded.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, body: string) => {
    if (!body.startsWith('#')) return PREDEFINED.get(body) ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

/**
 * `_xHHHH_` for a character XML 1.0 cannot hold (C0 controls but tab, line feed and carriage
 * return; U+FFFE, U+FFFF), as `dump --format xml` writes them, back to the character; and
 * `_x005F_`, the underscore of a literal `_xHHHH_` in the text, back to `_`, so that text
 * comes back as it was. Any other `_xHHHH_` (`_x0041_`) is text an event wrote, and stays.
 */
function decodeUnholdable(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (whole, hex: string) => {
    const code = parseInt(hex, 16);
    const unholdable =
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code >= 0xfffe;
    return unholdable || code === 0x5f ? String.fromCharCode(code) : whole;
  });
}
