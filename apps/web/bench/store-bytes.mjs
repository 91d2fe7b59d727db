// Measures the event store at scale: heap and typed-array bytes per row for a million Sysmon
// rows, and the time to append, sort and filter them. Rows are issue43's records cycled, with
// the values that are unique per event in real logs (record id, time, UtcTime, source port)
// made unique here too. Run: npm run build && node --expose-gc apps/web/bench/store-bytes.mjs [ROWS]
import { readFile } from 'node:fs/promises';

import { bytesSource } from '@evtxhunt/evtx';

import { EventStore } from '../dist/src/store/event-store.js';
import { filteredIndex } from '../dist/src/store/filter.js';
import { sortedIndex } from '../dist/src/store/sort.js';
import { parseEvtx } from '../dist/src/worker/parse-job.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const BATCH = 2000;
const START_MS = Date.UTC(2024, 0, 1);

if (typeof globalThis.gc !== 'function') {
  console.error('store-bytes: run with node --expose-gc');
  process.exit(2);
}

async function sampleRows() {
  const path = new URL('../../../samples/sysmon-issue43.evtx', import.meta.url);
  const bytes = new Uint8Array(await readFile(path));
  const rows = [];
  const sink = { rows: (batch) => void rows.push(...batch), cancelled: () => false };
  await parseEvtx(bytesSource(bytes, 'issue43.evtx'), sink);
  return rows;
}

/** Row `i`: sample row i mod n with its per-event values made unique. */
function synthetic(sample, i) {
  const base = sample[i % sample.length];
  const ms = START_MS + i * 37;
  const iso = new Date(ms).toISOString();
  const values = base.names.map((name, k) => {
    if (name === 'UtcTime') return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
    if (name === 'SourcePort') return String(1024 + (i % 64000));
    return base.values[k];
  });
  const time = `${iso.slice(0, -1)}${String(i % 10000).padStart(4, '0')}Z`;
  return { ...base, time, recordId: String(i + 1), values };
}

function memory() {
  globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function timed(label, work) {
  const start = performance.now();
  const result = work();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

const sample = await sampleRows();
const before = memory();
const store = new EventStore();
const file = store.addFile('synthetic.evtx');
timed(`append ${ROWS} rows`, () => {
  for (let start = 0; start < ROWS; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(ROWS, start + BATCH); i++) batch.push(synthetic(sample, i));
    store.append(file, batch);
  }
  store.trim();
});
const after = memory();

console.log(`rows: ${store.rowCount}`);
console.log(`bytes per row (heap + array buffers): ${((after - before) / ROWS).toFixed(1)}`);
console.log(`bytes per row (typed-array columns): ${(store.columnBytes / ROWS).toFixed(1)}`);
timed('sort by time', () => sortedIndex(store, { key: 'timeCreated', direction: 'asc' }));
timed('sort by Image', () => sortedIndex(store, { key: 'Image', direction: 'asc' }));
timed('sort by DestinationPort', () =>
  sortedIndex(store, { key: 'DestinationPort', direction: 'desc' }),
);
const kept = timed('filter Event ID 3', () =>
  filteredIndex(store, (row) => store.cell(row, 'eventId') === '3'),
);
console.log(`Event ID 3 rows: ${kept.length}`);
timed('rebuild every EventRecord', () => {
  for (let row = 0; row < ROWS; row++) store.record(row);
});
