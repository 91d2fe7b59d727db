// The workbench's figures in Debian's Chromium, for `npm run bench` and `npm run bench:web`.
// Each case starts a fresh browser with a fresh profile, loads its files through the file input
// and measures: the time to the first rows on screen and to the last record read (by the
// test's clock from the moment the files are handed over, and by the page's own per-file
// clock), and the tab's memory: resident size of the browser's renderer process (the page with
// its parse and hunt workers) before, at its peak while loading, after, and settled (the least
// of ten samples a second apart while the page sits idle: what it keeps), and the page's JS
// heap after a GC (CDP Performance.getMetrics; performance.measureUserAgentSpecificMemory needs
// cross-origin isolation, which `evtxhunt web` does not turn on). Cases:
//   - the bundled sample and the four largest logs of the shared corpus, one at a time;
//   - one generated log of BIG_MB megabytes (packages/generate, seed 1; one file, its slots
//     parsed by every parse worker while the hunt worker hunts): also the time until the hunt
//     reports, the e2e-style checks of big-log-checks.mjs (exact record count, a filter, the
//     outbound view and the findings against the CLI), sorting by time and the frame times while
//     scrolling;
//   - two generated logs of PAIR_MB (seeds 2 and 3) at once: CPU seconds of each worker thread
//     and how often two were busy together, to show two parse workers really run in parallel.
// Generated logs are cached in the temp folder (generated-log.mjs); --fresh writes them again
// and runs the CLI again for the checks. --big-only runs only the big log. --no-hunt refuses the
// hunt worker's script, so the load runs without the hunt (no checks, no sorting): the page's
// and the parse workers' share alone. --workers=N tells the page it has N cores, so it starts N
// parse workers (default: as many as Chromium reports, at most four); a file's chunk slots are
// shared among them. The sampler also notes the page's own JS heap at the resident peak and the
// peak so far at each step (read, hunted, checked, sorted), with the resident series in the JSON,
// so the peak can be placed. Prints a table and
// writes JSON to bench/results/; exits 1 when a check failed. Run after `npm run build`:
//   node apps/web/bench/browser-figures.mjs [BIG_MB] [PAIR_MB] [--fresh] [--big-only]
//     [--no-hunt] [--workers=N]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { checkBigLog, cliFacts } from './big-log-checks.mjs';
import { generatedLog } from './generated-log.mjs';
import { MB, renderers, residentMb, sampleRenderer, tabRenderer } from './renderer-probe.mjs';

const numbers = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const BIG_MB = Number(numbers[0] ?? 1000);
const PAIR_MB = Number(numbers[1] ?? 100);
const FRESH = process.argv.includes('--fresh');
const BIG_ONLY = process.argv.includes('--big-only');
const NO_HUNT = process.argv.includes('--no-hunt');
const WORKERS_ARG = process.argv.find((arg) => arg.startsWith('--workers='));
const WORKERS = WORKERS_ARG === undefined ? 0 : Number(WORKERS_ARG.slice('--workers='.length));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = `${REPO}packages/cli/dist/src/main.js`;
const SAMPLE = `${REPO}samples/sysmon-issue43.evtx`;
const SHARED = process.env.EVTXHUNT_SHARED ?? join(REPO, '..', 'shared');
const CHROMIUM = process.env.EVTXHUNT_CHROMIUM ?? '/usr/bin/chromium';
const SETTLE_SAMPLES = 10;

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

/** The page's JS heap in megabytes after a garbage collection. */
async function jsHeapMb(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / MB;
}

/** The page's JS heap now, used and allocated, in megabytes (no GC first). */
async function pageHeapMb(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const mb = (name) =>
    Math.round((metrics.find((metric) => metric.name === name)?.value ?? 0) / MB);
  return { used: mb('JSHeapUsedSize'), total: mb('JSHeapTotalSize') };
}

/**
 * The tab's resident MB once it has settled: the least of SETTLE_SAMPLES samples a second apart
 * while the page sits idle, so its workers' heaps shrink as V8 collects idle isolates. What the
 * tab keeps; the size right after the work also holds garbage not yet collected, which on a busy
 * machine varies by a third from run to run.
 */
async function settledMb(pid) {
  let least = Infinity;
  for (let sample = 0; sample < SETTLE_SAMPLES; sample++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    least = Math.min(least, await residentMb(pid));
  }
  return least;
}

