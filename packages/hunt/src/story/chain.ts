/**
 * The `chain` finding: a process started, asked DNS for a name, connected to an address that
 * answer held, and then wrote a file, in that order. Browsers and updaters do this all day, so
 * a chain is reported only when the connection went to a public address and either the image
 * is suspicious (the caller decides: LOLBins, user-writable folders) or the file carries code
 * (EXECUTABLE_EXTENSIONS). Severity is high when both hold, medium for a suspicious image
 * writing any other file, low for an ordinary image writing code (a browser download). A
 * connection to an address no DNS answer of the process held went straight to an IP: it makes
 * a chain without the DNS step, reported under the same rules, and the `why` says so.
 */
import type { DnsQuery, FileActivity, NetworkConnect } from '../events/activity.js';
import { defined } from '../events/fields.js';
import { formatDuration } from '../beacon/reason.js';
import {
  compareFindings,
  type Evidence,
  type Finding,
  type Severity,
  type StoryStep,
} from '../findings/finding.js';
import type { StoryActivity } from './compact.js';
import { baseName, recoveredCount, recoveredProperty } from './evidence.js';
import { isExecutableName, isHousekeepingFile } from './executable.js';
import type { ProcessKey, ProcessNode } from './process-node.js';
import type { ProcessTable } from './process-table.js';
import {
  orderSteps,
  startStep,
  storyStep,
  type ProcessActivities,
  type StorySource,
} from './story.js';

/**
 * How long after a connection its DNS query may be logged. Sysmon stamps Event ID 22 when the
 * answer is logged, which can be a few seconds after the Event ID 3 it led to.
 */
export const DNS_LOGGED_LATE_MS = 5_000;

/** How long before a connection a DNS answer still counts as the one that led to it. */
export const DNS_TO_CONNECT_WINDOW_MS = 60 * 60_000;

/** How long after a connection a file written still counts as coming from it. */
export const CONNECT_TO_FILE_WINDOW_MS = 10 * 60_000;

/** Evidence records kept per chain finding; the count says how many chains it stands for. */
export const CHAIN_EVIDENCE_LIMIT = 64;

/** What the chain detection needs to know about addresses and images. */
export interface ChainOptions {
  /** True for an address on the internet (not private, loopback, link-local, ...). */
  isPublicAddress(ip: string): boolean;
  /** True for an image worth a finding on its own (a LOLBin, a user-writable folder, ...). */
  isSuspiciousImage(image: string): boolean;
  /**
   * Canonical text of an address, so the forms Sysmon writes compare equal. Defaults to
   * mappedIpKey, which handles `::ffff:1.2.3.4` but not every way to write an IPv6 address.
   */
  ipKey?(text: string): string;
}

/**
 * One process start, DNS query (when any), connection and file, in time order. TODO: only files
 * created (Sysmon 11) count; a stream written (15, such as the Zone.Identifier a browser adds to
 * a download) would also show a download, but a story has no step for it yet.
 */
interface Link {
  readonly dns: DnsQuery | undefined;
  readonly connection: NetworkConnect;
  readonly file: FileActivity;
  readonly executable: boolean;
}

/** Every chain worth reporting, one finding per process and destination, most severe first. */
export function chainFindings(
  collector: StorySource,
  table: ProcessTable,
  options: ChainOptions,
): Finding[] {
  const findings: Finding[] = [];
  for (const key of collector.keys())
    findings.push(...processChains(collector, table, key, options));
  return findings.sort(compareFindings);
}

/**
 * An address as comparable text: trimmed, lower case, without brackets, and an IPv4-mapped
 * IPv6 address (`::ffff:1.2.3.4`, as Sysmon writes DNS answers) as its IPv4 address.
 */
export function mappedIpKey(text: string): string {
  const bare = text
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  const mapped = /^(?:::|(?:0{1,4}:){5})ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  return mapped?.[1] ?? bare;
}

