/**
 * JSON output. JSON.stringify escapes C0 controls; this also escapes the C1 controls, bidi
 * overrides and separators it leaves raw, so a JSON line is as terminal-safe as text output,
 * and writes 64-bit integers (bigint) as exact decimal strings.
 */
import { TERMINAL_UNSAFE } from './escape.js';

const RAW_IN_JSON = new RegExp(`[${TERMINAL_UNSAFE}]`, 'g');

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
