/**
 * A store row as the parser's record would give it: the hunt engine's EventRecord, so the
 * engine can run over the store, and the rest of System under the parser's JSON names.
 */
import {
  SYSTEM_EXTRA_FIELDS,
  SYSTEM_EXTRA_NAMES,
  type EventRecord,
  type FieldValue,
} from '@evtxhunt/hunt';

import type { Shape } from './shapes.js';
import type { StoreColumns } from './store-columns.js';

/** Extra System fields the parser writes as numbers. */
const NUMBER_PROPERTIES: ReadonlySet<string> = new Set([
  'task',
  'opcode',
  'version',
  'qualifiers',
  'processId',
  'threadId',
]);

/** Row `row` as the hunt engine's record. */
export function eventRecord(store: StoreColumns, row: number): EventRecord {
  store.checkRow(row);
  const record = {
    file: store.fileNames[store.file.get(row)] ?? '',
    recordId: store.recordIdText(row),
    timeCreated: store.time.text(row),
    eventId: store.eventId.get(row),
    provider: store.text.provider.text(store.providerCode.get(row)) ?? '',
    channel: store.text.channel.text(store.channelCode.get(row)) ?? '',
    computer: store.text.computer.text(store.computerCode.get(row)) ?? '',
    data: dataOf(store, row),
  };
  // As the parser's records: the engine's evidence then says it rests on a recovered one.
  return store.recovered.get(row) === 1 ? { ...record, recovered: true } : record;
}

function dataOf(store: StoreColumns, row: number): Record<string, FieldValue> {
  const shape: Shape | undefined = store.shapes.get(store.shapeOf.get(row));
  const data: Record<string, FieldValue> = {};
  const place = store.placeInShape.get(row);
  shape?.fields.forEach((field, slot) => {
    const entry = store.fields[field];
    const value = entry?.pool.value(shape.code(slot, place));
    // defineProperty, not assignment: a field an attacker names `__proto__` stays a field.
    if (entry !== undefined && value !== undefined) {
      Object.defineProperty(data, entry.name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  });
  return data;
}

/**
 * The rest of System in row `row`, under the parser's JSON names (`task`, `processId`, ...)
 * with numbers as numbers, as `evtxhunt dump` writes them; only the fields the event has.
 */
export function systemExtrasOf(store: StoreColumns, row: number): Record<string, string | number> {
  store.checkRow(row);
  const extras: Record<string, string | number> = {};
  SYSTEM_EXTRA_NAMES.forEach((name, extra) => {
    const text = store.extras.text(row, extra);
    if (text === undefined) return;
    const property = SYSTEM_EXTRA_FIELDS[name];
    extras[property] = NUMBER_PROPERTIES.has(property) ? Number(text) : text;
  });
  return extras;
}
