/**
 * What the story, chain and timeline code needs from any activity: the evidence that finds its
 * record again, and a one-line description of what happened, in the log's own words.
 */
import type { Activity, NetworkConnect, ProcessRef } from '../events/activity.js';
import type { Evidence } from '../findings/finding.js';

/** The evidence for one activity: its file, record id, event id and time, and if recovered. */
export function evidenceOf(activity: Activity): Evidence {
  const { file, recordId, eventId, recovered } = activity.source;
  const evidence = { recordId, eventId, time: activity.time.iso };
  const found = file === undefined ? evidence : { file, ...evidence };
  return recovered === true ? { ...found, recovered } : found;
}

/** How many of `evidence` came from recovered records. */
export function recoveredCount(evidence: readonly Evidence[]): number {
  return evidence.reduce((sum, item) => sum + (item.recovered === true ? 1 : 0), 0);
}

/** The `recoveredEvidence` property a finding carries: present only when some was recovered. */
export function recoveredProperty(count: number): { recoveredEvidence?: number } {
  return count > 0 ? { recoveredEvidence: count } : {};
}

/** The last part of a Windows or POSIX path: `powershell.exe` from its full image path. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
}

/**
 * One line saying what the activity did: the command line of a start, the name asked for and
 * its answers, the address connected to, the file written, the key set.
 */
export function summaryOf(activity: Activity): string {
  switch (activity.kind) {
    case 'process-start':
      return activity.commandLine ?? activity.process.image ?? 'process started';
    case 'process-end':
      return 'process ended';
    case 'network':
      return connectionSummary(activity);
    case 'dns':
      return dnsSummary(activity.queryName, activity.resolvedAddresses, activity.queryStatus);
    case 'file-create':
    case 'file-stream':
    case 'file-delete':
      return activity.targetFilename;
    default:
      return otherSummary(activity);
  }
}

function otherSummary(activity: Activity): string {
  switch (activity.kind) {
    case 'image-load':
      return activity.imageLoaded;
    case 'remote-thread':
    case 'process-access':
      return targetSummary(activity.target, activity.grantedAccess);
    case 'registry':
      return registrySummary(activity.eventType, activity.targetObject, activity.details);
    case 'pipe':
      return activity.pipeName;
    case 'process-tampering':
      return activity.tamperType ?? 'process image changed';
    default:
      return activity.kind;
  }
}

/** `tcp 10.0.0.5:50123 -> 203.0.113.7:443 (c2.example)`, arrow reversed for inbound. */
function connectionSummary(activity: NetworkConnect): string {
  const source = endpoint(activity.sourceIp, activity.sourcePort);
  const destination = endpoint(activity.destinationIp, activity.destinationPort);
  const arrow = activity.initiated === false ? '<-' : '->';
  const name = activity.destinationHostname;
  const text = `${activity.protocol ?? '?'} ${source} ${arrow} ${destination}`;
  return name === undefined ? text : `${text} (${name})`;
}

function endpoint(ip: string | undefined, port: number | undefined): string {
  const address = ip === undefined ? '?' : ip.includes(':') ? `[${ip}]` : ip;
  return port === undefined ? address : `${address}:${port}`;
}

function dnsSummary(name: string, addresses: readonly string[], status?: string): string {
  if (addresses.length > 0) return `${name} -> ${addresses.join(', ')}`;
  return status === undefined || status === '0' ? name : `${name} (status ${status})`;
}

function targetSummary(target: ProcessRef, access: string | undefined): string {
  const who = target.image ?? (target.pid === undefined ? '?' : `pid ${target.pid}`);
  return access === undefined ? who : `${who} (access ${access})`;
}

function registrySummary(type: string | undefined, key: string, details?: string): string {
  const text = type === undefined ? key : `${type} ${key}`;
  return details === undefined ? text : `${text} = ${details}`;
}
