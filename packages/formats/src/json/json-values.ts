/** Reading values out of parsed export JSON: text of a scalar, a path, leaves of a subtree. */
import type { FieldCollector } from '../record.js';
import { isObject, type JsonObject, type JsonValue } from './json-parse.js';

/** The text of a scalar (numbers are text already); undefined for null, arrays and objects. */
export function scalarText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

/** The value at a dotted path of own keys (`winlog.process.pid`), or undefined. */
export function valueAt(object: JsonObject, path: string): JsonValue | undefined {
  let value: JsonValue | undefined = object;
  for (const key of path.split('.')) {
    if (!isObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** The text at a dotted path, or undefined when there is no scalar there. */
export function textAt(object: JsonObject, path: string): string | undefined {
  return scalarText(valueAt(object, path));
}

/** The object at a dotted path, or undefined. */
export function objectAt(object: JsonObject, path: string): JsonObject | undefined {
  const value = valueAt(object, path);
  return isObject(value) ? value : undefined;
}

/** Attribute keys as evtx_dump writes them: `#attributes`, or `<Name>_attributes` beside. */
export function isAttributeKey(key: string): boolean {
  return key === '#attributes' || key.endsWith('_attributes');
}

/**
 * Adds `value` under `name` as the EVTX parser would add an element's text: a scalar as it is,
 * null as empty text, an array as one value per item, an object's `#text` (or `Value`) when
 * it has one, else every leaf below it by its own name.
 */
export function addValue(fields: FieldCollector, name: string, value: JsonValue): void {
  if (Array.isArray(value)) {
    for (const item of value) addValue(fields, name, item);
    return;
  }
  if (!isObject(value)) {
    fields.add(name, scalarText(value) ?? '');
    return;
  }
  const text = value['#text'];
  if (text !== undefined) addValue(fields, name, text);
  else addLeaves(fields, name, value);
}

/** Every leaf of an object by its own name; an object with none counts as an empty leaf. */
export function addLeaves(fields: FieldCollector, name: string, object: JsonObject): void {
  const keys = Object.keys(object).filter((key) => !isAttributeKey(key));
  if (keys.length === 0) fields.add(name, '');
  for (const key of keys) addValue(fields, key, object[key] ?? null);
}

/**
 * The fields of a Sysmon event as its rendered message lists them (`Image: C:\x.exe`), in the
 * order the event holds them: some exports keep the message but drop, rename or reorder the
 * event's own fields. A line that is no `Name: value` continues the value before it.
 */
export function messageFields(message: string): [string, string][] {
  const lines = message.split(/\r?\n/);
  const fields: [string, string][] = [];
  for (const line of lines.slice(1)) {
    const match = /^([A-Za-z][A-Za-z0-9_]*): ?(.*)$/s.exec(line);
    const last = fields[fields.length - 1];
    if (match) fields.push([match[1] ?? '', match[2] ?? '']);
    else if (last) last[1] += `\n${line}`;
  }
  return fields;
}