function processChains(
  collector: StorySource,
  table: ProcessTable,
  key: ProcessKey,
  options: ChainOptions,
): Finding[] {
  const process = table.get(key);
  if (process?.start === undefined) return [];
  const activities = collector.activitiesOf(key);
  if (activities === undefined) return [];

  const ipKey = options.ipKey ?? mappedIpKey;
  const suspicious = process.image !== undefined && options.isSuspiciousImage(process.image);
  const links = chainLinks(process, activities, options, ipKey);
  const worth = links.filter((link) => suspicious || link.executable);

  return [...byDestination(worth, ipKey).values()].map((group) =>
    chainFinding(process, group, suspicious),
  );
}

/** Each file paired with the latest public connection before it, and that connection's query. */
function chainLinks(
  process: ProcessNode,
  activities: ProcessActivities,
  options: ChainOptions,
  ipKey: (text: string) => string,
): Link[] {
  // Files first: most processes write none, and then their connections need not be built.
  const files = activities.files.filter((file) => !isHousekeepingFile(file.targetFilename));
  if (files.length === 0) return [];

  const started = process.start?.time.iso ?? '';
  const connections = activities.connections
    .filter((c) => isOutboundTo(c, options) && c.time.iso >= started)
    .sort(byTime);
  if (connections.length === 0) return [];

  const links: Link[] = [];
  for (const file of files.sort(byTime)) {
    const connection = latestBefore(connections, file);
    if (connection === undefined) continue;

    const dns = resolvingQuery(activities.dns, connection, started, ipKey);
    links.push({ dns, connection, file, executable: isExecutableName(file.targetFilename) });
  }
  return links;
}

/**
 * True for an activity a chain can use: a connection out to a public address, a DNS answer
 * holding an address, a file that is not housekeeping. A collector that keeps only these finds
 * the same chains, unless a process passes the collector's per-process limits, where it keeps
 * more of what counts.
 */
export function chainActivity(activity: StoryActivity, options: ChainOptions): boolean {
  switch (activity.kind) {
    case 'network':
      return isOutboundTo(activity, options);
    case 'dns':
      return activity.resolvedAddresses.length > 0;
    case 'file-create':
      return !isHousekeepingFile(activity.targetFilename);
    default:
      return false;
  }
}

/**
 * True for a file a chain can report: code (isExecutableName), or any file written by a process
 * whose image is suspicious. `image` is the writer's image as the process table holds it, which
 * never changes once known; undefined keeps the file, as the image may be learnt later.
 */
export function chainFileCanReport(
  file: FileActivity,
  image: string | undefined,
  options: ChainOptions,
): boolean {
  if (isExecutableName(file.targetFilename)) return true;
  return image === undefined || options.isSuspiciousImage(image);
}

function isOutboundTo(connection: NetworkConnect, options: ChainOptions): boolean {
  const ip = connection.destinationIp;
  return connection.initiated === true && ip !== undefined && options.isPublicAddress(ip);
}

/**
 * The latest connection at or before the file, within CONNECT_TO_FILE_WINDOW_MS. `connections`
 * are in time order, so a binary search finds it (a process may keep thousands of each).
 */
function latestBefore(
  connections: readonly NetworkConnect[],
  file: FileActivity,
): NetworkConnect | undefined {
  let low = 0;
  let high = connections.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((connections[middle]?.time.iso ?? '') <= file.time.iso) low = middle + 1;
    else high = middle;
  }
  const latest = connections[low - 1];
  if (latest === undefined) return undefined;
  return file.time.ms - latest.time.ms <= CONNECT_TO_FILE_WINDOW_MS ? latest : undefined;
}

/** The latest query after the start whose answer held the connection's address. */
function resolvingQuery(
  queries: readonly DnsQuery[],
  connection: NetworkConnect,
  started: string,
  ipKey: (text: string) => string,
): DnsQuery | undefined {
  const target = ipKey(connection.destinationIp ?? '');
  const at = connection.time.ms;
  const candidates = queries.filter(
    (q) =>
      q.time.iso >= started &&
      q.time.ms <= at + DNS_LOGGED_LATE_MS &&
      at - q.time.ms <= DNS_TO_CONNECT_WINDOW_MS &&
      q.resolvedAddresses.some((address) => ipKey(address) === target),
  );
  return [...candidates].sort(byTime).at(-1);
}

function byDestination(
  links: readonly Link[],
  ipKey: (text: string) => string,
): Map<string, Link[]> {
  const groups = new Map<string, Link[]>();
  for (const link of links) {
    const id = ipKey(link.connection.destinationIp ?? '');
    const group = groups.get(id) ?? [];
    group.push(link);
    groups.set(id, group);
  }
  return groups;
}

