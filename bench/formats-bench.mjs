// Reads exports with @evtxhunt/formats and prints records, CPU time (user+sys), MB/s of CPU
// time and peak RSS, per file: `node bench/formats-bench.mjs FILE...`. Peak RSS shows whether
// memory stays flat as inputs grow. Run one file per process for a clean RSS figure.
import { statSync } from 'node:fs';
import { readFileRecordBatches } from '../packages/formats/dist/src/node.js';

for (const path of process.argv.slice(2)) {
  const start = process.cpuUsage();
  let records = 0;
  let diagnostics = 0;
  const onDiagnostic = () => diagnostics++;
  for await (const batch of readFileRecordBatches(path, { onDiagnostic })) records += batch.length;

  const cpu = process.cpuUsage(start);
  const seconds = (cpu.user + cpu.system) / 1e6;
  const mb = statSync(path).size / 1e6;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${path}: ${records} records, ${diagnostics} diagnostics, ${mb.toFixed(1)} MB, ` +
      `${seconds.toFixed(2)} s CPU, ${(mb / seconds).toFixed(1)} MB/s, peak RSS ${rss.toFixed(0)} MB`,
  );
}
