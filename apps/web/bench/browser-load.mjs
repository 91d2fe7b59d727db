// Loads a synthetic Sysmon log of about a million events into the workbench in Debian's
// Chromium and prints: time to the first rows and to the last record, the tab's memory
// (resident size of the renderer processes), the time to sort every row, and frame times while
// scrolling the whole table. The log is issue43's 23 chunks repeated, split over FILES files so
// each worker of the pool reads one. Run after `npm run build`:
//   node apps/web/bench/browser-load.mjs [EVENTS] [FILES]
import { spawn } from 'node:child_process';
import { mkdtemp, open, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const EVENTS = Number(process.argv[2] ?? 1_000_000);
const FILES = Number(process.argv[3] ?? 4);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const HEADER = 4096;
const CHUNK = 65536;
const SAMPLE_CHUNKS = 23;
const SAMPLE_RECORDS = 1730;

/** Writes a file of the sample's header and its chunks repeated `copies` times. */
async function writeSynthetic(path, sample, copies) {
  const file = await open(path, 'w');
  await file.write(sample.subarray(0, HEADER));
  const chunks = sample.subarray(HEADER, HEADER + SAMPLE_CHUNKS * CHUNK);
  for (let i = 0; i < copies; i++) await file.write(chunks);
  await file.close();
}

function startWeb() {
  const child = spawn(process.execPath, [
    `${REPO}packages/cli/dist/src/main.js`,
    'web',
    '--port',
    '0',
  ]);
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (part) => {
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(part));
      if (found) resolve({ url: found[0], stop: () => child.kill() });
    });
    child.on('exit', (status) => reject(new Error(`evtxhunt web exited ${status}`)));
  });
}

/** Resident kilobytes of the renderer processes under the browser's process. */
async function rendererRssKb(browserPid) {
  let total = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!cmdline.includes('--type=renderer') || !cmdline.includes('chromium')) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const parent = /PPid:\s+(\d+)/.exec(status)?.[1];
    if (parent === undefined || !(await descends(Number(parent), browserPid))) continue;
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return total;
}

/** The browser process started with `profile` as its user data folder. */
async function browserProcess(profile) {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
    const isBrowser = !args.some((arg) => arg.startsWith('--type='));
    if (isBrowser && args.includes(`--user-data-dir=${profile}`)) return Number(pid);
  }
  throw new Error(`no browser process found for ${profile}`);
}

async function descends(pid, ancestor) {
  for (let depth = 0; depth < 8 && pid > 1; depth++) {
    if (pid === ancestor) return true;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    pid = Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return pid === ancestor;
}

async function scrollFrames(page) {
  return page.evaluate(async () => {
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

const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-browser-bench-'));
const web = await startWeb();
const profile = join(dir, 'profile');
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  viewport: { width: 1440, height: 900 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const sample = new Uint8Array(await readFile(`${REPO}samples/sysmon-issue43.evtx`));
  const copies = Math.ceil(EVENTS / SAMPLE_RECORDS / FILES);
  const paths = Array.from({ length: FILES }, (_, i) => join(dir, `synthetic-${i + 1}.evtx`));
  for (const path of paths) await writeSynthetic(path, sample, copies);
  const events = copies * SAMPLE_RECORDS * FILES;
  const megabytes = ((HEADER + copies * SAMPLE_CHUNKS * CHUNK) * FILES) / 2 ** 20;
  console.log(`${FILES} files, ${megabytes.toFixed(0)} MB, ${events} events`);

  const page = await context.newPage();
  await page.goto(web.url);
  const browserPid = await browserProcess(profile);
  const before = await rendererRssKb(browserPid);
  const start = Date.now();
  await page.setInputFiles('input[type="file"]', paths);
  await page.waitForSelector('.table-rows [role="row"]', { timeout: 600_000 });
  const firstRowsSeen = Date.now() - start;
  await page.waitForFunction(
    (count) => document.querySelectorAll('.file[data-state="done"]').length === count,
    FILES,
    { timeout: 3_600_000, polling: 500 },
  );
  const lastRecordSeen = Date.now() - start;
  const after = await rendererRssKb(browserPid);
  console.log(`first rows on screen: ${firstRowsSeen} ms; last record: ${lastRecordSeen} ms`);
  console.log(`events shown: ${await page.locator('.events-count').innerText()}`);
  console.log(
    `tab memory (renderer RSS): ${(before / 1024).toFixed(0)} MB empty, ${(after / 1024).toFixed(0)} MB loaded, ${(((after - before) * 1024) / events).toFixed(0)} bytes per event`,
  );

  const sortStart = Date.now();
  await page.getByRole('button', { name: 'Time (UTC)' }).click();
  await page.waitForFunction(() =>
    document.querySelector('.events-count')?.textContent?.includes('sorted'),
  );
  console.log(`sort ${events} rows by time: ${Date.now() - sortStart} ms`);
  console.log(`scroll frames (ms): ${JSON.stringify(await scrollFrames(page))}`);
} finally {
  await context.close();
  web.stop();
  await rm(dir, { recursive: true, force: true });
}
