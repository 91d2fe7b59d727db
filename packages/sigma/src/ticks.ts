/**
 * Event times as 100-ns ticks since 1970 (a bigint: a number cannot hold them exactly) and
 * back to UTC ISO-8601 with seven fraction digits.
 */

const TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/;

/** The ticks of an ISO-8601 UTC time, or undefined when it is not one. */
export function ticksOf(time: string | undefined): bigint | undefined {
  const match = time === undefined ? null : TIME.exec(time);
  if (match === null) return undefined;
  const ms = Date.parse(`${match[1]!}Z`);
  if (Number.isNaN(ms)) return undefined;
  const fraction = (match[2] ?? '').padEnd(7, '0').slice(0, 7);
  return BigInt(ms) * 10_000n + BigInt(fraction);
}

/** The ISO-8601 UTC text of ticks, with seven fraction digits. */
export function timeOf(ticks: bigint): string {
  // Floor division, so times before 1970 (EVTX allows 1601 on) keep a positive fraction.
  const fraction = ((ticks % 10_000_000n) + 10_000_000n) % 10_000_000n;
  const seconds = (ticks - fraction) / 10_000_000n;
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${whole}.${fraction.toString().padStart(7, '0')}Z`;
}
