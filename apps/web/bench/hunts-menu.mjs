// Measures the Hunts menu's counting at scale: for a million Sysmon rows (issue43's records
// cycled, time and record id made unique), how long one pass of every query hunt takes over the
// store and how long its slices hold the thread: total CPU time, and the longest slice by the
// clock and in CPU time (which a busy machine's preemption does not inflate).
// Run: npm run build && node apps/web/bench/hunts-menu.mjs [ROWS]
import { readFile } from 'node:fs/promises';

import { bytesSource } from '@evtxhunt/evtx';
import { signal } from '@preact/signals';

import { ReadyHuntsSession } from '../dist/src/session/ready-hunts.js';
import { EventStore } from '../dist/src/store/event-store.js';
import { parseEvtx } from '../dist/src/worker/parse-job.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const FIRST_MS = Date.UTC(2024, 0, 1);

async function sampleRows() {
  const path = new URL('../../../samples/sysmon-issue43.evtx', import.meta.url);
  const rows = [];
  const sink = { rows: (batch) => void rows.push(...batch), cancelled: () => false };
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
      batch.push({ ...base, time: `${iso.slice(0, -1)}0000Z`, recordId: String(i + 1) });
    }
    store.append(file, batch);
  }
  store.trim();
  return store;
}

/** Counts every query hunt over `store`; resolves with the slices' durations. */
function countAll(store) {
  return new Promise((resolve) => {
    const slices = [];
    const menu = new ReadyHuntsSession(store, {
      now: () => performance.now(),
      findings: signal(undefined),
      schedule: (task) =>
        setImmediate(() => {
          const start = performance.now();
          const cpu = process.cpuUsage();
          task();
          const used = process.cpuUsage(cpu);
          slices.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
          if (!menu.counting.peek()) resolve({ menu, slices });
        }),
    });
    menu.rowsAdded();
  });
}

const store = syntheticStore(await sampleRows());
console.log(`rows: ${store.rowCount}`);
const started = performance.now();
const { menu, slices } = await countAll(store);
const wall = slices.map((slice) => slice.wall).sort((a, b) => a - b);
const cpu = slices.reduce((sum, slice) => sum + slice.cpu, 0);
console.log(
  `counted in ${(performance.now() - started).toFixed(0)} ms (CPU ${cpu.toFixed(0)} ms), ` +
    `${slices.length} slices: median ${wall[Math.floor(wall.length / 2)].toFixed(1)} ms, ` +
    `longest ${wall[wall.length - 1].toFixed(1)} ms ` +
    `(CPU ${Math.max(...slices.map((slice) => slice.cpu)).toFixed(1)} ms)`,
);
for (const [id, count] of menu.counts.value) {
  console.log(`  ${id.padEnd(26)} ${String(count.events).padStart(8)} events`);
}
