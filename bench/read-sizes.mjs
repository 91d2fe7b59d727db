// Reads one file with EvtxFile.open(source, { slotsPerRead }) and walks its records, with or
// without rendering them, and prints one JSON line: seconds, records, peak RSS in MB.
import { EvtxFile } from '@evtxhunt/evtx';
import { openFileSource } from '@evtxhunt/evtx/node';

const [path, perRead, render] = process.argv.slice(2);
const start = process.hrtime.bigint();
const source = await openFileSource(path);
const evtx = await EvtxFile.open(source, { slotsPerRead: Number(perRead) });
let records = 0;
for await (const record of evtx.records()) {
  if (render === 'structured') record.toStructured();
  records++;
}
await source.close();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ seconds, records, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
