/**
 * What the table reads of the store (frame.ts DataFrame): the columns present, with how many
 * rows have each, and one cell's text at a time.
 */
import { NO_LEVEL } from '../row-columns.js';
import {
  SYSTEM_COLUMNS,
  extraIndex,
  isExtraColumn,
  isSystemColumn,
  levelName,
  systemLabel,
  type ColumnInfo,
  type SystemColumn,
} from './columns.js';
import type { DataField, StoreColumns } from './store-columns.js';

/** The System columns some row has, then every data field by name. */
export function columnsOf(store: StoreColumns): readonly ColumnInfo[] {
  const system = SYSTEM_COLUMNS.map((key) => systemColumn(store, key)).filter((c) => c.rows > 0);
  const data = store.fields
    .filter((field) => !isSystemColumn(field.name))
    .map((field) => dataColumn(field))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return [...system, ...data];
}

function systemColumn(store: StoreColumns, key: SystemColumn): ColumnInfo {
  const extra = extraIndex(key);
  const label = systemLabel(key);
  if (extra < 0) {
    const numeric = key === 'recordId' || key === 'eventId';
    return { key, label, system: true, numeric, rows: store.rowCount };
  }
  const numeric = store.extras.pool(extra).numeric;
  return { key, label, system: true, numeric, rows: store.extras.rowsWith(extra) };
}

function dataColumn(field: DataField): ColumnInfo {
  return {
    key: field.name,
    label: field.name,
    system: false,
    numeric: field.pool.numeric,
    rows: field.rows,
  };
}

/** The text of column `key` in row `row`; undefined when the row has no such field. */
export function cellText(store: StoreColumns, row: number, key: string): string | undefined {
  if (row < 0 || row >= store.rowCount) return undefined;
  if (isSystemColumn(key)) return systemText(store, row, key);

  const field = store.fieldIds.get(key);
  if (field === undefined) return undefined;
  return store.fields[field]?.pool.text(store.dataCode(row, field));
}

function systemText(store: StoreColumns, row: number, key: SystemColumn): string | undefined {
  if (isExtraColumn(key)) return store.extras.text(row, extraIndex(key));
  switch (key) {
    case 'timeCreated':
      return store.time.text(row);
    case 'file':
      return store.fileNames[store.file.get(row)];
    case 'recordId':
      return store.recordIdText(row);
    case 'eventId':
      return String(store.eventId.get(row));
    case 'level':
      return levelText(store, row);
    default:
      return store.text[key].text(store.pooledCode(row, key));
  }
}

function levelText(store: StoreColumns, row: number): string | undefined {
  const level = store.level.get(row);
  return level === NO_LEVEL ? undefined : levelName(level);
}
