// Runs the evtxhunt CLI in this process (argv after the script) and, at exit, prints one JSON
// line of what it cost to stderr: wall seconds, user and system CPU seconds, peak RSS in MB.
// Worker threads share the process, so their memory and CPU are in the figures.
const start = process.hrtime.bigint();
process.on('exit', () => {
  const usage = process.resourceUsage();
  const figures = {
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    userSeconds: usage.userCPUTime / 1e6,
    systemSeconds: usage.systemCPUTime / 1e6,
    peakRssMb: usage.maxRSS / 1024,
  };
  process.stderr.write(`\nMEASURED ${JSON.stringify(figures)}\n`);
});
await import('../packages/cli/dist/src/main.js');
