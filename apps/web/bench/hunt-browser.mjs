// The hunting views on about a million events in Debian's Chromium: how long the hunt takes
// once the files are read, how the page's thread fares meanwhile (long tasks, the longest gap
// between two frames), and the outbound pivot and a CSV export on every row. The log is
// issue43's 23 chunks repeated, as bench/browser-load.mjs makes it, so its records repeat: the
// engine drops the copies as duplicates after the page has paid to send them, which makes this
// a measure of the page's side; hunt-bench.mjs measures the engine on unique rows.
// With --no-hunt the hunt worker's script is refused, so the same load runs without the hunt:
// the baseline for the page thread's figures.
// Run after `npm run build`: node apps/web/bench/hunt-browser.mjs [EVENTS] [FILES] [--no-hunt]
import { spawn } from 'node:child_process';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const numbers = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const EVENTS = Number(numbers[0] ?? 1_000_000);
const FILES = Number(numbers[1] ?? 4);
const NO_HUNT = process.argv.includes('--no-hunt');
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const HEADER = 4096;
const CHUNK = 65536;
const SAMPLE_CHUNKS = 23;
const SAMPLE_RECORDS = 1730;

async function writeSynthetic(path, sample, copies) {
  const file = await open(path, 'w');
  await file.write(sample.subarray(0, HEADER));
  const chunks = sample.subarray(HEADER, HEADER + SAMPLE_CHUNKS * CHUNK);
  for (let i = 0; i < copies; i++) await file.write(chunks);
  await file.close();
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

/** Starts watching the page's thread: long tasks and the gaps between animation frames. */
function watchThread(page) {
  return page.evaluate(() => {
    const watch = { longTasks: 0, longestTaskMs: 0, longestFrameGapMs: 0, gapsOver100: 0 };
    globalThis.threadWatch = watch;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        watch.longTasks++;
        watch.longestTaskMs = Math.max(watch.longestTaskMs, entry.duration);
      }
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const frame = (now) => {
      watch.longestFrameGapMs = Math.max(watch.longestFrameGapMs, now - last);
      if (now - last > 100) watch.gapsOver100++;
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

async function readThread(page, label) {
  const watch = await page.evaluate(() => ({ ...globalThis.threadWatch }));
  console.log(
    `  page thread during ${label}: ${watch.longTasks} long tasks (longest ${watch.longestTaskMs.toFixed(0)} ms), ` +
      `longest gap between frames ${watch.longestFrameGapMs.toFixed(0)} ms, ${watch.gapsOver100} gaps over 100 ms`,
  );
  await page.evaluate(() =>
    Object.assign(globalThis.threadWatch, {
      longTasks: 0,
      longestTaskMs: 0,
      longestFrameGapMs: 0,
      gapsOver100: 0,
    }),
  );
}

const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-hunt-bench-'));
const web = await startWeb();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const sample = new Uint8Array(await readFile(`${REPO}samples/sysmon-issue43.evtx`));
  const copies = Math.ceil(EVENTS / SAMPLE_RECORDS / FILES);
  const paths = Array.from({ length: FILES }, (_, i) => join(dir, `synthetic-${i + 1}.evtx`));
  for (const path of paths) await writeSynthetic(path, sample, copies);
  console.log(`${FILES} files, ${copies * SAMPLE_RECORDS * FILES} events`);

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  if (NO_HUNT) await page.route('**/hunt-worker.js', (route) => route.abort());
  await page.goto(web.url);
  await watchThread(page);
  const start = Date.now();
  await page.setInputFiles('input[aria-label="Open EVTX files"]', paths);
  await page.waitForFunction(
    (count) => document.querySelectorAll('.file[data-state="done"]').length === count,
    FILES,
    { timeout: 3_600_000, polling: 500 },
  );
  const loaded = Date.now() - start;
  console.log(`last record read: ${loaded} ms`);
  if (NO_HUNT) {
    await readThread(page, 'the load without the hunt');
  }
  if (!NO_HUNT) await huntAndViews(page, start, loaded);
} finally {
  await browser.close();
  web.stop();
  await rm(dir, { recursive: true, force: true });
}

async function huntAndViews(page, start, loaded) {
  await page.waitForFunction(
    () => document.querySelector('.hunt-status')?.textContent?.startsWith('Hunted'),
    null,
    { timeout: 3_600_000, polling: 500 },
  );
  console.log(
    `hunt reported: ${Date.now() - start} ms (${Date.now() - start - loaded} ms after the load)`,
  );
  console.log(`  ${await page.locator('.hunt-status').innerText()}`);
  await readThread(page, 'load and hunt');

  const pivotStart = Date.now();
  await page.getByRole('tab', { name: 'Outbound connections' }).click();
  await page.waitForFunction(() => {
    const note = document.querySelector('.outbound > .hunt-note')?.textContent ?? '';
    return note.includes('outbound connections in') && !note.includes('counting again');
  });
  console.log(`outbound pivot of every row: ${Date.now() - pivotStart} ms`);
  console.log(`  ${await page.locator('.outbound > .hunt-note').innerText()}`);
  await readThread(page, 'the pivot');

  await page.getByRole('tab', { name: 'Export' }).click();
  const exportStart = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 600_000 }),
    page.getByRole('button', { name: 'Export events as CSV' }).click(),
  ]);
  const size = (await readFile(await download.path())).length;
  console.log(
    `CSV export of every row: ${Date.now() - exportStart} ms, ${(size / 2 ** 20).toFixed(0)} MiB`,
  );
  await readThread(page, 'the export');
}
