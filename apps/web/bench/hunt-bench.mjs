// Measures the hunting views' work on a million store rows, part by part, in Node: what the
// page's thread pays to feed the hunt worker (store.rowColumns and the structured clone postMessage
// makes of each batch), what the worker pays (its records made, HuntEngine.add and report), and the page's sliced
// passes (outbound pivot, evidence rows, process starts, CSV export). Rows are issue43's records
// cycled with record id, TimeCreated, UtcTime and SourcePort made unique, so the engine's
// duplicate check keeps them all. Run: npm run build && node apps/web/bench/hunt-bench.mjs [ROWS]
import { readFile } from 'node:fs/promises';

import { bytesSource } from '@evtxhunt/evtx';
import { HuntEngine, defaultKnowledge } from '@evtxhunt/hunt';

import { batchRecords } from '../dist/src/hunt/batch-records.js';
import { rowsOf } from '../dist/src/row-columns-read.js';
import { evidenceRows } from '../dist/src/hunt/evidence.js';
import { exportRows } from '../dist/src/hunt/export.js';
import { OutboundPivot } from '../dist/src/hunt/outbound.js';
import { ProcessStarts } from '../dist/src/hunt/parent-chain.js';
import { EventStore } from '../dist/src/store/event-store.js';
import { identityView } from '../dist/src/store/view.js';
import { parseEvtx } from '../dist/src/worker/parse-job.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const BATCH = 1000;
const START_MS = Date.UTC(2024, 0, 1);
const NO_PAUSE = { now: () => performance.now(), pause: async () => undefined };

async function sampleRows() {
  const path = new URL('../../../samples/sysmon-issue43.evtx', import.meta.url);
  const rows = [];
  const sink = { rows: (batch) => void rows.push(...rowsOf(batch)), cancelled: () => false };
  await parseEvtx(bytesSource(new Uint8Array(await readFile(path)), 'issue43.evtx'), sink);
  return rows;
}

function synthetic(sample, i) {
  const base = sample[i % sample.length];
  const iso = new Date(START_MS + i * 37).toISOString();
  const values = base.names.map((name, k) => {
    if (name === 'UtcTime') return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
    if (name === 'SourcePort') return String(1024 + (i % 64000));
    return base.values[k];
  });
  const time = `${iso.slice(0, -1)}${String(i % 10000).padStart(4, '0')}Z`;
  return { ...base, time, recordId: String(i + 1), values };
}

async function timed(label, work) {
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  console.log(`${label}: ${ms.toFixed(0)} ms (${((ms * 1000) / ROWS).toFixed(2)} µs per row)`);
  return result;
}

const sample = await sampleRows();
const store = new EventStore();
const file = store.addFile('synthetic.evtx');
for (let start = 0; start < ROWS; start += 2000) {
  const batch = [];
  for (let i = start; i < Math.min(ROWS, start + 2000); i++) batch.push(synthetic(sample, i));
  store.append(file, batch);
}
console.log(`rows: ${store.rowCount}`);

const engine = new HuntEngine({ knowledge: defaultKnowledge() });
let mainMs = 0;
let workerMs = 0;
for (let start = 0; start < ROWS; start += BATCH) {
  const t0 = performance.now();
  const { columns, files } = store.rowColumns(start, Math.min(ROWS, start + BATCH));
  const batch = { rows: columns, files, fileNames: store.fileNames() };
  const cloned = structuredClone(batch);
  const t1 = performance.now();
  for (const record of batchRecords(cloned)) engine.add(record);
  mainMs += t1 - t0;
  workerMs += performance.now() - t1;
}
const perRow = (ms) => `${((ms * 1000) / ROWS).toFixed(2)} µs per row`;
console.log(
  `page: store.rowColumns + clone of every batch: ${mainMs.toFixed(0)} ms (${perRow(mainMs)})`,
);
console.log(`worker: records made + engine.add: ${workerMs.toFixed(0)} ms (${perRow(workerMs)})`);
const report = await timed('worker: engine.report', () => engine.report());
console.log(`findings: ${report.findings.length}, pivot rows: ${report.pivot.length}`);

const view = identityView(store.rowCount);
const pivot = new OutboundPivot(store);
await timed('page: outbound pivot pass', () => {
  for (let i = 0; i < view.length; i++) pivot.add(view.row(i));
  return pivot.result();
});
const biggest = report.findings.reduce((a, b) => (b.evidence.length > a.evidence.length ? b : a));
console.log(`largest evidence list: ${biggest.evidence.length} (${biggest.kind})`);
await timed('page: evidence rows of it', () => evidenceRows(store, biggest.evidence, NO_PAUSE));
await timed('page: process-start index', () => ProcessStarts.index(store, NO_PAUSE));
const columns = ['timeCreated', 'file', 'recordId', 'eventId', 'level', 'provider', 'computer'];
const csv = await timed('page: CSV export of every row', () =>
  exportRows({ store, view, columns, format: 'csv', timeZone: 'UTC' }, NO_PAUSE),
);
console.log(`CSV: ${(csv.blob.size / 2 ** 20).toFixed(0)} MiB`);
