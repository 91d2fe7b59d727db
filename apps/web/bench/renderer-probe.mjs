// What the browser benches read about Chromium's processes from /proc (Linux only): the page
// renderers of one browser profile, their resident size, and the CPU time of each of their
// dedicated-worker threads (our parse and hunt workers), sampled while a load runs so the
// peak resident size and how many workers ran at once are known, not guessed.
import { readFile, readdir } from 'node:fs/promises';

const MB = 2 ** 20;
/** Clock ticks a second in /proc/PID/task/TID/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** Process ids whose /proc cmdline matches `test`, with their parent ids and resident KB. */
async function processes(test) {
  const found = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    // Chromium rewrites its children's command lines into one line split by spaces.
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split(/[\0 ]/);
    if (!test(args)) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const parent = Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    found.push({ pid: Number(pid), parent, rssKb, args });
  }
  return found;
}

/** CPU seconds of thread `task` of `pid`, and its name. */
async function threadCpu(pid, task) {
  const stat = await readFile(`/proc/${pid}/task/${task}/stat`, 'utf8').catch(() => '');
  // The name sits in brackets and may hold spaces; the fields after it are space-separated.
  const name = /\((.*)\)/.exec(stat)?.[1] ?? '';
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { name, seconds: (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / TICKS };
}

/** CPU seconds of each dedicated-worker thread of `pid`, by thread id. */
export async function workerCpu(pid) {
  const cpu = new Map();
  for (const task of await readdir(`/proc/${pid}/task`).catch(() => [])) {
    const { name, seconds } = await threadCpu(pid, task);
    if (name.startsWith('DedicatedWorker')) cpu.set(Number(task), seconds);
  }
  return cpu;
}

/**
 * The page renderers of the browser using `profile` (not Chromium's own UI renderer), by pid:
 * resident megabytes and how many worker threads each runs.
 */
export async function renderers(profile) {
  const [browser] = await processes(
    (args) =>
      !args.some((arg) => arg.startsWith('--type=')) && args.includes(`--user-data-dir=${profile}`),
  );
  if (browser === undefined) throw new Error(`no browser process found for ${profile}`);
  const parentOf = new Map((await processes(() => true)).map((entry) => [entry.pid, entry.parent]));
  const descends = (pid) => {
    for (let depth = 0; depth < 8 && pid > 1; depth++, pid = parentOf.get(pid) ?? 0) {
      if (pid === browser.pid) return true;
    }
    return false;
  };
  const found = await processes(
    (args) => args.includes('--type=renderer') && !args.includes('--top-chrome-webui'),
  );
  const ours = found.filter((entry) => descends(entry.parent));
  const workers = await Promise.all(ours.map((entry) => workerCpu(entry.pid)));
  return new Map(
    ours.map((entry, i) => [entry.pid, { mb: entry.rssKb / 1024, workers: workers[i].size }]),
  );
}

/** The tab's renderer: the one running our workers, else the one that grew most. */
export function tabRenderer(before, after) {
  const grown = (pid) => (after.get(pid)?.mb ?? 0) - (before.get(pid)?.mb ?? 0);
  const [pid] = [...after.keys()].sort(
    (a, b) => (after.get(b)?.workers ?? 0) - (after.get(a)?.workers ?? 0) || grown(b) - grown(a),
  );
  return { pid, emptyMb: before.get(pid)?.mb ?? 0, loadedMb: after.get(pid)?.mb ?? 0 };
}

/** Resident MB of process `pid` now. */
export async function residentMb(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * Samples renderer `pid` every `everyMs` until stop() is called: peak resident MB, CPU seconds
 * per worker thread and of the page's own thread, the samples in which two or more workers
 * both ran (`twoBusy`), and those in which the workers together ran longer than the sample
 * lasted (`parallel`): only two threads on two cores at once can do that, so it is the proof
 * that workers really ran in parallel. On a loaded machine they share the cores with other
 * jobs and `parallel` can stay 0 though `twoBusy` is not. `pageHeap`, when given, is asked at
 * each new peak for the page's own heap (`pageHeapAtPeak`), to tell its share from the workers'.
 */
export function sampleRenderer(pid, everyMs = 500, pageHeap = undefined) {
  const figures = { peakRssMb: 0, samples: 0, twoBusy: 0, parallel: 0, maxBusy: 0 };
  const mainAtStart = threadCpu(pid, pid);
  const start = performance.now();
  /** [seconds since the start, resident MB], one a sample, to see when the peak comes. */
  figures.rssSeries = [];
  let running = true;
  const loop = (async () => {
    let last = await workerCpu(pid);
    while (running) {
      const rss = await residentMb(pid);
      figures.rssSeries.push([Math.round((performance.now() - start) / 100) / 10, Math.round(rss)]);
      if (rss > figures.peakRssMb) {
        figures.peakRssMb = rss;
        if (pageHeap) figures.pageHeapAtPeak = await pageHeap();
      }
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
      const now = await workerCpu(pid);
      const ran = [...now].map(([tid, seconds]) => seconds - (last.get(tid) ?? seconds));
      const busy = ran.filter((seconds) => seconds > 0).length;
      const together = ran.reduce((sum, seconds) => sum + seconds, 0);
      figures.samples++;
      figures.maxBusy = Math.max(figures.maxBusy, busy);
      if (busy >= 2) figures.twoBusy++;
      if (together > (performance.now() - started) / 1000) figures.parallel++;
      last = now;
    }
  })();
  figures.marks = [];
  return {
    /** Notes the peak so far under `name`, with the second it came at. */
    mark(name) {
      const at = Math.round((performance.now() - start) / 100) / 10;
      figures.marks.push({ name, at, peakSoFarMb: Math.round(figures.peakRssMb) });
    },
    async stop() {
      running = false;
      await loop;
      const cpu = [...(await workerCpu(pid)).values()].sort((a, b) => b - a);
      const main = (await threadCpu(pid, pid)).seconds - (await mainAtStart).seconds;
      const workerCpuSeconds = cpu.map((s) => Number(s.toFixed(1)));
      return { ...figures, workerCpuSeconds, pageThreadCpuSeconds: Number(main.toFixed(1)) };
    },
  };
}

export { MB };
