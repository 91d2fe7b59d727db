/**
 * Beacons: a process reaching the same address and port on a regular, possibly jittered,
 * cadence. Each outbound series is scored on its own timing (see beacon/score.ts); the finding
 * carries the median interval, the jitter and every part of the score.
 */
import { scoreBeaconSeries, type BeaconScore } from '../beacon/score.js';
import type { BeaconDetail, Finding, Severity } from '../findings/finding.js';
import { isInternalClass } from '../net/ip-class.js';
import { seriesTimes, type ConnectionSeries } from './connections.js';
import {
  destinationText,
  isExternalClass,
  seriesFinding,
  type DetectionContext,
} from './network-detections.js';

/** The time span all logs cover, for the score's coverage part. */
export interface ObservedSpan {
  readonly startMs: number;
  readonly endMs: number;
}

/** A beacon finding for an outbound series whose timing scores as one, else undefined. */
export function beaconFinding(
  series: ConnectionSeries,
  context: DetectionContext,
  span: ObservedSpan | undefined,
): Finding | undefined {
  if (!series.initiated || !(isExternalClass(series.remoteClass) || isRoutedInternal(series))) {
    return undefined;
  }

  const score = scoreBeaconSeries(
    // The scorer sorts the times itself.
    seriesTimes(series),
    span === undefined ? {} : { observedSpan: span },
  );
  if (!score.isBeacon) return undefined;

  const severity: Severity = isExternalClass(series.remoteClass) ? 'high' : 'medium';
  const finding = seriesFinding(series, context, { kind: 'beacon', severity, why: '' });
  const why = `${series.image} reached ${destinationText(finding)} on a regular cadence: ${score.reason}`;
  return { ...finding, why, beacon: beaconDetail(score) };
}

function isRoutedInternal(series: ConnectionSeries): boolean {
  return (
    isInternalClass(series.remoteClass) &&
    series.remoteClass !== 'loopback' &&
    series.remoteClass !== 'link-local'
  );
}

function beaconDetail(score: BeaconScore): BeaconDetail {
  return {
    connections: score.connections,
    attempts: score.attempts,
    medianIntervalMs: score.medianIntervalMs,
    jitter: score.jitter,
    score: score.score,
    parts: { ...score.parts },
    histogram: score.histogram,
  };
}
