/**
 * The sentence an analyst reads beside a beacon finding, and the durations inside it. Kept apart
 * from the arithmetic so the report's wording can change without touching the scorer.
 */
import type { BeaconScoreParts } from './parts.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in milliseconds as a short human figure: `850 ms`, `60.2 s`, `27.0 min`, `3.5 h`,
 * `36.0 h`, `2.5 d`; seconds up to 100 s, minutes up to 100 min, hours up to two days.
 */
export function formatDuration(ms: number): string {
  if (ms < SECOND) return `${Math.round(ms)} ms`;
  if (ms < 100 * SECOND) return `${roundTo(ms / SECOND)} s`;
  if (ms < 100 * MINUTE) return `${roundTo(ms / MINUTE)} min`;
  if (ms < 2 * DAY) return `${roundTo(ms / HOUR)} h`;
  return `${roundTo(ms / DAY)} d`;
}

/** What the reason sentence is built from. */
export interface ReasonFacts {
  readonly connections: number;
  readonly attempts: number;
  readonly medianIntervalMs: number;
  readonly jitter: number;
  readonly pauses: number;
  readonly spanMs: number;
  readonly parts: BeaconScoreParts;
  readonly score: number;
}

/**
 * "27 connections every 60.2 s ±28% over 27.0 min: band 0.93, ...; score 0.87". Collapsed
 * retries and pauses are mentioned: "40 connections (27 attempts) every ... over 9.5 h with
 * 1 pause: ...".
 */
export function describeSeries(facts: ReasonFacts): string {
  const count =
    facts.attempts === facts.connections
      ? `${facts.connections} connections`
      : `${facts.connections} connections (${facts.attempts} attempts)`;
  const jitter = Math.round(facts.jitter * 100);
  const cadence = `every ${formatDuration(facts.medianIntervalMs)} ±${jitter}%`;
  const pauses = facts.pauses === 0 ? '' : ` with ${plural(facts.pauses, 'pause')}`;
  const parts = Object.entries(facts.parts)
    .map(([name, value]) => `${name} ${value.toFixed(2)}`)
    .join(', ');

  const span = `over ${formatDuration(facts.spanMs)}${pauses}`;
  return `${count} ${cadence} ${span}: ${parts}; score ${facts.score.toFixed(2)}`;
}

/** A count and its noun: `1 attempt`, `3 attempts`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One decimal below 100 of a unit, whole numbers from there: 60.2 s, 36.0 h, 150 d. */
function roundTo(value: number): string {
  return value < 100 ? value.toFixed(1) : String(Math.round(value));
}
