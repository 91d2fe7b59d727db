// The workbench's figures in Debian's Chromium, for `npm run bench` and `npm run bench:web`.
// Each case starts a fresh browser with a fresh profile, loads its files through the file input
// and measures: the time to the first rows on screen and to the last record read (by the
// test's clock from the moment the files are handed over, and by the page's own per-file
// clock), and the tab's memory: resident size of the browser's renderer processes (the page and
// its parse workers) before and after, and the page's JS heap after a GC (CDP
// Performance.getMetrics; performance.measureUserAgentSpecificMemory needs cross-origin
// isolation, which `evtxhunt web` does not turn on). Cases:
//   - the bundled sample and the four largest logs of the shared corpus, one at a time;
//   - one synthetic log of at least SYNTHETIC_MB megabytes (one file, so one worker reads it);
//   - about a million events in four synthetic files (four workers), with the time to sort by
//     time and the frame times while scrolling the whole table.
// Synthetic logs are issue43's chunks repeated with every record id renumbered and the CRCs
// fixed (apps/web/test/support/synthetic-log.ts), written to a temp folder and removed after.
// Prints a table and writes JSON to bench/results/. Run after `npm run build`:
//   node apps/web/bench/browser-figures.mjs [SYNTHETIC_MB] [MILLION_EVENTS]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { writeSyntheticLog } from '../dist/test/support/synthetic-log.js';

const SYNTHETIC_MB = Number(process.argv[2] ?? 512);
const MILLION = Number(process.argv[3] ?? 1_000_000);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLE = `${REPO}samples/sysmon-issue43.evtx`;
const SHARED = process.env.EVTXHUNT_SHARED ?? join(REPO, '..', 'shared');
const CHROMIUM = process.env.EVTXHUNT_CHROMIUM ?? '/usr/bin/chromium';
const SAMPLE_RECORDS = 1730;
const SAMPLE_CHUNKS = 23;
const CHUNK = 65536;
const HEADER = 4096;
const MB = 2 ** 20;

/** The `count` largest .evtx files of the shared corpus, or none without it. */
function largestCorpusFiles(count) {
  const corpus = join(SHARED, 'samples', 'evtx');
  if (!existsSync(corpus)) {
    console.log(`bench: ${corpus} not found; corpus files skipped`);
    return [];
  }
  return readdirSync(corpus, { recursive: true })
    .filter((name) => name.toLowerCase().endsWith('.evtx'))
    .map((name) => join(corpus, name))
    .sort((a, b) => statSync(b).size - statSync(a).size || a.localeCompare(b))
    .slice(0, count);
}

function startWeb() {
  const main = `${REPO}packages/cli/dist/src/main.js`;
  const child = spawn(process.execPath, [main, 'web', '--port', '0']);
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (part) => {
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(part));
      if (found) resolve({ url: found[0], stop: () => child.kill() });
    });
    child.on('exit', (status) => reject(new Error(`evtxhunt web exited ${status}`)));
  });
}

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

/** Threads of process `pid` that run a dedicated worker (our parse workers). */
async function workerThreads(pid) {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => []);
  const names = await Promise.all(
    tasks.map((task) => readFile(`/proc/${pid}/task/${task}/comm`, 'utf8').catch(() => '')),
  );
  return names.filter((name) => name.startsWith('DedicatedWorker')).length;
}

/**
 * The page renderers of the browser using `profile` (not Chromium's own UI renderer), by pid:
 * resident megabytes and how many worker threads each runs.
 */
async function renderers(profile) {
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
  const workers = await Promise.all(ours.map((entry) => workerThreads(entry.pid)));
  return new Map(
    ours.map((entry, i) => [entry.pid, { mb: entry.rssKb / 1024, workers: workers[i] }]),
  );
}

/** The tab's renderer: the one running our workers, else the one that grew most. */
function tabRenderer(before, after) {
  const grown = (pid) => (after.get(pid)?.mb ?? 0) - (before.get(pid)?.mb ?? 0);
  const [pid] = [...after.keys()].sort(
    (a, b) => (after.get(b)?.workers ?? 0) - (after.get(a)?.workers ?? 0) || grown(b) - grown(a),
  );
  return { emptyMb: before.get(pid)?.mb ?? 0, loadedMb: after.get(pid)?.mb ?? 0 };
}

/** The page's JS heap in megabytes after a garbage collection. */
async function jsHeapMb(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / MB;
}

