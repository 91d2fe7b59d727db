// Runs one evtxhunt command in this process and, as it exits, writes its peak resident set size
// (process.resourceUsage().maxRSS, KiB) as JSON to file descriptor 3, which bench/scale.mjs opens
// as a pipe. Node has no getrusage(RUSAGE_CHILDREN), so the child reports its own figure.
// Usage: node bench/measured-run.mjs path/to/main.js COMMAND ARG...
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [main, ...args] = process.argv.slice(2);
if (main === undefined) {
  console.error('measured-run: usage: node bench/measured-run.mjs MAIN.js COMMAND ARG...');
  process.exit(2);
}

process.on('exit', () => {
  writeSync(3, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
});
process.argv = [process.argv[0] ?? 'node', main, ...args];
await import(pathToFileURL(main).href);
