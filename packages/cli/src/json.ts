/**
 * JSON output. JSON.stringify escapes C0 controls; this also escapes the C1 controls, bidi
 * overrides and separators it leaves raw, so a JSON line is as terminal-safe as text output,
 * and writes 64-bit integers (bigint) as exact decimal strings.
 */

const RAW_IN_JSON =
  /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One value as JSON text, without indentation unless `indent` is given. */
export function jsonText(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, replaceBigint, indent);
  return text.replace(
    RAW_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function replaceBigint(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
