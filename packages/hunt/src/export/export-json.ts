/**
 * JSON text for the ECS and Timesketch exports, safe to page through in a terminal: beside
 * what JSON.stringify escapes (C0 controls), the C1 controls, bidi overrides and isolates, line
 * and paragraph separators and noncharacters are written as `\u` escapes, so an event field
 * cannot rewrite a screen or split a line. Bigints become exact decimal strings.
 */

/** What JSON.stringify leaves raw but a terminal or a line reader acts on. */
const RAW_IN_JSON =
  /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]/g;

/** One value as JSON text on one line. */
export function exportJsonText(value: unknown): string {
  const text = JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? item.toString() : item,
  );
  return text.replace(
    RAW_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
