// `npm run bench`: parse speed and peak memory of the parser alone (structured records) and of
// dump (JSONL and XML) on the largest corpus
// files and the bundled sample. Each file is parsed in its own process, repeated until about
// one second of work, so start-up cost does not dominate. Prints a table and writes JSON to
// bench/results/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.EVTXHUNT_SHARED ?? join(root, '..', 'shared');
const corpus = join(shared, 'samples', 'evtx');

function largestCorpusFiles(count) {
  if (!existsSync(corpus)) {
    console.log(`bench: ${corpus} not found; corpus files skipped`);
    return [];
  }
  const files = readdirSync(corpus, { recursive: true })
    .filter((name) => name.toLowerCase().endsWith('.evtx'))
    .map((name) => join(corpus, name));
  return files
    .map((path) => ({ path, size: statSync(path).size }))
    .sort((a, b) => b.size - a.size)
    .slice(0, count)
    .map((entry) => entry.path);
}

function measure(path, mode, from) {
  const size = statSync(path).size;
  const repeat = Math.max(1, Math.round(20e6 / size));
  const script = join(root, 'bench', 'parse-one.mjs');
  const output = execFileSync(process.execPath, [script, path, String(repeat), mode, from], {
    encoding: 'utf8',
  });
  const figures = JSON.parse(output);
  return {
    ...figures,
    mbPerSecond: figures.bytes / 1e6 / figures.seconds,
    recordsPerSecond: figures.records / figures.seconds,
    bestMbPerSecond: size / 1e6 / figures.bestSeconds,
  };
}

// `structured` is the parser alone (file read into memory first, no output text); `jsonl` and
// `xml` read from disk chunk by chunk and make each line, as `dump` does.
const MODES = [
  ['structured', 'memory'],
  ['jsonl', 'file'],
  ['xml', 'file'],
];

const files = [join(root, 'samples', 'sysmon-issue43.evtx'), ...largestCorpusFiles(4)];
const results = [];
console.log(
  'file'.padEnd(60),
  'mode      ',
  'MB/s'.padStart(7),
  'best MB/s'.padStart(10),
  'rec/s'.padStart(9),
  'peakRSS MB'.padStart(11),
);
for (const path of files) {
  for (const [mode, from] of MODES) {
    const result = measure(path, mode, from);
    results.push(result);
    const name = path.replace(shared, 'shared').replace(root, '').slice(-60);
    console.log(
      name.padEnd(60),
      mode.padEnd(10),
      result.mbPerSecond.toFixed(1).padStart(7),
      result.bestMbPerSecond.toFixed(1).padStart(10),
      Math.round(result.recordsPerSecond).toString().padStart(9),
      result.peakRssMb.toFixed(0).padStart(11),
    );
  }
}

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const out = join(
  root,
  'bench',
  'results',
  `dump-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
);
writeFileSync(out, JSON.stringify({ node: process.version, results }, null, 2));
console.log(`bench: figures written to ${out}`);
