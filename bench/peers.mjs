// `npm run bench:peers`: our dump side by side with libevtx (`evtxexport -f xml`), python-evtx
// (`evtx_dump.py`) and @ts-evtx/core, on the same files: the largest corpus files and generated
// Sysmon logs (64 MiB, 100 MiB and 1 GiB by default; @ts-evtx/core refuses files over 100 MiB,
// so the 64 MiB one is what it reads), written to a temporary folder and removed after.
// Each run is a child process under /usr/bin/time and `timeout`; its output is read through a
// pipe and counted (records), never stored. Prints wall time, MB/s, records/s, peak RSS and each
// peer's ratio to us, and writes JSON to bench/results/peers-<date>.json.
//
//   node bench/peers.mjs [--install] [--sizes 64MB,100MB,1GB] [--corpus 3] [--repeat 1]
//                        [--timeout 600] [--python-timeout 60] [--only ours,evtxexport,...]
//
// --install: apt-get installs libevtx-utils and python3-evtx when missing, and npm installs
// @ts-evtx/core into bench/.peers (never a project dependency). Without it, missing peers are
// listed as not installed and skipped.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.EVTXHUNT_SHARED ?? join(root, '..', 'shared');
const peersDir = join(root, 'bench', '.peers');
const cli = join(root, 'packages', 'cli', 'bin', 'evtxhunt.js');
const EVENT_TAG = Buffer.from('<Event xmlns');
const NEWLINE = Buffer.from('\n');

const OPTIONS = {
  help: { type: 'boolean', default: false },
  install: { type: 'boolean', default: false },
  sizes: { type: 'string', default: '64MB,100MB,1GB' },
  corpus: { type: 'string', default: '3' },
  repeat: { type: 'string', default: '1' },
  timeout: { type: 'string', default: '600' },
  'python-timeout': { type: 'string', default: '60' },
  only: { type: 'string' },
};
const USAGE = `Usage: node bench/peers.mjs [--install] [--sizes 64MB,100MB,1GB] [--corpus 3]
       [--repeat 1] [--timeout 600] [--python-timeout 60] [--only ours,evtxexport,...]`;

const options = parseOptions();

