// Parses one file `repeat` times the way `evtxhunt dump --format jsonl` does (structured
// record + JSON line; `structured` mode builds the record without JSON, `xml` renders XML) and prints one JSON line of figures: bytes, records, seconds, peak RSS.
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
    outputBytes += render(record, mode);
    records++;
  }
  await source.close();
}
/** Output characters for one record: `structured` builds the record only (no JSON). */
function render(record, mode) {
  if (mode === 'structured') return record.toStructured().data === undefined ? 0 : 1;
  const line = mode === 'xml' ? record.toXml() : JSON.stringify(record.toStructured());
  return line.length + 1;
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
