/**
 * Batch out: a range of the store's rows as RowColumns (row-columns.ts), the way the hunt
 * worker takes them. Each text and value the rows share is listed once, as a parse worker
 * lists them, so the batch costs what the rows hold in common, not one string a row.
 */
import type { FieldValue } from '@evtxhunt/hunt';

import { TextList, type RowColumns } from '../row-columns.js';
import type { StoreColumns } from './store-columns.js';
import type { ValuePool } from './value-pool.js';

/** Rows `start` to `end` as RowColumns, and the file names the rows' `files` codes index. */
export function rowColumnsOf(
  store: StoreColumns,
  start: number,
  end: number,
): { columns: RowColumns; files: Uint32Array } {
  if (start !== end) store.checkRow(start);
  if (end !== start) store.checkRow(end - 1);

  const texts = new TextList();
  const system = systemColumnsOf(store, start, end, texts);
  const data = dataColumnsOf(store, start, end);
  const files = new Uint32Array(store.file.view().subarray(start, end));
  return { columns: { count: end - start, texts: texts.items, ...system, ...data }, files };
}

/** The System fields of rows `start` to `end` as RowColumns hold them; texts go in `texts`. */
function systemColumnsOf(store: StoreColumns, start: number, end: number, texts: TextList) {
  const count = end - start;
  const textOf = (pool: ValuePool, code: number) => texts.id(pool.text(code) ?? '');
  const system = texts.id('');
  const oddTimes: [number, string | undefined][] = [];
  const oddRecordIds: [number, string][] = [];
  const columns = {
    timeMs: store.time.view(start, end, oddTimes),
    timeTicks: store.time.ticksView(start, end),
    eventId: new Uint32Array(store.eventId.view().subarray(start, end)),
    level: new Uint16Array(store.level.view().subarray(start, end)),
    recordId: store.recordId.view().slice(start, end),
    chunk: new Uint32Array(store.chunk.view().subarray(start, end)),
    offset: new Float64Array(count),
    recovered: store.recovered.view().slice(start, end),
    provider: new Uint32Array(count),
    channel: new Uint32Array(count),
    computer: new Uint32Array(count),
    system: new Uint32Array(count).fill(system),
  };
  for (let row = start; row < end; row++) {
    const i = row - start;
    const big = store.bigRecordIds.get(row);
    if (big !== undefined) oddRecordIds.push([i, big]);
    columns.offset[i] = store.recordOffset(row);
    columns.provider[i] = textOf(store.text.provider, store.providerCode.get(row));
    columns.channel[i] = textOf(store.text.channel, store.channelCode.get(row));
    columns.computer[i] = textOf(store.text.computer, store.computerCode.get(row));
  }
  return { oddTimes, oddRecordIds, ...columns };
}

/** The data of rows `start` to `end` as RowColumns hold it. */
function dataColumnsOf(store: StoreColumns, start: number, end: number) {
  const shapes: (readonly string[])[] = [];
  const shapeIds = new Map<number, number>();
  const values: FieldValue[] = [];
  const valueIds = store.fields.map(() => new Map<number, number>());
  const shape = new Uint32Array(end - start);
  const dataAt = new Uint32Array(end - start + 1);
  const data: number[] = [];
  for (let row = start; row < end; row++) {
    const id = store.shapeOf.get(row);
    let local = shapeIds.get(id);
    if (local === undefined) {
      local = shapes.length;
      const fields = store.shapes.get(id)?.fields ?? [];
      shapes.push(fields.map((field) => store.fields[field]?.name ?? ''));
      shapeIds.set(id, local);
    }
    shape[row - start] = local;
    dataAt[row - start] = data.length;
    const stored = store.shapes.get(id);
    const place = store.placeInShape.get(row);
    stored?.fields.forEach((field, slot) => {
      // Every stored value has a code; NO_VALUE would read as the empty value.
      const code = stored.code(slot, place);
      let index = valueIds[field]?.get(code);
      if (index === undefined) {
        index = values.length;
        values.push(store.fields[field]?.pool.value(code) ?? '');
        valueIds[field]?.set(code, index);
      }
      data.push(index);
    });
  }
  dataAt[end - start] = data.length;
  return { shapes, values, shape, dataAt, data: Uint32Array.from(data) };
}
