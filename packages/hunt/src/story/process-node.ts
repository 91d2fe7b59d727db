/**
 * One process as the process table knows it, and the keys that name it. A Sysmon process is
 * keyed by host and ProcessGuid; a process seen only in Security 4688 (which has no guid) by
 * host, process id and start time, because Windows reuses process ids.
 */
import type { ProcessRef } from '../events/activity.js';
import type { EventTime } from '../events/time.js';
import type { Evidence } from '../findings/finding.js';
import { baseName } from './evidence.js';

/** An opaque name for one process in a ProcessTable. */
export type ProcessKey = string;

/** How the table knows a process: its own start is logged, a child named it, or it acted. */
export type ProcessKnownAs = 'started' | 'parent' | 'seen';

/** The start of a process, when its own start event is in the logs. */
export interface ProcessStartFacts {
  readonly time: EventTime;
  readonly origin: 'sysmon' | 'security';
  readonly evidence: Evidence;
}

/** One process on one host. Absent properties were not in any event about it. */
export interface ProcessNode {
  readonly key: ProcessKey;
  readonly computer: string;
  readonly knownAs: ProcessKnownAs;
  /** ProcessGuid as logged (braces and case kept). */
  readonly guid?: string;
  readonly pid?: number;
  readonly image?: string;
  readonly user?: string;
  readonly commandLine?: string;
  readonly start?: ProcessStartFacts;
  /** When Sysmon Event ID 5 says it ended. */
  readonly end?: EventTime;
  /** The parent as the start event names it. */
  readonly parent?: ProcessRef;
}

/** The table's own, writable form of a node. */
export type ProcessEntry = { -readonly [K in keyof ProcessNode]: ProcessNode[K] };

/** NUL cannot appear in a rendered field value, so it separates key parts unambiguously. */
const SEPARATOR = '\u0000';

/** Host names compare without case, as Windows compares them. */
export function hostKey(computer: string): string {
  return computer.toLowerCase();
}

/** A ProcessGuid without braces or case, so `{ABC-...}` and `abc-...` are the same process. */
export function normaliseGuid(guid: string): string {
  // Sysmon's own form, `{...}` without spaces, skips the trims and regexes.
  const braced = guid.length > 2 && guid.startsWith('{') && guid.endsWith('}');
  if (braced && guid.trim() === guid) return guid.slice(1, -1).toLowerCase();
  return guid.trim().replace(/^\{/, '').replace(/\}$/, '').toLowerCase();
}

/**
 * The key of a process named by ProcessGuid, as one flat string: a key lives as long as the
 * table, and a template literal would keep it as a tree of its pieces.
 */
export function guidKey(computer: string, guid: string): ProcessKey {
  return [hostKey(computer), SEPARATOR, normaliseGuid(guid)].join('');
}

/** The key of the process ids reused on one host: where the table lists starts by time. */
export function pidKey(computer: string, pid: number): string {
  return [hostKey(computer), SEPARATOR, 'pid ', pid].join('');
}

/** The key of a process known only by a start without a guid (Security 4688). */
export function startKey(computer: string, pid: number | undefined, evidence: Evidence): string {
  const id = pid === undefined ? `record ${evidence.file ?? ''} ${evidence.recordId}` : pid;
  return `${hostKey(computer)}${SEPARATOR}${id} at ${evidence.time}`;
}

/**
 * Copies what `from` knows and `into` does not. The first event to say something about a
 * process wins, so a later event cannot rewrite its image or command line.
 */
export function fillMissing(into: ProcessEntry, from: Omit<ProcessNode, 'key'>): void {
  const writable = into as Record<string, unknown>;
  for (const [name, value] of Object.entries(from)) {
    if (name === 'key' || value === undefined || writable[name] !== undefined) continue;
    writable[name] = value;
  }
  if (from.knownAs === 'started' || (from.knownAs === 'parent' && into.knownAs === 'seen')) {
    into.knownAs = from.knownAs;
  }
}

/**
 * True when two image paths end in the same file name, or either is unknown. Only the names are
 * compared: Sysmon and Security spell one path differently (`\\VBoxSvr\x.exe` beside
 * `\Device\Mup\VBoxSvr\x.exe`).
 */
export function sameImage(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  return baseName(a).toLowerCase() === baseName(b).toLowerCase();
}
