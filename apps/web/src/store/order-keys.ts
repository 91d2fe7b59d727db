/**
 * Sorting keys over the store's columns (frame.ts RowKey): a number a row, read from codes
 * through ranks computed once per sort, so sorting reads no text a row.
 */
import { NO_LEVEL } from '../row-columns.js';
import {
  extraIndex,
  isExtraColumn,
  isSystemColumn,
  levelRank,
  type SystemColumn,
} from './columns.js';
import type { RowKey } from './frame.js';
import { textRanks, valueRanks } from './ranks.js';
import type { StoreColumns } from './store-columns.js';
import { NO_VALUE } from './value-pool.js';

/** The sorting key of column `key`; undefined for a column no event has. */
export function orderKey(store: StoreColumns, key: string): RowKey | undefined {
  if (isSystemColumn(key)) return systemKey(store, key);

  const field = store.fieldIds.get(key);
  const entry = field === undefined ? undefined : store.fields[field];
  if (field === undefined || entry === undefined) return undefined;
  const ranks = valueRanks(entry.pool);
  const slots = store.shapes.all().map((shape) => shape.slotOf(field));
  return { value: (row) => rankOf(store, row, slots, ranks) };
}

function rankOf(
  store: StoreColumns,
  row: number,
  slots: readonly number[],
  ranks: Float64Array,
): number {
  const shape = store.shapeOf.get(row);
  const slot = slots[shape] ?? -1;
  if (slot < 0) return Number.NaN;
  const code = store.shapes.get(shape)?.code(slot, store.placeInShape.get(row)) ?? NO_VALUE;
  return ranks[code] ?? Number.NaN;
}

function systemKey(store: StoreColumns, key: SystemColumn): RowKey {
  if (isExtraColumn(key)) {
    const extra = extraIndex(key);
    const ranks = valueRanks(store.extras.pool(extra));
    return { value: (row) => ranks[store.extras.code(row, extra)] ?? Number.NaN };
  }
  switch (key) {
    case 'timeCreated':
      return { value: (row) => store.time.ms(row), tie: (row) => store.time.ticks(row) };
    case 'recordId':
      return { value: (row) => store.recordId.get(row) };
    case 'eventId':
      return { value: (row) => store.eventId.get(row) };
    case 'level':
      return { value: (row) => levelKey(store, row) };
    case 'file': {
      const ranks = textRanks(store.fileNames);
      return { value: (row) => ranks[store.file.get(row)] ?? Number.NaN };
    }
    default: {
      const ranks = valueRanks(store.text[key]);
      return { value: (row) => ranks[store.pooledCode(row, key)] ?? Number.NaN };
    }
  }
}

function levelKey(store: StoreColumns, row: number): number {
  const level = store.level.get(row);
  return level === NO_LEVEL ? Number.NaN : levelRank(level);
}