/**
 * Runs `work(page, figures)` in a fresh browser, sampling the tab's renderer meanwhile;
 * resolves to the figures it filled in.
 */
async function inFreshBrowser(dir, url, work) {
  const profile = await mkdtemp(join(dir, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      // For a look inside by hand: `--js-flags=--trace-gc` with DEBUG=pw:browser prints every
      // collection of the page and each worker (its isolate) with the heap before and after.
      ...(process.env.EVTXHUNT_CHROMIUM_FLAGS ?? '').split(' ').filter(Boolean),
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (NO_HUNT) await page.route('**/hunt-worker.js', (route) => route.abort());
    // The page starts one parse worker per core it is told of (at most four).
    if (WORKERS > 0) {
      await page.addInitScript((count) => {
        Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => count });
      }, WORKERS);
    }
    await page.goto(url);
    await page.getByRole('heading', { name: 'evtxhunt' }).waitFor();
    const before = await renderers(profile);
    const { pid } = tabRenderer(before, before);
    const sampler = sampleRenderer(pid, 500, () => pageHeapMb(cdp));
    const figures = { mark: sampler.mark };
    await work(page, figures);
    delete figures.mark;
    Object.assign(figures, await sampler.stop());
    figures.jsHeapMb = await jsHeapMb(cdp);
    const { emptyMb, loadedMb } = tabRenderer(before, await renderers(profile));
    figures.rssEmptyMb = emptyMb;
    figures.rssLoadedMb = loadedMb;
    figures.rssSettledMb = await settledMb(pid);
    // The sampler looks every half second and may miss the last moments.
    figures.peakRssMb = Math.max(figures.peakRssMb, loadedMb);
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
  figures.mark?.('last record read');
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

/** Waits for the hunt's report; the ms from handing the files over is `start`'s offset. */
async function hunted(page, start, figures) {
  await page.waitForFunction(
    () => document.querySelector('.hunt-status')?.textContent?.startsWith('Hunted'),
    null,
    { timeout: 3_600_000, polling: 250 },
  );
  figures.huntedMs = Date.now() - start;
  figures.mark?.('hunted');
  figures.huntStatus = await page.locator('.hunt-status').innerText();
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

function row(figures) {
  return [
    figures.name.slice(0, 40).padEnd(40),
    figures.megabytes.toFixed(1).padStart(7),
    String(figures.events).padStart(9),
    `${figures.firstRowsMs} (${figures.pageFirstRowsMs})`.padStart(12),
    `${figures.lastRecordMs} (${figures.pageLastRecordMs})`.padStart(14),
    figures.rssLoadedMb.toFixed(0).padStart(7),
    figures.peakRssMb.toFixed(0).padStart(6),
    (figures.rssLoadedMb - figures.rssEmptyMb).toFixed(0).padStart(6),
    figures.jsHeapMb.toFixed(0).padStart(7),
    String(figures.bytesPerEvent).padStart(6),
  ].join(' ');
}

async function runCase(dir, url, name, paths, extra) {
  const megabytes = paths.reduce((sum, path) => sum + statSync(path).size, 0) / MB;
  const figures = await inFreshBrowser(dir, url, async (page, figures) => {
    const start = Date.now();
    await load(page, paths, figures);
    if (extra) await extra(page, figures, start);
  });
  const grownBytes = (figures.rssLoadedMb - figures.rssEmptyMb) * MB;
  const bytesPerEvent = figures.events > 0 ? Math.round(grownBytes / figures.events) : 0;
  const settledBytes = (figures.rssSettledMb - figures.rssEmptyMb) * MB;
  const settledBytesPerEvent = figures.events > 0 ? Math.round(settledBytes / figures.events) : 0;
  const heapBytesPerEvent =
    figures.events > 0 ? Math.round((figures.jsHeapMb * MB) / figures.events) : 0;
  const files = paths.map((path) => basename(path));
  const result = {
    name,
    files,
    megabytes,
    ...figures,
    bytesPerEvent,
    settledBytesPerEvent,
    heapBytesPerEvent,
  };
  console.log(row(result));
  return result;
}

/** The big log: load, hunt, check every view against the CLI, sort and scroll. */
function bigLogCase(log, facts) {
  return async (page, figures, start) => {
    if (NO_HUNT) return;
    await hunted(page, start, figures);
    figures.failures = await checkBigLog(page, log.records, facts, figures);
    figures.mark?.('checked against the CLI');
    await sortAndScroll(page, figures);
    figures.mark?.('sorted and scrolled');
  };
}

if (!existsSync(CHROMIUM)) {
  console.log(`bench: Chromium not found at ${CHROMIUM}; browser figures skipped`);
  process.exit(0);
}

const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-browser-figures-'));
const web = await startWeb();
// Whatever ends this process (an error, Ctrl-C, a closed pipe) also ends the server.
process.on('exit', () => web.stop());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGPIPE']) process.on(signal, () => process.exit(130));
const results = [];
try {
  const big = generatedLog(1, BIG_MB, { fresh: FRESH });
  console.log(`bench: ${big.path}: ${big.records} records${big.reused ? ' (reused)' : ''}`);
  const facts = await cliFacts(MAIN, big.path, FRESH || !big.reused);
  console.log(`bench: the CLI's figures for the checks: ${JSON.stringify(facts)}`);
  const pair = BIG_ONLY ? [] : [2, 3].map((seed) => generatedLog(seed, PAIR_MB, { fresh: FRESH }));

  console.log('ms from handing the files over (in brackets: by the page, from its open() call);');
  console.log('tab: resident MB of the page renderer with its workers after the load, its peak,');
  console.log('+MB grown while loading; B/ev: grown bytes per event');
  const head = '      MB    events first rows ms last record ms  tab MB  peak   +MB heap MB  B/ev';
  console.log(`${'case'.padEnd(40)}${head}`);
  const corpus = BIG_ONLY ? [] : [SAMPLE, ...largestCorpusFiles(4)];
  for (const path of corpus) {
    const name = path.replace(join(SHARED, 'samples', 'evtx'), 'corpus').replace(REPO, '');
    results.push(await runCase(dir, web.url, name, [path]));
  }
  const bigName = `generated ${BIG_MB} MB, seed 1, one file`;
  results.push(await runCase(dir, web.url, bigName, [big.path], bigLogCase(big, facts)));
  if (pair.length > 0) {
    const pairName = `generated ${PAIR_MB} MB x2, seeds 2, 3`;
    results.push(
      await runCase(
        dir,
        web.url,
        pairName,
        pair.map((log) => log.path),
      ),
    );
  }
} finally {
  web.stop();
  await rm(dir, { recursive: true, force: true });
}

const big = results.find((result) => result.name.startsWith(`generated ${BIG_MB} MB`));
console.log(`${big.name}: ${big.bytesPerEvent} bytes of tab memory per event after the load`);
console.log(
  `  settled (least of ${SETTLE_SAMPLES} s idle): ${big.rssSettledMb.toFixed(0)} MB resident, ${big.settledBytesPerEvent} bytes per event`,
);
console.log(
  `  peak ${big.peakRssMb.toFixed(0)} MB resident; page JS heap ${big.heapBytesPerEvent} bytes per event`,
);
console.log(`  hunt reported ${big.huntedMs} ms after handing the file over: ${big.huntStatus}`);
console.log(
  `  page JS heap at the peak (used/allocated MB): ${JSON.stringify(big.pageHeapAtPeak)}`,
);
console.log(
  `  peak so far (MB) by step: ${big.marks.map((m) => `${m.name} ${m.peakSoFarMb} at ${m.at} s`).join('; ')}`,
);
console.log(
  `  CPU seconds: workers ${JSON.stringify(big.workerCpuSeconds)}, page thread ${big.pageThreadCpuSeconds}`,
);
console.log(
  `  filter ${big.filterMs} ms, outbound view ${big.outboundMs} ms, findings ${big.findingsMs} ms (${big.findingItemsDrawn} drawn)`,
);
console.log(
  `  sort ${big.events} rows by time: ${big.sortByTimeMs} ms; scroll frames (ms): ${JSON.stringify(big.scrollFrameMs)}`,
);
const pairResult = results.find((result) => result.name.includes(' x2,'));
if (pairResult) {
  const { workerCpuSeconds, twoBusy, parallel, samples } = pairResult;
  console.log(
    `${pairResult.name}: worker CPU seconds ${JSON.stringify(workerCpuSeconds)}, of ${samples} half-second samples, ${twoBusy} with two workers running and ${parallel} with more worker CPU time than time passed`,
  );
}
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
if (big.failures?.length > 0) {
  console.error(`bench: the big log's checks failed:\n  ${big.failures.join('\n  ')}`);
  process.exitCode = 1;
}
