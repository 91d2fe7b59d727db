// Measures filtering at scale: for a million Sysmon rows (issue43's records cycled, with time,
// record id and source port made unique), how long each query takes to test every row and
// count the facets and histogram, and how long its slices hold the thread (the page gets the
// thread back between slices): median and longest by the clock, longest in CPU time (which a
// busy machine's preemption does not inflate).
// Run: npm run build && node apps/web/bench/filter.mjs [ROWS]
import { readFile } from 'node:fs/promises';

import { bytesSource } from '@evtxhunt/evtx';

import { rowsOf } from '../dist/src/row-columns-read.js';
import { FilterSession } from '../dist/src/session/filter.js';
import { EventStore } from '../dist/src/store/event-store.js';
import { sortedIndex } from '../dist/src/store/sort.js';
import { parseEvtx } from '../dist/src/worker/parse-job.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const FIRST_MS = Date.UTC(2024, 0, 1);

const QUERIES = [
  '',
  'eventId:3',
  'eventId:3 OR eventId:1',
  '-eventId:2',
  'DestinationPort:>1000',
  'Image:*\\svchost.exe',
  'svchost',
  'CommandLine:/-e(nc)?\\s/i',
  'time:[2024-01-01T02:00 TO 2024-01-01T04:00]',
];

async function sampleRows() {
  const path = new URL('../../../samples/sysmon-issue43.evtx', import.meta.url);
  const rows = [];
  const sink = { rows: (batch) => void rows.push(...rowsOf(batch)), cancelled: () => false };
  await parseEvtx(bytesSource(new Uint8Array(await readFile(path)), 'issue43.evtx'), sink);
  return rows;
}

function syntheticStore(sample) {
  const store = new EventStore();
  const file = store.addFile('synthetic.evtx');
  for (let start = 0; start < ROWS; start += 4096) {
    const batch = [];
    for (let i = start; i < Math.min(ROWS, start + 4096); i++) {
      const base = sample[i % sample.length];
      const iso = new Date(FIRST_MS + i * 37).toISOString();
      const time = `${iso.slice(0, -1)}${String(i % 10_000).padStart(4, '0')}Z`;
      const values = base.names.map((name, k) =>
        name === 'SourcePort' ? String(1024 + (i % 60_000)) : base.values[k],
      );
      batch.push({ ...base, time, recordId: String(i + 1), values });
    }
    store.append(file, batch);
  }
  store.trim();
  return store;
}

/** Applies `query` and resolves once its pass is published, with the slices' durations. */
function runQuery(store, query) {
  return new Promise((resolve) => {
    const slices = [];
    const started = performance.now();
    const session = new FilterSession(store, {
      now: () => performance.now(),
      schedule: (task) =>
        setImmediate(() => {
          const start = performance.now();
          const cpu = process.cpuUsage();
          task();
          const used = process.cpuUsage(cpu);
          slices.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
        }),
      onResult: () => setImmediate(() => resolve({ session, slices, started })),
    });
    if (!session.setQuery(query)) throw new Error(`${query}: ${session.problem.value?.message}`);
    if (query === '') session.rowsAdded();
  });
}

const store = syntheticStore(await sampleRows());
console.log(`rows: ${store.rowCount}`);
for (const query of QUERIES) {
  const { session, slices, started } = await runQuery(store, query);
  const total = performance.now() - started;
  const kept = session.kept.value?.length ?? store.rowCount;
  const wall = slices.map((slice) => slice.wall).sort((a, b) => a - b);
  const median = wall[Math.floor(wall.length / 2)];
  const cpu = Math.max(...slices.map((slice) => slice.cpu));
  const shown = JSON.stringify(query).padEnd(46);
  console.log(
    `${shown} kept ${String(kept).padStart(7)}  ${total.toFixed(0).padStart(5)} ms, ` +
      `${String(slices.length).padStart(3)} slices: median ${median.toFixed(0)} ms, ` +
      `longest ${wall[wall.length - 1].toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms)`,
  );
}

const { session } = await runQuery(store, 'eventId:3 OR eventId:1');
const start = performance.now();
sortedIndex(store, { key: 'timeCreated', direction: 'desc' }, session.kept.value);
console.log(`sort the kept rows by time: ${(performance.now() - start).toFixed(0)} ms`);
