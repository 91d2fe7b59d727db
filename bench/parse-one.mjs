// Parses one file `repeat` times the way `evtxhunt dump --format jsonl` does (structured
// record + JSON line) and prints one JSON line of figures: bytes, records, seconds, peak RSS.
import { EvtxFile } from '@evtxhunt/evtx';
import { openFileSource } from '@evtxhunt/evtx/node';

const [path, repeatText = '1', mode = 'jsonl'] = process.argv.slice(2);
const repeat = Number(repeatText);
let records = 0;
let outputBytes = 0;
let size = 0;

const start = process.hrtime.bigint();
for (let i = 0; i < repeat; i++) {
  const source = await openFileSource(path);
  size = source.size;
  const file = await EvtxFile.open(source);
  for await (const record of file.records()) {
    const line = mode === 'xml' ? record.toXml() : JSON.stringify(record.toStructured());
    outputBytes += line.length + 1;
    records++;
  }
  await source.close();
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    path,
    mode,
    repeat,
    bytes: size * repeat,
    records,
    outputBytes,
    seconds,
    peakRssMb,
  }),
);
