/**
 * Cursors over the store's columns for filtering and counting: a column's values as codes
 * (equal values share one), a data field read row by row, a row's data visited field by field.
 * None builds a string or an object a row.
 */
import type { FieldValue } from '@evtxhunt/hunt';

import { NO_LEVEL } from '../row-columns.js';
import {
  extraIndex,
  isExtraColumn,
  isSystemColumn,
  levelName,
  type SystemColumn,
} from './columns.js';
import type { StoreColumns } from './store-columns.js';
import { NO_VALUE } from './value-pool.js';

/** A column's values as codes: equal values share one, NO_VALUE means the row has none. */
export interface ValueCodes {
  code(row: number): number;
  /** The text a code stands for. */
  text(code: number): string | undefined;
}

/**
 * Column `key` as value codes, for counting values without reading text: equal values share
 * a code, NO_VALUE (0) is "no value", and Level 0 shares the code of 4 (both Information).
 * Undefined for an unknown column and for those whose values are all distinct (time, record).
 */
export function valueCodes(store: StoreColumns, key: string): ValueCodes | undefined {
  if (isSystemColumn(key)) return systemCodes(store, key);

  const field = store.fieldIds.get(key);
  const pool = field === undefined ? undefined : store.fields[field]?.pool;
  if (field === undefined || pool === undefined) return undefined;
  return { code: dataCodeReader(store, field), text: (code) => pool.text(code) };
}

function systemCodes(store: StoreColumns, key: SystemColumn): ValueCodes | undefined {
  if (isExtraColumn(key)) {
    const extra = extraIndex(key);
    const pool = store.extras.pool(extra);
    return { code: (row) => store.extras.code(row, extra), text: (code) => pool.text(code) };
  }
  switch (key) {
    case 'timeCreated':
    case 'recordId':
      return undefined;
    case 'eventId':
      return { code: (row) => store.eventId.get(row) + 1, text: (code) => String(code - 1) };
    case 'level':
      return { code: (row) => levelCode(store, row), text: (code) => levelName(code - 1) };
    case 'file':
      return { code: (row) => store.file.get(row) + 1, text: (code) => store.fileNames[code - 1] };
    default: {
      const pool = store.text[key];
      return { code: (row) => store.pooledCode(row, key), text: (code) => pool.text(code) };
    }
  }
}

function levelCode(store: StoreColumns, row: number): number {
  const level = store.level.get(row);
  return level === NO_LEVEL ? NO_VALUE : (level === 0 ? 4 : level) + 1;
}

/**
 * A reader of data field `name` (exact spelling): the row's value, a list when the field
 * repeats, undefined when the row lacks it. Undefined for a name no event has.
 */
export function dataReader(
  store: StoreColumns,
  name: string,
): ((row: number) => FieldValue | undefined) | undefined {
  const field = store.fieldIds.get(name);
  const pool = field === undefined ? undefined : store.fields[field]?.pool;
  if (field === undefined || pool === undefined) return undefined;

  const codeOf = dataCodeReader(store, field);
  return (row) => pool.value(codeOf(row));
}

/** Reads data field `field`'s code per row, finding its slot in each shape once. */
function dataCodeReader(store: StoreColumns, field: number): (row: number) => number {
  let slots: number[] = [];
  return (row) => {
    const shapeId = store.shapeOf.get(row);
    if (shapeId >= slots.length) slots = store.shapes.all().map((s) => s.slotOf(field));
    const slot = slots[shapeId] ?? -1;
    const shape = slot < 0 ? undefined : store.shapes.get(shapeId);
    return shape === undefined ? NO_VALUE : shape.code(slot, store.placeInShape.get(row));
  };
}

/**
 * Visits the row's event data as (field id, value code) pairs, in document order, until
 * `visit` returns true; returns whether it did.
 */
export function someDataCode(
  store: StoreColumns,
  row: number,
  visit: (field: number, code: number) => boolean,
): boolean {
  const shape = store.shapes.get(store.shapeOf.get(row));
  if (shape === undefined) return false;

  const place = store.placeInShape.get(row);
  const fields = shape.fields;
  for (let slot = 0; slot < fields.length; slot++) {
    const code = shape.code(slot, place);
    if (code !== NO_VALUE && visit(fields[slot] ?? -1, code)) return true;
  }
  return false;
}
