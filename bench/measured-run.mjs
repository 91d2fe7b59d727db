// Runs one evtxhunt command in this process and, as it exits, writes what it cost as JSON to
// file descriptor 3, which the bench scripts open as a pipe: wall and CPU seconds and peak
// resident set size (process.resourceUsage().maxRSS, KiB, and in MB). Node has no
// getrusage(RUSAGE_CHILDREN), so the child reports its own figures; worker threads share the
// process, so their memory and CPU are in them.
// Usage: node bench/measured-run.mjs path/to/main.js COMMAND ARG...
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [main, ...args] = process.argv.slice(2);
if (main === undefined) {
  console.error('measured-run: usage: node bench/measured-run.mjs MAIN.js COMMAND ARG...');
  process.exit(2);
}

const start = process.hrtime.bigint();
process.on('exit', () => {
  const usage = process.resourceUsage();
  const figures = {
    maxRssKiB: usage.maxRSS,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    userSeconds: usage.userCPUTime / 1e6,
    systemSeconds: usage.systemCPUTime / 1e6,
    peakRssMb: usage.maxRSS / 1024,
  };
  writeSync(3, JSON.stringify(figures) + '\n');
});
process.argv = [process.argv[0] ?? 'node', main, ...args];
await import(pathToFileURL(main).href);