/** The command line; the usage on --help (exit 0) or when it does not parse (exit 2). */
function parseOptions() {
  let values;
  try {
    values = parseArgs({ options: OPTIONS }).values;
  } catch (error) {
    console.error(`bench:peers: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return values;
}

/** Every tool: how to run it on a file, how to count its records, how long it may take. */
function tools(threadsSupported) {
  const node = process.execPath;
  const all = [
    {
      // One thread, named: dump's default is every core once --threads exists.
      name: 'ours',
      command: node,
      args: (f) => [
        cli,
        'dump',
        '--format',
        'jsonl',
        ...(threadsSupported ? ['--threads', '1'] : []),
        f,
      ],
      count: NEWLINE,
    },
    threadsSupported && {
      name: 'ours --threads 2',
      command: node,
      args: (f) => [cli, 'dump', '--format', 'jsonl', '--threads', '2', f],
      count: NEWLINE,
    },
    { name: 'evtxexport', command: 'evtxexport', args: (f) => ['-f', 'xml', f], count: EVENT_TAG },
    {
      name: 'python-evtx',
      command: 'evtx_dump.py',
      args: (f) => [f],
      count: EVENT_TAG,
      timeout: Number(options['python-timeout']),
    },
    {
      name: '@ts-evtx/core',
      command: node,
      args: (f) => [join(root, 'bench', 'peers-ts-evtx.mjs'), f],
      count: NEWLINE,
      available: () => existsSync(join(peersDir, 'node_modules', '@ts-evtx', 'core')),
    },
  ].filter(Boolean);
  const only = options.only?.split(',');
  return only === undefined ? all : all.filter((tool) => only.includes(tool.name));
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function isAvailable(tool) {
  return tool.available ? tool.available() : onPath(tool.command);
}

/** `--install`: the Debian packages when their commands are missing, and @ts-evtx/core. */
function install() {
  const missing = [
    ['evtxexport', 'libevtx-utils'],
    ['evtx_dump.py', 'python3-evtx'],
  ].filter(([command]) => !onPath(command));
  if (missing.length > 0) {
    const packages = missing.map(([, name]) => name);
    console.log(`bench: apt-get install ${packages.join(' ')}`);
    spawnSync('apt-get', ['install', '-y', ...packages], { stdio: 'inherit' });
  }
  if (!existsSync(join(peersDir, 'node_modules', '@ts-evtx', 'core'))) {
    mkdirSync(peersDir, { recursive: true });
    if (!existsSync(join(peersDir, 'package.json'))) {
      writeFileSync(join(peersDir, 'package.json'), '{ "private": true }\n');
    }
    console.log('bench: npm install @ts-evtx/core into bench/.peers');
    spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefix', peersDir, '@ts-evtx/core'],
      {
        stdio: 'inherit',
      },
    );
  }
}

function versions() {
  const dpkg = (name) =>
    spawnSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' }).stdout || null;
  const tsManifest = join(peersDir, 'node_modules', '@ts-evtx', 'core', 'package.json');
  return {
    node: process.version,
    evtxexport: dpkg('libevtx-utils'),
    'python-evtx': dpkg('python3-evtx'),
    '@ts-evtx/core': existsSync(tsManifest)
      ? JSON.parse(readFileSync(tsManifest, 'utf8')).version
      : null,
  };
}

function dumpSupportsThreads() {
  const help = spawnSync(process.execPath, [cli, 'dump', '--help'], { encoding: 'utf8' });
  return `${help.stdout}${help.stderr}`.includes('--threads');
}

function largestCorpusFiles(count) {
  const corpus = join(shared, 'samples', 'evtx');
  if (count === 0 || !existsSync(corpus)) return [];
  return readdirSync(corpus, { recursive: true })
    .filter((name) => name.toLowerCase().endsWith('.evtx'))
    .map((name) => join(corpus, name))
    .map((path) => ({ path, bytes: statSync(path).size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count)
    .map((file) => ({
      ...file,
      name: file.path.replace(`${shared}/`, 'shared/'),
      generated: false,
    }));
}

/** Generated Sysmon logs of each size, seed 1, in `folder`. */
async function generatedFiles(sizes, folder) {
  const { writeGeneratedLog, parseSize } = await import('@evtxhunt/generate/node');
  return sizes.map((size) => {
    const path = join(folder, `sysmon-${size}.evtx`);
    const started = performance.now();
    const log = writeGeneratedLog(path, { seed: 1, sizeBytes: parseSize(size) });
    const seconds = (performance.now() - started) / 1000;
    console.log(`bench: generated ${size}: ${log.records} records in ${seconds.toFixed(1)} s`);
    return {
      path,
      bytes: log.bytes,
      records: log.records,
      name: `generated ${size}`,
      generated: true,
    };
  });
}

/** Occurrences of `pattern` in a stream of buffers, across buffer boundaries. */
function counter(pattern) {
  let count = 0;
  let carry = Buffer.alloc(0);
  return {
    add(chunk) {
      const buffer = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      for (let at = buffer.indexOf(pattern); at >= 0; at = buffer.indexOf(pattern, at + 1)) count++;
      carry = buffer.subarray(Math.max(0, buffer.length - pattern.length + 1));
    },
    get count() {
      return count;
    },
  };
}

/** One timed run: wall seconds and peak RSS from /usr/bin/time, records and bytes counted. */
function runOnce(tool, file, limitSeconds) {
  const args = [
    '-f',
    '__time__ %e %M',
    'timeout',
    String(limitSeconds),
    tool.command,
    ...tool.args(file.path),
  ];
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const records = counter(tool.count);
    let outputBytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      outputBytes += chunk.length;
      records.add(chunk);
    });
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
    child.on('close', (code) => {
      const match = /__time__ ([\d.]+) (\d+)/.exec(stderr);
      const timedOut = code === 124;
      const error =
        code === 0 || timedOut
          ? undefined
          : stderr
              .replace(/__time__.*/, '')
              .replace(/Command exited with non-zero status.*/, '')
              .trim()
              .slice(-400);
      resolve({
        seconds: match ? Number(match[1]) : NaN,
        peakRssMb: match ? Number(match[2]) / 1024 : NaN,
        records: records.count,
        outputBytes,
        timedOut,
        ...(error === undefined ? {} : { error: error || `exit status ${code}` }),
      });
    });
  });
}

/** Figures for a tool on a file over `repeat` runs: the best run's rates and the time range. */
async function measure(tool, file, repeat) {
  const limit = tool.timeout ?? Number(options.timeout);
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    const run = await runOnce(tool, file, limit);
    runs.push(run);
    if (run.error !== undefined || run.timedOut) break;
  }
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  // A run cut off by its time box parsed a prefix: its share of the records gives its bytes.
  const share = file.records > 0 ? Math.min(1, best.records / file.records) : 1;
  const parsedBytes = best.timedOut ? file.bytes * share : file.bytes;
  return {
    tool: tool.name,
    file: file.name,
    fileBytes: file.bytes,
    ...best,
    secondsRange: [
      Math.min(...runs.map((r) => r.seconds)),
      Math.max(...runs.map((r) => r.seconds)),
    ],
    runs: runs.length,
    partial: best.timedOut,
    // A failed run has no rate: it did not parse the file.
    mbPerSecond: best.error === undefined ? parsedBytes / 1e6 / best.seconds : null,
    recordsPerSecond: best.error === undefined ? best.records / best.seconds : null,
  };
}

function addRatios(results) {
  for (const result of results) {
    if (result.error !== undefined) continue;
    const ours = results.find((r) => r.tool === 'ours' && r.file === result.file);
    if (ours === undefined || ours.error !== undefined) continue;
    result.ratioToOurs = {
      mbPerSecond: result.mbPerSecond / ours.mbPerSecond,
      peakRss: result.peakRssMb / ours.peakRssMb,
    };
    result.recordsMatchOurs = result.partial ? null : result.records === ours.records;
  }
}

function printRow(result) {
  const note = result.error
    ? `failed: ${result.error.split('\n').filter(Boolean).at(-1)}`
    : [
        result.partial ? `time-boxed: ${result.records} records parsed (a prefix)` : '',
        result.recordsMatchOurs === false ? `records differ from ours (${result.records})` : '',
      ]
        .filter(Boolean)
        .join('; ');
  const ratio = result.ratioToOurs ? `${result.ratioToOurs.mbPerSecond.toFixed(2)}x` : '';
  console.log(
    result.file.slice(-44).padEnd(44),
    result.tool.padEnd(17),
    result.seconds.toFixed(2).padStart(8),
    (result.mbPerSecond?.toFixed(1) ?? '-').padStart(7),
    (result.recordsPerSecond === null ? '-' : String(Math.round(result.recordsPerSecond))).padStart(
      9,
    ),
    result.peakRssMb.toFixed(0).padStart(8),
    ratio.padStart(7),
    note,
  );
}

async function main() {
  if (options.install) install();
  const threads = dumpSupportsThreads();
  const all = tools(threads);
  const available = all.filter(isAvailable);
  for (const tool of all.filter((t) => !available.includes(t))) {
    console.log(`bench: ${tool.name} not installed; skipped (node bench/peers.mjs --install)`);
  }
  if (!threads) console.log('bench: dump has no --threads yet; one thread only');

  const folder = mkdtempSync(join(tmpdir(), 'evtxhunt-peers-'));
  try {
    const sizes = options.sizes.split(',').filter(Boolean);
    const files = [
      ...largestCorpusFiles(Number(options.corpus)),
      ...(await generatedFiles(sizes, folder)),
    ];
    const results = await runAll(available, files);
    writeResults(results, files, available);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function runAll(available, files) {
  const results = [];
  console.log(
    'file'.padEnd(44),
    'tool'.padEnd(17),
    'seconds'.padStart(8),
    'MB/s'.padStart(7),
    'rec/s'.padStart(9),
    'RSS MB'.padStart(8),
    'vs us'.padStart(7),
  );
  for (const file of files) {
    const fileResults = [];
    for (const tool of available) {
      const result = await measure(tool, file, Number(options.repeat));
      // A corpus file's record count is ours, for the share a time-boxed peer got through.
      if (tool.name === 'ours' && !file.generated) file.records = result.records;
      fileResults.push(result);
    }
    addRatios(fileResults);
    fileResults.forEach(printRow);
    results.push(...fileResults);
  }
  return results;
}

function writeResults(results, files, available) {
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const date = new Date().toISOString().replace(/[:.]/g, '-');
  const out = join(root, 'bench', 'results', `peers-${date}.json`);
  const machine = { cpus: cpus().length, model: cpus()[0]?.model, loadAverage: loadavg() };
  const report = {
    date: new Date().toISOString(),
    machine,
    versions: versions(),
    tools: available.map((tool) => tool.name),
    options,
    note: 'Timings are noisy on a shared 2-core machine; repeat runs (--repeat) and compare ranges.',
    files: files.map(({ name, bytes, records }) => ({ name, bytes, records })),
    results,
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`bench: figures written to ${out}`);
}

await main();
