/**
 * Reading RowColumns that came from another thread: checked once (lengths and indexes) before
 * anything is stored, cut into the runs of rows of each chunk slot, and, for tests and the
 * Node reference, turned back into row objects.
 */
import type { CompactRow } from './protocol.js';
import { NO_LEVEL, type RowColumns } from './row-columns.js';
import { TimeText } from './store/time-column.js';

/** The columns that hold one entry a row. */
const PER_ROW = [
  'timeMs',
  'timeTicks',
  'eventId',
  'level',
  'recordId',
  'chunk',
  'offset',
  'recovered',
  'provider',
  'channel',
  'computer',
  'system',
  'shape',
] as const;

/**
 * Throws a RangeError naming the batch, the column and the row when a column's length or an
 * index in it does not fit the batch: a batch is checked before any of it is stored.
 */
export function checkColumns(columns: RowColumns, what: string): void {
  const { count, texts, shapes, values, dataAt, data } = columns;
  const fail = (message: string) => {
    throw new RangeError(`${what}: row columns: ${message}`);
  };
  for (const key of PER_ROW) {
    if (columns[key].length !== count) fail(`${key} holds ${columns[key].length} of ${count} rows`);
  }
  if (dataAt.length !== count + 1) fail(`dataAt holds ${dataAt.length} of ${count + 1} entries`);
  for (const key of ['provider', 'channel', 'computer', 'system'] as const) {
    const row = columns[key].findIndex((index) => index >= texts.length);
    if (row >= 0)
      fail(`row ${row}: ${key} ${columns[key][row]} is not in the ${texts.length} texts`);
  }
  for (let row = 0; row < count; row++) {
    const names = shapes[columns.shape[row] as number];
    if (names === undefined) fail(`row ${row}: shape ${columns.shape[row]} is not in the batch`);
    const from = dataAt[row] as number;
    const to = dataAt[row + 1] as number;
    if (to - from !== names?.length || to > data.length) {
      fail(`row ${row} has ${to - from} values for ${names?.length} names`);
    }
  }
  const bad = data.findIndex((index) => index >= values.length);
  if (bad >= 0) fail(`data ${bad}: value ${data[bad]} is not in the ${values.length} values`);
}

/** Rows `start` to `end` of `columns`, sharing its buffers and lists. */
export function sliceColumns(columns: RowColumns, start: number, end: number): RowColumns {
  if (start === 0 && end === columns.count) return columns;
  const inRange = ([row]: readonly [number, unknown]) => row >= start && row < end;
  return {
    ...columns,
    count: end - start,
    timeMs: columns.timeMs.subarray(start, end),
    timeTicks: columns.timeTicks.subarray(start, end),
    oddTimes: columns.oddTimes.filter(inRange).map(([row, text]) => [row - start, text]),
    eventId: columns.eventId.subarray(start, end),
    level: columns.level.subarray(start, end),
    recordId: columns.recordId.subarray(start, end),
    oddRecordIds: columns.oddRecordIds.filter(inRange).map(([row, text]) => [row - start, text]),
    chunk: columns.chunk.subarray(start, end),
    offset: columns.offset.subarray(start, end),
    recovered: columns.recovered.subarray(start, end),
    provider: columns.provider.subarray(start, end),
    channel: columns.channel.subarray(start, end),
    computer: columns.computer.subarray(start, end),
    system: columns.system.subarray(start, end),
    shape: columns.shape.subarray(start, end),
    // Offsets into `data`, which is shared whole.
    dataAt: columns.dataAt.subarray(start, end + 1),
  };
}

/** The rows of `columns` as objects, rows of one shape sharing one names list. */
export function rowsOf(columns: RowColumns): CompactRow[] {
  const oddTimes = new Map(columns.oddTimes);
  const oddIds = new Map(columns.oddRecordIds);
  const times = new TimeText();
  const text = (index: number | undefined) => columns.texts[index ?? -1] ?? '';
  const rows: CompactRow[] = [];
  for (let row = 0; row < columns.count; row++) {
    const at = columns.dataAt[row] ?? 0;
    const names = columns.shapes[columns.shape[row] ?? -1] ?? [];
    const ms = columns.timeMs[row] ?? Number.NaN;
    const level = columns.level[row];
    rows.push({
      ...(columns.recovered[row] === 1 ? { recovered: true } : {}),
      time: oddTimes.has(row) ? oddTimes.get(row) : times.text(ms, columns.timeTicks[row] ?? 0),
      eventId: columns.eventId[row] ?? 0,
      level: level === NO_LEVEL ? undefined : level,
      provider: text(columns.provider[row]),
      channel: text(columns.channel[row]),
      computer: text(columns.computer[row]),
      recordId: oddIds.get(row) ?? String(columns.recordId[row]),
      system: text(columns.system[row]),
      chunk: columns.chunk[row] ?? 0,
      offset: columns.offset[row] ?? 0,
      names,
      values: names.map((_, i) => columns.values[columns.data[at + i] ?? -1] ?? ''),
    });
  }
  return rows;
}
