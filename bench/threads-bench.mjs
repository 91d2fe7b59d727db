// `npm run bench:threads`: dump (JSON lines), pivot and hunt over one large generated log with
// --threads 1 and 2, and reads of it with 1, 16 and 64 chunk slots per read. Each run is its
// own process, repeated (BENCH_REPEAT, default 3), because timings on a shared 2-core machine
// are noisy: the table shows the fastest and slowest run. The log is the bundled sample's
// chunks repeated to BENCH_MB megabytes (default 200), made once under the system temp folder.
// Prints a table and writes JSON to bench/results/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const megabytes = Number(process.env.BENCH_MB ?? 200);
const repeat = Number(process.env.BENCH_REPEAT ?? 3);
const log = join(tmpdir(), `evtxhunt-bench-generated-${megabytes}mb.evtx`);

/** A generated Sysmon log (packages/generate, seed 1), kept in the temp folder between runs. */
async function ensureLog() {
  if (existsSync(log)) return;
  const { writeGeneratedLog } = await import('@evtxhunt/generate/node');
  writeGeneratedLog(log, { seed: 1, sizeBytes: megabytes * 1e6 });
}

function countRecords() {
  const output = execFileSync(process.execPath, [join(root, 'bench/read-sizes.mjs'), log, '16'], {
    encoding: 'utf8',
  });
  return JSON.parse(output).records;
}

/** One CLI run with stdout thrown away; its figures come from measured-run.mjs on fd 3. */
function runCli(args) {
  const script = join(root, 'bench/measured-run.mjs');
  const main = join(root, 'packages/cli/dist/src/main.js');
  const run = spawnSync(process.execPath, [script, main, ...args], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.output[3]?.trim();
  if (run.status !== 0 || !line) {
    throw new Error(`evtxhunt ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(-500)}`);
  }
  return JSON.parse(line);
}

function runRead(perRead, render) {
  const script = join(root, 'bench/read-sizes.mjs');
  const output = execFileSync(process.execPath, [script, log, String(perRead), render], {
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

/** The fastest and slowest of one case's runs, and its rates from the fastest. */
function summarise(name, runs, bytes, records) {
  const seconds = runs.map((run) => run.seconds).sort((a, b) => a - b);
  const cpu = runs.map((run) => (run.userSeconds ?? 0) + (run.systemSeconds ?? 0));
  const best = seconds[0];
  return {
    name,
    runs,
    fastestSeconds: best,
    slowestSeconds: seconds.at(-1),
    mbPerSecond: bytes / 1e6 / best,
    recordsPerSecond: records / best,
    cpuSeconds: Math.min(...cpu),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
  };
}

await ensureLog();
const bytes = statSync(log).size;
const records = countRecords();
const cases = [];
for (const command of [['dump'], ['pivot'], ['hunt', '--format', 'json']]) {
  for (const threads of [1, 2]) {
    const args = [...command, log, '--threads', String(threads)];
    cases.push({ name: `${command[0]} --threads ${threads}`, once: () => runCli(args) });
  }
}
for (const perRead of [1, 16, 64]) {
  for (const render of ['walk', 'structured']) {
    const name = `read ${render}, ${perRead} slot${perRead > 1 ? 's' : ''}/read`;
    cases.push({ name, once: () => runRead(perRead, render) });
  }
}

// Rounds run every case once, so a burst of load from elsewhere hits all cases alike.
const runs = new Map(cases.map((entry) => [entry.name, []]));
const loadBefore = loadavg()[0];
for (let round = 0; round < repeat; round++) {
  for (const entry of cases) runs.get(entry.name).push(entry.once());
}
const results = cases.map((entry) => summarise(entry.name, runs.get(entry.name), bytes, records));

console.log(`log: ${log}, ${(bytes / 1e6).toFixed(0)} MB, ${records} records; ${repeat} runs each`);
console.log(
  `cores ${availableParallelism()}, load average ${loadBefore.toFixed(1)} before and ${loadavg()[0].toFixed(1)} after: figures from a busy machine vary`,
);
console.log(
  'case'.padEnd(34),
  'fastest s'.padStart(9),
  'slowest s'.padStart(9),
  'MB/s'.padStart(7),
  'rec/s'.padStart(8),
  'CPU s'.padStart(6),
  'peak RSS MB'.padStart(11),
);
for (const result of results) {
  console.log(
    result.name.padEnd(34),
    result.fastestSeconds.toFixed(2).padStart(9),
    result.slowestSeconds.toFixed(2).padStart(9),
    result.mbPerSecond.toFixed(1).padStart(7),
    Math.round(result.recordsPerSecond).toString().padStart(8),
    (result.cpuSeconds ? result.cpuSeconds.toFixed(1) : '-').padStart(6),
    result.peakRssMb.toFixed(0).padStart(11),
  );
}

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = join(root, 'bench', 'results', `threads-${stamp}.json`);
const machine = { node: process.version, cores: availableParallelism(), loadBefore };
writeFileSync(out, JSON.stringify({ ...machine, log, bytes, records, results }, null, 2));
console.log(`bench: figures written to ${out}`);