/** Runs `work(page, figures)` in a fresh browser; resolves to the figures it filled in. */
async function inFreshBrowser(dir, url, work) {
  const profile = await mkdtemp(join(dir, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await page.getByRole('heading', { name: 'evtxhunt' }).waitFor();
    const before = await renderers(profile);
    const figures = {};
    await work(page, figures);
    figures.jsHeapMb = await jsHeapMb(cdp);
    const { emptyMb, loadedMb } = tabRenderer(before, await renderers(profile));
    figures.rssEmptyMb = emptyMb;
    figures.rssLoadedMb = loadedMb;
    figures.chromium = (await cdp.send('Browser.getVersion')).product;
    return figures;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Loads `paths` and fills in the load figures. */
async function load(page, paths, figures) {
  const start = Date.now();
  await page.setInputFiles('input[type="file"]', paths);
  await page.waitForSelector('.table-rows [role="row"]', { timeout: 600_000 });
  figures.firstRowsMs = Date.now() - start;
  await page.waitForFunction(
    (count) => document.querySelectorAll('.file[data-state="done"]').length === count,
    paths.length,
    { timeout: 3_600_000, polling: 250 },
  );
  figures.lastRecordMs = Date.now() - start;
  const files = await page.locator('.file').evaluateAll((items) =>
    items.map((item) => ({
      firstRowsMs: Number(item.getAttribute('data-first-rows-ms')),
      lastRecordMs: Number(item.getAttribute('data-last-record-ms')),
    })),
  );
  figures.pageFirstRowsMs = Math.round(Math.min(...files.map((file) => file.firstRowsMs)));
  figures.pageLastRecordMs = Math.round(Math.max(...files.map((file) => file.lastRecordMs)));
  figures.events = Number((await page.locator('.events-count').innerText()).replace(/\D/g, ''));
}

async function sortAndScroll(page, figures) {
  const start = Date.now();
  await page.getByRole('button', { name: 'Time (UTC)' }).click();
  await page.waitForFunction(() =>
    document.querySelector('.events-count')?.textContent?.includes('sorted'),
  );
  figures.sortByTimeMs = Date.now() - start;
  figures.scrollFrameMs = await page.evaluate(async () => {
    const grid = document.querySelector('[role="grid"]');
    const times = [];
    let last = performance.now();
    for (let step = 0; step <= 120; step++) {
      grid.scrollTop = (grid.scrollHeight - grid.clientHeight) * (step / 120);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    times.sort((a, b) => a - b);
    return { median: times[60], p95: times[114], max: times[120] };
  });
}

/** Writes `count` synthetic files of at least `megabytes` each. */
async function synthetic(dir, name, count, megabytes) {
  const sample = new Uint8Array(await readFile(SAMPLE));
  const logs = [];
  for (let i = 1; i <= count; i++) {
    const path = join(dir, count === 1 ? `${name}.evtx` : `${name}-${i}.evtx`);
    logs.push(await writeSyntheticLog(path, sample, megabytes * MB));
  }
  return logs.map((log) => log.path);
}

function row(figures) {
  return [
    figures.name.slice(0, 44).padEnd(44),
    figures.megabytes.toFixed(1).padStart(7),
    String(figures.events).padStart(9),
    `${figures.firstRowsMs} (${figures.pageFirstRowsMs})`.padStart(12),
    `${figures.lastRecordMs} (${figures.pageLastRecordMs})`.padStart(14),
    figures.rssLoadedMb.toFixed(0).padStart(7),
    (figures.rssLoadedMb - figures.rssEmptyMb).toFixed(0).padStart(6),
    figures.jsHeapMb.toFixed(0).padStart(7),
  ].join(' ');
}

async function runCase(dir, url, name, paths, extra) {
  const megabytes = paths.reduce((sum, path) => sum + statSync(path).size, 0) / MB;
  const figures = await inFreshBrowser(dir, url, async (page, figures) => {
    await load(page, paths, figures);
    if (extra) await extra(page, figures);
  });
  const grownBytes = (figures.rssLoadedMb - figures.rssEmptyMb) * MB;
  const bytesPerEvent = figures.events > 0 ? Math.round(grownBytes / figures.events) : 0;
  const files = paths.map((path) => basename(path));
  const result = { name, files, megabytes, ...figures, bytesPerEvent };
  console.log(row(result));
  return result;
}

if (!existsSync(CHROMIUM)) {
  console.log(`bench: Chromium not found at ${CHROMIUM}; browser figures skipped`);
  process.exit(0);
}

const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-browser-figures-'));
const web = await startWeb();
// Whatever ends this process (an error, Ctrl-C, a closed pipe) also ends the server and
// removes the synthetic logs.
process.on('exit', () => {
  web.stop();
  rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGPIPE']) process.on(signal, () => process.exit(130));
const results = [];
try {
  console.log('ms from handing the files over (in brackets: by the page, from its open() call);');
  console.log('tab: resident MB of the page renderer with its workers, +MB grown while loading');
  const head = '      MB    events first rows ms last record ms  tab MB   +MB heap MB';
  console.log(`${'case'.padEnd(44)}${head}`);
  for (const path of [SAMPLE, ...largestCorpusFiles(4)]) {
    const name = path.replace(join(SHARED, 'samples', 'evtx'), 'corpus').replace(REPO, '');
    results.push(await runCase(dir, web.url, name, [path]));
  }
  const big = await synthetic(dir, 'synthetic', 1, SYNTHETIC_MB);
  results.push(await runCase(dir, web.url, `synthetic ${SYNTHETIC_MB} MB, one file`, big));
  await rm(big[0], { force: true });

  const chunksEach = Math.ceil(MILLION / SAMPLE_RECORDS / 4) * SAMPLE_CHUNKS;
  const quarter = (HEADER + chunksEach * CHUNK) / MB;
  const four = await synthetic(dir, 'million', 4, quarter);
  results.push(await runCase(dir, web.url, 'synthetic, four files', four, sortAndScroll));
} finally {
  web.stop();
  await rm(dir, { recursive: true, force: true });
}

const last = results.at(-1);
const big = results.at(-2);
console.log(`${big.name}: ${big.bytesPerEvent} bytes of tab memory per event`);
console.log(`${last.name}: ${last.bytesPerEvent} bytes of tab memory per event`);
console.log(`sort ${last.events} rows by time: ${last.sortByTimeMs} ms`);
console.log(`scroll frames (ms): ${JSON.stringify(last.scrollFrameMs)}`);
await mkdir(join(REPO, 'bench', 'results'), { recursive: true });
const out = join(
  REPO,
  'bench',
  'results',
  `web-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
);
const machine = { node: process.version, cpus: cpus().length, chromium: results[0]?.chromium };
await writeFile(out, JSON.stringify({ ...machine, results }, null, 2) + '\n');
console.log(`bench: figures written to ${out}`);
