/**
 * Which end of a Sysmon Event ID 3 connection is this host. Sysmon puts the side that opened
 * the connection in Source for most versions, but some (seen with Sysmon 9 and 10 on Windows 7)
 * log an inbound connection with this host in Source and the remote peer in Destination. The
 * host's own name in SourceHostname or DestinationHostname settles it; otherwise the listening
 * end is the one with the lower port, as the peer's is an ephemeral one.
 */
import type { NetworkConnect } from '../events/activity.js';

/** The two ends of a connection as seen from this host. */
export interface Endpoints {
  readonly initiated: boolean;
  readonly remoteIp: string | undefined;
  readonly remoteHostname: string | undefined;
  readonly localIp: string | undefined;
  /** The service port: the destination's when this host initiated, its own when it listened. */
  readonly servicePort: number | undefined;
}

/** The ends of a connection. A missing `Initiated` is taken as initiated (Sysmon's default). */
export function endpointsOf(connection: NetworkConnect): Endpoints {
  const initiated = connection.initiated ?? true;
  const sourceIsLocal = initiated || inboundSourceIsLocal(connection);
  const local = sourceIsLocal ? 'source' : 'destination';
  return {
    initiated,
    remoteIp: local === 'source' ? connection.destinationIp : connection.sourceIp,
    remoteHostname: local === 'source' ? connection.destinationHostname : connection.sourceHostname,
    localIp: local === 'source' ? connection.sourceIp : connection.destinationIp,
    servicePort: initiated || !sourceIsLocal ? connection.destinationPort : connection.sourcePort,
  };
}

function inboundSourceIsLocal(connection: NetworkConnect): boolean {
  const sourceNamed = namesHost(connection.sourceHostname, connection.computer);
  const destinationNamed = namesHost(connection.destinationHostname, connection.computer);
  if (sourceNamed !== destinationNamed) return sourceNamed;

  const { sourcePort, destinationPort } = connection;
  if (sourcePort === undefined || destinationPort === undefined) return false;
  return sourcePort < destinationPort;
}

/** True when a host name from an event names the computer (`IEWIN7` or `iewin7.corp.local`). */
function namesHost(hostname: string | undefined, computer: string): boolean {
  if (hostname === undefined || hostname === '') return false;
  return firstLabel(hostname) === firstLabel(computer);
}

function firstLabel(name: string): string {
  const dot = name.indexOf('.');
  return (dot < 0 ? name : name.slice(0, dot)).toLowerCase();
}