function chainFinding(process: ProcessNode, links: readonly Link[], suspicious: boolean): Finding {
  const shown = representative(links);
  // The chain's own order, each step with its time: Sysmon may stamp the DNS answer a few
  // milliseconds after the connection it led to.
  const story = chainSteps(process, shown);
  const { connection, dns } = shown;
  const lastSeen = links.map((link) => link.file.time.iso).reduce(later);

  return {
    kind: 'chain',
    severity: severityOf(
      suspicious,
      links.some((link) => link.executable),
    ),
    computer: process.computer,
    ...defined({
      image: process.image,
      processGuid: process.guid,
      destinationIp: connection.destinationIp,
      destinationPort: connection.destinationPort,
      destinationHostname: connection.destinationHostname,
      queriedName: dns?.queryName,
    }),
    firstSeen: process.start?.time.iso ?? story[0]?.time ?? lastSeen,
    lastSeen,
    count: links.length,
    ...chainEvidence(process, links),
    why: whyText(process, shown, suspicious, links.length),
    story,
  };
}

/** The chain to show: one writing code first, then one with its DNS step, then the earliest. */
function representative(links: readonly Link[]): Link {
  const rank = (link: Link): number => (link.executable ? 0 : 2) + (link.dns ? 0 : 1);
  const best = [...links].sort((a, b) => rank(a) - rank(b))[0];
  if (best === undefined) throw new RangeError('A chain finding needs at least one chain');
  return best;
}

function chainSteps(process: ProcessNode, link: Link): StoryStep[] {
  const start = startStep(process);
  const steps = [link.dns, link.connection, link.file].flatMap((a) => (a ? [storyStep(a)] : []));
  return start === undefined ? steps : [start, ...steps];
}

function severityOf(suspicious: boolean, executable: boolean): Severity {
  if (suspicious && executable) return 'high';
  return suspicious ? 'medium' : 'low';
}

/** The evidence of every chain in the group, each record once, in time order, bounded. */
/** The chain's evidence, cut to its limit, and how many of all its events were recovered. */
function chainEvidence(
  process: ProcessNode,
  links: readonly Link[],
): Pick<Finding, 'evidence' | 'recoveredEvidence'> {
  const steps = links.flatMap((link) => chainSteps(process, link));
  const unique = new Map(steps.map((step) => [evidenceId(step.evidence), step]));
  const all = orderSteps([...unique.values()]).map((step) => step.evidence);
  const evidence = all.slice(0, CHAIN_EVIDENCE_LIMIT);
  return { evidence, ...recoveredProperty(recoveredCount(all)) };
}

function evidenceId(evidence: Evidence): string {
  return `${evidence.file ?? ''}\u0000${evidence.recordId}`;
}

function whyText(process: ProcessNode, link: Link, suspicious: boolean, count: number): string {
  const name = baseName(process.image ?? `process ${process.pid ?? '?'}`);
  const { connection, dns, file } = link;
  const target = `${connection.destinationIp ?? '?'}:${connection.destinationPort ?? '?'}`;
  const delay = formatDuration(Math.max(0, file.time.ms - connection.time.ms));
  const reached = dns
    ? `asked DNS for ${dns.queryName}, connected to ${target}, an address in that answer,`
    : `connected straight to ${target} with no DNS query of its own returning that address,`;

  const story = `${name} started, ${reached} and ${delay} later wrote ${file.targetFilename}.`;
  return `${story} ${reasonText(suspicious, link.executable, count)}`;
}

function reasonText(suspicious: boolean, executable: boolean, count: number): string {
  const reasons = [
    ...(suspicious ? ['the image is on the suspicious list'] : []),
    ...(executable ? ['the file is executable content'] : []),
  ];
  const files = count === 1 ? '' : ` (${count} files followed connections to this address)`;
  return `Reported because ${reasons.join(' and ')}${files}.`;
}

function byTime(a: { time: { iso: string } }, b: { time: { iso: string } }): number {
  return a.time.iso === b.time.iso ? 0 : a.time.iso < b.time.iso ? -1 : 1;
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}
