/**
 * How much evidence one finding lists. A beacon over a year of logs stands on a million
 * connections; its finding lists the first and the last EVIDENCE_LIMIT / 2 by time and says how
 * many it left out (`evidenceOmitted`), in every output format, so a report's size and the
 * engine's memory at report time do not grow with the logs. `count` still says how many events
 * there were.
 */
import type { Evidence } from './finding.js';

/** Evidence records listed per finding at most: the first half and the last half by time. */
export const EVIDENCE_LIMIT = 1000;

/** Evidence as listed in a finding, and how many records were left out. */
export interface ListedEvidence {
  readonly evidence: Evidence[];
  readonly omitted: number;
}

/** The positions listed out of `length`, in order: all, or the first and last halves. */
export function listedPositions(length: number, limit = EVIDENCE_LIMIT): number[] {
  if (length <= limit) return Array.from({ length }, (_, i) => i);

  const head = Math.ceil(limit / 2);
  const tail = limit - head;
  const last = Array.from({ length: tail }, (_, i) => length - tail + i);
  return [...Array.from({ length: head }, (_, i) => i), ...last];
}

/**
 * Evidence already in time order cut to the limit; `omitted` adds to what earlier cuts left
 * out (a sweep merges findings that were each cut).
 */
export function limitEvidence(sorted: readonly Evidence[], omitted = 0): ListedEvidence {
  const positions = listedPositions(sorted.length);
  const evidence = positions.flatMap((at) => sorted[at] ?? []);
  return { evidence, omitted: omitted + sorted.length - evidence.length };
}

/** The `evidenceOmitted` property a finding carries: present only when something was left out. */
export function omittedProperty(omitted: number): { evidenceOmitted?: number } {
  return omitted > 0 ? { evidenceOmitted: omitted } : {};
}
