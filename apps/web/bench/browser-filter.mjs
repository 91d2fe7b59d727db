// Filters about a million events in Debian's Chromium and prints, per query, the time from Enter
// to the new count on screen and the longest task the page ran meanwhile (Long Tasks API: tasks
// over 50 ms; none means the page stayed responsive). The log is issue43's chunks repeated over
// FILES files, as in browser-load.mjs. Run after `npm run build`:
//   node apps/web/bench/browser-filter.mjs [EVENTS] [FILES]
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openBrowser, startWeb } from '../dist/test/support/e2e.js';
import { ISSUE43 } from '../dist/test/support/paths.js';

const EVENTS = Number(process.argv[2] ?? 1_000_000);
const FILES = Number(process.argv[3] ?? 4);
const HEADER = 4096;
const CHUNK = 65536;
const SAMPLE_CHUNKS = 23;
const SAMPLE_RECORDS = 1730;

const QUERIES = [
  'eventId:3',
  'eventId:3 OR eventId:1',
  '-eventId:2',
  'DestinationPort:>1000',
  'Image:*\\svchost.exe',
  'svchost',
  'time:[2017-10-23T07:10 TO 2017-10-23T07:20]',
  '',
];

/** Files of the sample's chunks repeated, together about EVENTS events. */
async function syntheticFiles(folder) {
  const sample = await readFile(ISSUE43);
  const copies = Math.max(1, Math.round(EVENTS / SAMPLE_RECORDS / FILES));
  const paths = [];
  for (let i = 0; i < FILES; i++) {
    const path = join(folder, `synthetic-${i}.evtx`);
    const file = await open(path, 'w');
    await file.write(sample.subarray(0, HEADER));
    const chunks = sample.subarray(HEADER, HEADER + SAMPLE_CHUNKS * CHUNK);
    for (let copy = 0; copy < copies; copy++) await file.write(chunks);
    await file.close();
    paths.push(path);
  }
  return paths;
}

/** Types `query`, presses Enter and waits for the count line to change. */
async function timedQuery(page, query) {
  return page.evaluate(async (text) => {
    const longest = { ms: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const line = document.querySelector('.events-count');
    const before = line?.textContent;
    const input = document.querySelector('#query');
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const start = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    while (line?.textContent === before || document.querySelector('.filter-busy')?.textContent) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const ms = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    return { ms, longTask: longest.ms, count: line?.textContent };
  }, query);
}

const folder = await mkdtemp(join(tmpdir(), 'evtxhunt-filter-'));
const web = await startWeb();
const { browser, context } = await openBrowser();
try {
  const paths = await syntheticFiles(folder);
  const page = await context.newPage();
  await page.goto(web.url);
  await page.setInputFiles('input[type="file"]', paths);
  await page.waitForFunction(
    (count) => document.querySelectorAll('.file[data-state="done"]').length === count,
    paths.length,
    { timeout: 600_000 },
  );
  console.log(`loaded: ${await page.locator('.events-count').innerText()}`);
  for (const query of QUERIES) {
    const { ms, longTask, count } = await timedQuery(page, query);
    const longest =
      longTask === 0 ? 'no task over 50 ms' : `longest task ${longTask.toFixed(0)} ms`;
    console.log(`${JSON.stringify(query).padEnd(48)} ${count}: ${ms.toFixed(0)} ms, ${longest}`);
  }
} finally {
  await browser.close();
  web.stop();
  await rm(folder, { recursive: true, force: true });
}
