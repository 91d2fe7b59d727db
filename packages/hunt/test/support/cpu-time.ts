/**
 * CPU milliseconds (user and system) this process spends running `run`. Tests that guard
 * against a matcher going quadratic or exponential bound this rather than wall time: other test
 * files run beside them and a loaded machine stretches the wall clock, not the CPU a loop burns.
 */
export function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}
