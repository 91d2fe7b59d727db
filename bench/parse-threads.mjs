// Structured records made on N threads, measured honestly: every record is made structured and
// consumed (counted, or serialised) on the thread that parsed it, and only counts cross. One
// thread is the main thread alone (EvtxFile.records()); N threads is what `--threads N` runs:
// a ChunkPool of N - 1 workers with the main thread parsing too (`--workers-only`: N workers,
// the main thread only collecting). Each run is its own process, rounds interleave the thread
// counts, and the table shows the fastest run and the median, since a shared machine is noisy.
// Linux shares the CPUs between sessions (autogroups), so while other sessions are busy, two
// threads get no more CPU than one and wall times say nothing about scaling: the last column
// then estimates the two-core time from CPU times, as the larger of the busiest thread's CPU
// and half the process's (GC and compiler threads included).
// Usage: node bench/parse-threads.mjs FILE [--threads 1,2] [--repeat 3] [--mode structured|jsonl]
//        [--workers-only]
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

import { EvtxFile } from '@evtxhunt/evtx';
import { ChunkPool, openFileSource } from '@evtxhunt/evtx/node';

import { consume, threadCpuSeconds } from './jobs/structured-count.mjs';

const JOB = new URL('./jobs/structured-count.mjs', import.meta.url);

function options(argv) {
  const value = (name, fallback) => {
    const at = argv.indexOf(name);
    return at === -1 ? fallback : argv[at + 1];
  };
  const path = argv.find((arg, i) => !arg.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (path === undefined) {
    throw new Error('usage: node bench/parse-threads.mjs FILE [--threads 1,2] [--repeat 3] ...');
  }
  return {
    path,
    threads: value('--threads', '1,2').split(',').map(Number),
    repeat: Number(value('--repeat', '3')),
    mode: value('--mode', 'structured'),
    workersOnly: argv.includes('--workers-only'),
    child: argv.includes('--child'),
  };
}

/** One read of the file on `threads` threads, in this process; its figures. */
async function readOnce({ path, threads, mode, workersOnly }) {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const source = await openFileSource(path);
  const evtx = await EvtxFile.open(source);
  let records = 0;
  let checksum = 0;
  const threadCpu = new Map();
  if (threads === 1) {
    for await (const record of evtx.records()) {
      checksum += consume(record.toStructured(), mode === 'jsonl');
      records++;
    }
  } else {
    const workers = workersOnly ? threads : threads - 1;
    const job = { module: JOB, options: { mode } };
    const pool = new ChunkPool({ threads: workers, job, parseHere: !workersOnly });
    for await (const { output } of pool.read(evtx, path)) {
      if (output === undefined) continue;
      records += output[0];
      checksum += output[1];
      threadCpu.set(output[2], output[3]);
    }
    await pool.close();
  }
  threadCpu.set('main', threadCpuSeconds());
  await source.close();
  const cpu = process.cpuUsage(cpuStart);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const busiest = Math.max(...[...threadCpu.values()].map((value) => value ?? Number.NaN));
  const twoCores = Math.max(busiest, cpuSeconds / 2);
  return { records, checksum, seconds, cpuSeconds, busiest, twoCores, peakRssMb };
}

function runChild(settings, threads) {
  // The parent's V8 flags go to each child, so flags can be measured (`node --FLAG bench/...`).
  const args = [...process.execArgv, fileURLToPath(import.meta.url), settings.path, '--child'];
  args.push('--threads');
  args.push(String(threads), '--mode', settings.mode);
  if (settings.workersOnly) args.push('--workers-only');
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`parse-threads ${threads}: ${run.stderr.slice(-500)}`);
  return JSON.parse(run.stdout);
}

/** One thread's time is its CPU time; more threads', the two-core estimate of readOnce. */
function estimate(threads, list) {
  return Math.min(...list.map((run) => (threads === 1 ? run.cpuSeconds : run.twoCores)));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const settings = options(process.argv.slice(2));
  if (settings.child) {
    const figures = await readOnce({ ...settings, threads: settings.threads[0] });
    console.log(JSON.stringify(figures));
    return;
  }

  const bytes = statSync(settings.path).size;
  const runs = new Map(settings.threads.map((threads) => [threads, []]));
  const loadBefore = loadavg()[0];
  for (let round = 0; round < settings.repeat; round++) {
    for (const threads of settings.threads) runs.get(threads).push(runChild(settings, threads));
  }

  const { path, mode, workersOnly } = settings;
  console.log(`${path}: ${(bytes / 1e6).toFixed(0)} MB, mode ${mode}, ${settings.repeat} runs`);
  console.log(
    `cores ${availableParallelism()}, load average ${loadBefore.toFixed(1)} before, ` +
      `${loadavg()[0].toFixed(1)} after${workersOnly ? '; workers only' : ''}`,
  );
  console.log(
    'threads  best s  median s   MB/s  records/s  speed-up  CPU s  peak RSS MB  2-core est. s',
  );
  const best1 = Math.min(...(runs.get(1) ?? []).map((run) => run.seconds));
  for (const [threads, list] of runs) {
    const seconds = list.map((run) => run.seconds);
    const best = Math.min(...seconds);
    const records = list[0].records;
    if (list.some((run) => run.records !== records || run.checksum !== list[0].checksum)) {
      throw new Error(`runs on ${threads} threads disagree on records or checksum`);
    }
    console.log(
      String(threads).padStart(7),
      best.toFixed(2).padStart(7),
      median(seconds).toFixed(2).padStart(9),
      (bytes / 1e6 / best).toFixed(1).padStart(6),
      Math.round(records / best)
        .toString()
        .padStart(10),
      (Number.isFinite(best1) ? `${(best1 / best).toFixed(2)}x` : '-').padStart(9),
      Math.min(...list.map((run) => run.cpuSeconds))
        .toFixed(1)
        .padStart(6),
      Math.max(...list.map((run) => run.peakRssMb))
        .toFixed(0)
        .padStart(12),
      estimate(threads, list).toFixed(2).padStart(14),
    );
  }
}

await main();
