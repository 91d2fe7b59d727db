// Parses one file `repeat` times and prints one JSON line of figures: bytes, records, seconds,
// CPU seconds, the fastest single pass (the figure least disturbed by other processes on a
// shared machine), peak RSS. Modes: `jsonl` as `evtxhunt dump --format jsonl` does (structured record + JSON
// line), `xml` (XML per record), `structured` (the structured record only, no JSON), `fields`
// (the pivot's lazy reads: Event ID, then six fields of Event ID 3 only). Source `file` reads
// chunk by chunk from disk as the CLI does; `memory` reads the file once first, so the figure
// is the parser's alone. `iterate` is `batches` (a chunk's records per await, as the CLI reads)
// or `records` (one await per record).
import { readFile } from 'node:fs/promises';
import { bytesSource, EvtxFile } from '@evtxhunt/evtx';
import { openFileSource } from '@evtxhunt/evtx/node';

const [path, repeatText = '1', mode = 'jsonl', from = 'file', iterate = 'batches'] =
  process.argv.slice(2);
const repeat = Number(repeatText);
const MODES = ['jsonl', 'xml', 'structured', 'fields'];
if (path === undefined || !(repeat >= 1) || !MODES.includes(mode)) {
  process.stderr.write(
    'usage: node bench/parse-one.mjs FILE [REPEAT] [jsonl|xml|structured|fields] [file|memory] ' +
      '[batches|records]\n',
  );
  process.exit(2);
}
const PIVOT_FIELDS = ['Image', 'SourceIp', 'DestinationIp', 'DestinationPort', 'ProcessGuid'];
let records = 0;
let outputBytes = 0;
let size = 0;

/** Output characters for one record (a count for the modes that make no text). */
function render(record) {
  if (mode === 'structured') return record.toStructured().data === undefined ? 0 : 1;
  if (mode === 'fields') return pivotFields(record);
  const line = mode === 'xml' ? record.toXml() : JSON.stringify(record.toStructured());
  return line.length + 1;
}

function pivotFields(record) {
  if (record.eventId !== 3) return 0;
  let length = (record.timeCreated ?? '').length;
  for (const name of PIVOT_FIELDS) length += String(record.field(name) ?? '').length;
  return length;
}

/** Renders every record of `file`, a chunk's at a time or one at a time as `iterate` says. */
async function readRecords(file) {
  if (iterate === 'records') {
    for await (const record of file.records()) {
      outputBytes += render(record);
      records++;
    }
    return;
  }
  for await (const batch of file.recordBatches()) {
    for (const record of batch) outputBytes += render(record);
    records += batch.length;
  }
}

const bytes = from === 'memory' ? new Uint8Array(await readFile(path)) : undefined;
const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
let bestSeconds = Infinity;
for (let i = 0; i < repeat; i++) {
  const passStart = process.hrtime.bigint();
  const source = bytes ? bytesSource(bytes, path) : await openFileSource(path);
  size = source.size;
  const file = await EvtxFile.open(source);
  await readRecords(file);
  if (!bytes) await source.close();
  bestSeconds = Math.min(bestSeconds, Number(process.hrtime.bigint() - passStart) / 1e9);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
// CPU time (user + system) of this process: steadier than wall time on a shared machine.
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    path,
    mode,
    from,
    iterate,
    repeat,
    bytes: size * repeat,
    records,
    outputBytes,
    seconds,
    cpuSeconds,
    bestSeconds,
    peakRssMb,
  }),
);
