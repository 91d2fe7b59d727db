/**
 * The detections that read one connection series: a LOLBin or a binary in a user-writable place
 * connecting out, a service binary reaching a public address, a connection in to an admin port,
 * and lateral movement between internal hosts. Each returns a finding or undefined.
 */
import { omittedProperty } from '../findings/evidence-limit.js';
import { recoveredCount, recoveredProperty } from '../story/evidence.js';
import type { Evidence, Finding, Severity } from '../findings/finding.js';
import { isInternalClass, type IpClass } from '../net/ip-class.js';
import { guidsByTime, type ConnectionSeries } from './connections.js';
import type { DnsResolutions } from './dns.js';
import type { Knowledge, KnownLolbin } from './knowledge.js';
import type { ProcessFacts, RemoteSpawn } from './process-facts.js';
import type { ServerInference } from './servers.js';
import { lowered, raised } from './severity.js';

/** How long after an inbound connection a remote-execution spawn is tied to it. */
export const SPAWN_WINDOW_MS = 60_000;

/** What the series detections read besides the series. */
export interface DetectionContext {
  readonly knowledge: Knowledge;
  readonly dns: DnsResolutions;
  readonly processes: ProcessFacts;
  readonly servers: ServerInference;
}

/** True for an address outside the organisation: public, or a block no internal host uses. */
export function isExternalClass(ipClass: IpClass): boolean {
  return ipClass === 'public' || ipClass === 'documentation' || ipClass === 'benchmarking';
}

/** True for an address a connection out can reach beyond this host: external or internal. */
export function isOffHostClass(ipClass: IpClass): boolean {
  return isExternalClass(ipClass) || (isInternalClass(ipClass) && !isHostLocal(ipClass));
}

function isHostLocal(ipClass: IpClass): boolean {
  return ipClass === 'loopback' || ipClass === 'link-local';
}

/** The fields every finding about a series shares. */
export function seriesFinding(
  series: ConnectionSeries,
  context: DetectionContext,
  finding: Pick<Finding, 'kind' | 'severity' | 'why'>,
): Finding {
  const guids = guidsByTime(series);
  const [guid] = guids;
  const [hostname] = series.hostnames;
  const inbound = !series.initiated;
  const destinationIp = inbound ? series.localIp : series.remoteIp;
  const queriedName = inbound ? undefined : queriedNameOf(series, context.dns);
  const { evidence, omitted } = series.evidence.listed();
  const recovered = series.evidence.recovered;
  return {
    kind: finding.kind,
    severity: finding.severity,
    computer: series.computer,
    image: series.image,
    ...(guid === undefined ? {} : { processGuid: guid }),
    ...(guids.length > 1 ? { processGuids: guids } : {}),
    ...(destinationIp === undefined ? {} : { destinationIp }),
    ...(series.destinationPort === undefined ? {} : { destinationPort: series.destinationPort }),
    ...(hostname === undefined || inbound ? {} : { destinationHostname: hostname }),
    ...(queriedName === undefined ? {} : { queriedName }),
    ...(inbound ? { sourceIp: series.remoteIp } : {}),
    firstSeen: series.firstSeen,
    lastSeen: series.lastSeen,
    count: series.count,
    evidence,
    ...omittedProperty(omitted),
    ...recoveredProperty(recovered),
    why: finding.why,
  };
}

