// What hashing a loaded file costs: the SHA-256 that Sessions key a file by (src/session/
// sha256.ts, run by the hash worker beside the parse workers). On a generated log of MB
// megabytes (packages/generate, seed 1, cached as generated-log.mjs says):
//   - in Node, the CPU seconds of our hash over the file read in 4 MiB pieces (hashBlob), beside
//     node:crypto's (OpenSSL) over the same pieces, and that both digests are equal;
//   - in Chromium, loads of the file with the hash worker and with its script refused (so no
//     hash), interleaved (with, without, with, without...), each in a fresh browser: the time to
//     the last record by the page's clock, the time until the hash shows in the file list, and
//     the CPU seconds of every process of the browser from handing the file over until the
//     browser is idle again (the read, the hunt and the hash all over; user + sys, from /proc:
//     Linux only).
// Wall times are noisy on a shared machine; the CPU seconds are the cost. Run after `npm run build`:
//   node apps/web/bench/hash-bench.mjs [MB] [ROUNDS]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { hashBlob } from '../dist/src/session/file-hash.js';
import { generatedLog } from './generated-log.mjs';

const MEGABYTES = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 2);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const CHROMIUM = process.env.EVTXHUNT_CHROMIUM ?? '/usr/bin/chromium';
const TICKS = 100;

function cpuSeconds(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Node: our hash and node:crypto's over the same 4 MiB pieces, CPU seconds each. */
async function nodeFigures(path) {
  const blob = await openAsBlob(path);
  const ours = process.cpuUsage();
  const oursHex = await hashBlob(blob);
  const oursCpu = cpuSeconds(ours);

  const theirs = process.cpuUsage();
  const hash = createHash('sha256');
  const piece = 4 * 1024 * 1024;
  for (let at = 0; at < blob.size; at += piece) {
    hash.update(new Uint8Array(await blob.slice(at, at + piece).arrayBuffer()));
  }
  const theirsHex = hash.digest('hex');
  const theirsCpu = cpuSeconds(theirs);
  if (oursHex !== theirsHex) throw new Error(`digests differ: ${oursHex} ${theirsHex}`);
  return { sha256: oursHex, oursCpu, theirsCpu, bytes: blob.size };
}

/** CPU seconds of every process descending from this one (the browser and its children). */
async function treeCpu() {
  const parents = new Map();
  const cpu = new Map();
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(pid), Number(fields[1]));
    cpu.set(Number(pid), (Number(fields[11]) + Number(fields[12])) / TICKS);
  }
  let total = 0;
  for (const [pid, seconds] of cpu) {
    for (let up = parents.get(pid); up !== undefined && up > 1; up = parents.get(up)) {
      if (up === process.pid) {
        total += seconds;
        break;
      }
    }
  }
  return total;
}

/** The tree's CPU seconds once it has stopped growing (under 0.05 s in a second). */
async function idleCpu() {
  let last = await treeCpu();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await treeCpu();
    if (now - last < 0.05) return now;
    last = now;
  }
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

/** One load in a fresh browser, with or without the hash worker. */
async function browserRun(url, path, withHash) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    if (!withHash) await page.route('**/hash-worker.js', (route) => route.abort());
    await page.goto(url);
    const cpuBefore = await treeCpu();
    const start = Date.now();
    await page.setInputFiles('input[aria-label="Open EVTX files"]', [path]);
    const hashShown = withHash
      ? page
          .locator('.file-hash code')
          .waitFor({ timeout: 600_000 })
          .then(() => Date.now() - start)
      : Promise.resolve(undefined);
    await page.locator('.file[data-state="done"]').waitFor({ timeout: 600_000 });
    const readMs = Date.now() - start;
    const hashMs = await hashShown;
    const cpu = (await idleCpu()) - cpuBefore;
    const pageMs = Number(await page.locator('.file').getAttribute('data-last-record-ms'));
    const sha256 = withHash ? await page.locator('.file-hash code').innerText() : undefined;
    return { withHash, readMs, pageMs: Math.round(pageMs), hashMs, cpu, sha256 };
  } finally {
    await browser.close();
  }
}

const log = generatedLog(1, MEGABYTES);
console.log(`log: ${log.path}, ${log.bytes} bytes, ${log.records} records`);
const node = await nodeFigures(log.path);
const mbps = (seconds) => Math.round(node.bytes / 2 ** 20 / seconds);
console.log(
  `Node: ours ${node.oursCpu.toFixed(2)} s CPU (${mbps(node.oursCpu)} MiB/s), ` +
    `node:crypto ${node.theirsCpu.toFixed(2)} s CPU (${mbps(node.theirsCpu)} MiB/s), ` +
    `digest ${node.sha256}`,
);

const web = await startWeb();
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const withHash of [true, false]) {
      const run = await browserRun(web.url, log.path, withHash);
      if (run.sha256 !== undefined && run.sha256 !== node.sha256) {
        throw new Error(`the page's digest ${run.sha256} is not ${node.sha256}`);
      }
      const hash = run.hashMs === undefined ? 'no hash' : `hash shown at ${run.hashMs} ms`;
      console.log(
        `Chromium round ${round + 1} ${withHash ? 'with hash   ' : 'without hash'}: ` +
          `read ${run.readMs} ms (page clock ${run.pageMs} ms), ${hash}, ` +
          `browser CPU ${run.cpu.toFixed(1)} s`,
      );
    }
  }
} finally {
  web.stop();
}
