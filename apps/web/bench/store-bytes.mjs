// Measures the event store at scale: heap and typed-array bytes per row for the rows of a
// generated Sysmon log (packages/generate, seed 1, cached by generated-log.mjs), and the time to
// append, sort and filter them and to rebuild every EventRecord. The rows are parsed the way a
// worker parses them and appended as they come, so only the store stays in memory.
// Run: npm run build && node --expose-gc apps/web/bench/store-bytes.mjs [SIZE_MB]
import { openFileSource } from '@evtxhunt/evtx/node';

import { EventStore } from '../dist/src/store/event-store.js';
import { filteredIndex } from '../dist/src/store/filter.js';
import { sortedIndex } from '../dist/src/store/sort.js';
import { parseEvtx } from '../dist/src/worker/parse-job.js';
import { generatedLog } from './generated-log.mjs';

const SIZE_MB = Number(process.argv[2] ?? 1000);

if (typeof globalThis.gc !== 'function') {
  console.error('store-bytes: run with node --expose-gc');
  process.exit(2);
}

function memory() {
  globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

async function timed(label, work) {
  const start = performance.now();
  const result = await work();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

const log = generatedLog(1, SIZE_MB);
console.log(`store-bytes: ${log.path}, ${log.records} records${log.reused ? ' (reused)' : ''}`);
const before = memory();
const store = new EventStore();
const file = store.addFile('generated.evtx');
await timed(`parse and append ${log.records} rows`, async () => {
  const sink = { rows: (batch) => store.appendColumns(file, batch), cancelled: () => false };
  const source = await openFileSource(log.path);
  try {
    await parseEvtx(source, sink);
  } finally {
    await source.close();
  }
  store.trim();
});
const after = memory();
const rows = store.rowCount;

console.log(`rows: ${rows}`);
console.log(`bytes per row (heap + array buffers): ${((after - before) / rows).toFixed(1)}`);
console.log(`bytes per row (typed-array columns): ${(store.columnBytes / rows).toFixed(1)}`);
await timed('sort by time', () => sortedIndex(store, { key: 'timeCreated', direction: 'asc' }));
await timed('sort by Image', () => sortedIndex(store, { key: 'Image', direction: 'asc' }));
await timed('sort by DestinationPort', () =>
  sortedIndex(store, { key: 'DestinationPort', direction: 'desc' }),
);
const kept = await timed('filter Event ID 3', () =>
  filteredIndex(store, (row) => store.cell(row, 'eventId') === '3'),
);
console.log(`Event ID 3 rows: ${kept.length}`);
await timed('rebuild every EventRecord', () => {
  for (let row = 0; row < rows; row++) store.record(row);
});
