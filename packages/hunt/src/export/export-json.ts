/**
 * JSON text safe to page through in a terminal, for every export and the CLI's JSON: beside
 * what JSON.stringify escapes (C0 controls), the C1 controls, bidi overrides and isolates, line
 * and paragraph separators and noncharacters are written as `\u` escapes, so an event field
 * cannot rewrite a screen or split a line. Bigints become exact decimal strings.
 */

/**
 * What JSON.stringify leaves raw but a terminal or a line reader acts on, as the body of a
 * regular-expression character class (the CLI's text escaping uses the same set).
 */
export const TERMINAL_UNSAFE =
  '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff' +
  '\\ufff9-\\ufffb\\ufffe\\uffff';

const RAW_IN_JSON = new RegExp(`[${TERMINAL_UNSAFE}]`, 'g');

/** One value as JSON text, on one line unless `indent` is given. */
export function exportJsonText(value: unknown, indent?: number): string {
  const text = JSON.stringify(
    value,
    (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item),
    indent,
  );
  return text.replace(
    RAW_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
