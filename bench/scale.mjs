// `npm run bench:scale`: does memory stay flat and does the hunt keep up with the pivot on a
// large log? Makes a log of SIZE_MB (default 1000) in a temporary folder, runs `evtxhunt pivot`,
// `hunt` and `dump --format jsonl` over it as child processes (stdout to /dev/null), each
// --repeat times (default 1), prints seconds, MB/s and peak RSS of each run and the hunt/pivot
// time ratio, writes them as JSON to bench/results/, and removes the log.
// Usage: node bench/scale.mjs [SIZE_MB] [--repeat N] [--keep]
//
// The log comes from makeLog() below: packages/generate's seeded Sysmon log, so the hunt has
// real work (beacons, downloads, lateral movement among thousands of background events).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(root, 'packages', 'cli', 'dist', 'src', 'main.js');
const RUNNER = join(root, 'bench', 'measured-run.mjs');
const COMMANDS = [
  { name: 'pivot', args: ['pivot'] },
  { name: 'hunt', args: ['hunt'] },
  { name: 'dump-jsonl', args: ['dump', '--format', 'jsonl'] },
];

/** Writes a generated Sysmon log (seed 1, with labelled beacons and lateral movement) of `bytes`. */
async function makeLog(path, bytes) {
  const { writeGeneratedLog } = await import('@evtxhunt/generate/node');
  const log = writeGeneratedLog(path, { seed: 1, sizeBytes: bytes });
  return { records: log.records, maker: '@evtxhunt/generate seed 1' };
}

function options(argv) {
  const repeatAt = argv.indexOf('--repeat');
  const repeat = repeatAt === -1 ? 1 : Number(argv[repeatAt + 1]);
  const size = argv.find((arg, i) => /^\d+(\.\d+)?$/.test(arg) && argv[i - 1] !== '--repeat');
  const sizeMb = Number(size ?? 1000);
  if (!(sizeMb > 0) || !(repeat >= 1)) {
    throw new Error('usage: node bench/scale.mjs [SIZE_MB] [--repeat N] [--keep]');
  }
  return { sizeMb, repeat, keep: argv.includes('--keep') };
}

/** Runs one command over the log; resolves to its seconds, peak RSS and exit status. */
function measure(args, log) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [RUNNER, MAIN, ...args, log], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let figures = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdio[3].on('data', (chunk) => (figures += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const seconds = (performance.now() - started) / 1000;
      const { maxRssKiB } = JSON.parse(figures || '{"maxRssKiB":0}');
      resolve({ seconds, peakRssMb: maxRssKiB / 1024, status, stderr: stderr.slice(-500) });
    });
  });
}

function row(name, run, bytes) {
  const mbPerSecond = bytes / 1e6 / run.seconds;
  console.log(
    name.padEnd(11),
    run.seconds.toFixed(2).padStart(8),
    mbPerSecond.toFixed(1).padStart(8),
    run.peakRssMb.toFixed(0).padStart(11),
    run.status === 0 ? '' : `exit ${run.status}: ${run.stderr.trim()}`,
  );
  return { command: name, ...run, mbPerSecond };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const { sizeMb, repeat, keep } = options(process.argv.slice(2));
const folder = mkdtempSync(join(tmpdir(), 'evtxhunt-scale-'));
const log = join(folder, 'scale.evtx');
try {
  console.log(`bench:scale: writing a ${sizeMb} MB log to ${log} ...`);
  const made = await makeLog(log, sizeMb * 1e6);
  const bytes = statSync(log).size;
  console.log(`bench:scale: ${bytes} bytes, ${made.records} records (${made.maker})`);
  console.log(
    'command'.padEnd(11),
    'seconds'.padStart(8),
    'MB/s'.padStart(8),
    'peakRSS MB'.padStart(11),
  );

  const runs = [];
  for (let i = 0; i < repeat; i++) {
    for (const command of COMMANDS) {
      runs.push({ ...row(command.name, await measure(command.args, log), bytes), run: i + 1 });
    }
  }

  const seconds = (name) => median(runs.filter((r) => r.command === name).map((r) => r.seconds));
  const huntPerPivot = seconds('hunt') / seconds('pivot');
  console.log(`hunt/pivot time ratio (medians): ${huntPerPivot.toFixed(2)}`);

  const results = join(root, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  const out = join(results, `scale-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const summary = { node: process.version, bytes, records: made.records, maker: made.maker };
  writeFileSync(out, JSON.stringify({ ...summary, repeat, runs, huntPerPivot }, null, 2));
  console.log(`bench:scale: figures written to ${out}`);
} finally {
  if (keep) console.log(`bench:scale: kept ${log}`);
  else rmSync(folder, { recursive: true, force: true });
}
