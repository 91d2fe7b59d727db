/** Small helpers for choosing a finding's severity. */
import { SEVERITIES, type Severity } from '../findings/finding.js';

/** One step more severe, stopping at `critical`. */
export function raised(severity: Severity): Severity {
  const index = Math.min(SEVERITIES.indexOf(severity) + 1, SEVERITIES.length - 1);
  return SEVERITIES[index] ?? severity;
}

/** One step less severe, stopping at `info`. */
export function lowered(severity: Severity): Severity {
  return SEVERITIES[Math.max(SEVERITIES.indexOf(severity) - 1, 0)] ?? severity;
}