/** Evidence in time order; ties keep their order of arrival. */
export function byTime(evidence: readonly Evidence[]): Evidence[] {
  return [...evidence].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

function queriedNameOf(series: ConnectionSeries, dns: DnsResolutions): string | undefined {
  const [guid] = guidsByTime(series);
  return dns.nameFor(
    series.computer,
    series.remoteIp,
    { guid, image: series.image },
    series.firstMs,
  );
}

/** `where` for sentences: `203.0.113.7:443 (evil.example)`. */
export function destinationText(finding: Finding): string {
  const port = finding.destinationPort === undefined ? '' : `:${finding.destinationPort}`;
  const name = finding.queriedName ?? finding.destinationHostname;
  return `${finding.destinationIp ?? '?'}${port}${name === undefined ? '' : ` (${name})`}`;
}

/** A LOLBin opening connections to an address off this host. */
export function lolbinOutbound(
  series: ConnectionSeries,
  context: DetectionContext,
): Finding | undefined {
  if (!series.initiated || !isOffHostClass(series.remoteClass)) return undefined;
  const known = lolbinOf(series, context);
  if (known === undefined) return undefined;

  const { lolbin, renamedFrom } = known;
  let severity: Severity = isExternalClass(series.remoteClass) ? 'high' : 'medium';
  if (lolbin.outsideHome || renamedFrom !== undefined) severity = raised(severity);
  const finding = seriesFinding(series, context, { kind: 'lolbin-outbound', severity, why: '' });
  const why =
    `${lolbin.name} (${lolbin.category}) connected out to ${describeClass(series.remoteClass)} ` +
    `address ${destinationText(finding)} ${times(series.count)}${disguise(known)}.`;
  return { ...finding, why };
}

/** The LOLBin a series' image is, by name or by the original file name of a renamed copy. */
function lolbinOf(
  series: ConnectionSeries,
  context: DetectionContext,
): { lolbin: KnownLolbin; renamedFrom?: string } | undefined {
  const lolbin = context.knowledge.lolbin(series.image);
  if (lolbin !== undefined) return { lolbin };

  for (const guid of series.processGuids.keys()) {
    const original = context.processes.renamedLolbinOf(series.computer, guid);
    const renamed = original === undefined ? undefined : context.knowledge.lolbin(original);
    if (original !== undefined && renamed !== undefined)
      return { lolbin: renamed, renamedFrom: original };
  }
  return undefined;
}

function disguise(known: { lolbin: KnownLolbin; renamedFrom?: string }): string {
  if (known.renamedFrom !== undefined) {
    return `; the image is a renamed copy (its OriginalFileName is ${known.renamedFrom})`;
  }
  return known.lolbin.outsideHome
    ? '; it runs from outside its usual directory, a copy or an impostor'
    : '';
}

/**
 * A LOLBin accepting a connection from off this host: PowerShell or a script host listening
 * is a bind shell far more often than anything else.
 */
export function lolbinInbound(
  series: ConnectionSeries,
  context: DetectionContext,
): Finding | undefined {
  if (series.initiated || !isOffHostClass(series.remoteClass)) return undefined;
  const known = lolbinOf(series, context);
  if (known === undefined) return undefined;

  const finding = seriesFinding(series, context, {
    kind: 'lolbin-inbound',
    severity: 'high',
    why: '',
  });
  const why =
    `${known.lolbin.name} (${known.lolbin.category}) accepted connections on port ` +
    `${series.destinationPort ?? '?'} from ${describeClass(series.remoteClass)} address ` +
    `${series.remoteIp} ${times(series.count)}: a LOLBin listening on the network is a bind ` +
    `shell or remote execution (DCOM, WinRM) far more often than anything else${disguise(known)}.`;
  return { ...finding, why };
}

/** A binary in a user-writable place opening connections to an address off this host. */
export function userWritableOutbound(
  series: ConnectionSeries,
  context: DetectionContext,
): Finding | undefined {
  const place = context.knowledge.writablePlace(series.image);
  if (!series.initiated || place === undefined || !isOffHostClass(series.remoteClass))
    return undefined;

  let severity: Severity = isExternalClass(series.remoteClass) ? 'high' : 'medium';
  if (place.knownGood !== undefined) severity = lowered(lowered(severity));
  const finding = seriesFinding(series, context, {
    kind: 'user-writable-outbound',
    severity,
    why: '',
  });
  const vendor =
    place.knownGood === undefined
      ? ''
      : ` The path is ${place.knownGood}'s usual place, so this is likely benign.`;
  const why =
    `A binary in ${place.label}, which any user can write to, connected out to ` +
    `${describeClass(series.remoteClass)} address ${destinationText(finding)} ${times(series.count)}.${vendor}`;
  return { ...finding, why };
}

/** A service binary reaching a public address on a port it has no business with. */
export function serviceOutbound(
  series: ConnectionSeries,
  context: DetectionContext,
): Finding | undefined {
  if (!series.initiated || !isExternalClass(series.remoteClass)) return undefined;

  const service = serviceIdentity(series, context);
  if (service === undefined) return undefined;
  if (
    series.destinationPort !== undefined &&
    service.expectedPorts.includes(series.destinationPort)
  ) {
    return undefined;
  }

  const finding = seriesFinding(series, context, {
    kind: 'service-outbound',
    severity: 'medium',
    why: '',
  });
  const why =
    `${service.description} connected to public address ${destinationText(finding)} ` +
    `${times(series.count)}; services rarely talk to the internet on this port.`;
  return { ...finding, why };
}

function serviceIdentity(
  series: ConnectionSeries,
  context: DetectionContext,
): { description: string; expectedPorts: readonly number[] } | undefined {
  const host = context.knowledge.serviceHost(series.image);
  if (host !== undefined) {
    return {
      description: `The service host ${host.name}`,
      expectedPorts: host.expectedPublicPorts,
    };
  }

  const started = [...series.processGuids.keys()].some((guid) => {
    const parent = context.processes.parentImageOf(series.computer, guid);
    return parent !== undefined && context.knowledge.isServiceControlManager(parent);
  });
  return started
    ? { description: 'A service started by services.exe', expectedPorts: [] }
    : undefined;
}

/** A connection in to an admin port from anywhere but this host. */
export function inboundAdminPort(
  series: ConnectionSeries,
  context: DetectionContext,
): Finding | undefined {
  const port = series.destinationPort;
  const service = port === undefined ? undefined : context.knowledge.adminService(port);
  if (series.initiated || service === undefined || isHostLocal(series.remoteClass))
    return undefined;
  if (series.remoteClass === 'unspecified') return undefined;

  const external = isExternalClass(series.remoteClass);
  const severity: Severity = external ? 'high' : 'medium';
  const finding = seriesFinding(series, context, { kind: 'inbound-admin-port', severity, why: '' });
  const exposure = external ? ' The service is reachable from the internet.' : '';
  const why =
    `${series.image} accepted ${service.name} connections on port ${port} from ` +
    `${describeClass(series.remoteClass)} address ${series.remoteIp} ${times(series.count)}.${exposure}`;
  return { ...finding, why };
}

/**
 * RDP, SMB, WinRM, RPC or SSH between internal hosts when the host reached is not a server for
 * that service, out from this host or in to it; for an inbound connection, the processes a
 * remote-execution host started within a minute are named.
 */
export function lateralMovement(
  series: ConnectionSeries,
  context: DetectionContext,
): Finding | undefined {
  const port = series.destinationPort;
  const service = port === undefined ? undefined : context.knowledge.adminService(port);
  if (port === undefined || service === undefined || !service.lateral) return undefined;
  if (!isInternalClass(series.remoteClass) || isHostLocal(series.remoteClass)) return undefined;
  if (context.knowledge.isBrowser(series.image)) return undefined;

  const server = series.initiated ? series.remoteIp : series.localIp;
  const inboundTo = series.initiated ? undefined : series.computer;
  if (server === undefined || context.servers.isServer(server, port, inboundTo)) return undefined;

  return series.initiated
    ? lateralOut(series, context, service.name)
    : lateralIn(series, context, service.name);
}

function lateralOut(series: ConnectionSeries, context: DetectionContext, service: string): Finding {
  const kernel = /^system$/i.test(series.image);
  const tool = context.knowledge.lolbin(series.image) !== undefined;
  const severity: Severity = tool ? 'high' : kernel ? 'low' : 'medium';
  const finding = seriesFinding(series, context, { kind: 'lateral-movement', severity, why: '' });
  const [guid] = guidsByTime(series);
  const parent =
    guid === undefined ? undefined : context.processes.parentImageOf(series.computer, guid);
  const startedBy = parent === undefined ? '' : ` (started by ${parent})`;
  const why =
    `${series.image}${startedBy} on ${series.computer} opened ${service} to internal host ` +
    `${destinationText(finding)} ${times(series.count)}; that host is not a server for ${service} in these logs.`;
  return { ...finding, why };
}

function lateralIn(series: ConnectionSeries, context: DetectionContext, service: string): Finding {
  const port = series.destinationPort ?? -1;
  const spawns = context.processes.spawnsAfter(
    series.computer,
    port,
    series.firstMs,
    SPAWN_WINDOW_MS,
  );
  const severity: Severity = spawns.length > 0 ? 'high' : 'medium';
  const finding = seriesFinding(series, context, { kind: 'lateral-movement', severity, why: '' });
  const spawned = spawnSummary(spawns);
  const after = spawns.length === 0 ? '' : ` Within a minute, ${spawned}.`;
  const why =
    `Internal host ${series.remoteIp} reached ${service} on ${series.computer} ${times(series.count)}; ` +
    `this host is not a server for ${service} in these logs.${after}`;
  const spawnEvidence = spawns.map((spawn) => spawn.evidence);
  const recovered = (finding.recoveredEvidence ?? 0) + recoveredCount(spawnEvidence);
  return {
    ...finding,
    evidence: [...finding.evidence, ...spawnEvidence],
    ...recoveredProperty(recovered),
    why,
  };
}

/** `WmiPrvSE.exe (WMI) started cmd.exe (3 times); ...`, one entry per host and image. */
function spawnSummary(spawns: readonly RemoteSpawn[]): string {
  const counts = new Map<string, number>();
  for (const spawn of spawns) {
    const key = `${spawn.host} started ${spawn.image}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .slice(0, 3)
    .map(([text, count]) => (count === 1 ? text : `${text} (${count} times)`))
    .join('; ');
}

function describeClass(ipClass: IpClass): string {
  return ipClass === 'private' || ipClass === 'cgnat' || ipClass === 'unique-local'
    ? 'internal'
    : ipClass;
}

function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`;
}
