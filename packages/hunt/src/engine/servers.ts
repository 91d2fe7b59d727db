/**
 * Which hosts are servers for a service, inferred from the connections themselves: lateral
 * movement is a host reaching another host's admin service when that host is not a server for
 * it. A host is a server for a port when three or more computers (or, inbound, three or more
 * sources) use it there, and a host that answers Kerberos or LDAP is a domain controller, which
 * every workstation reaches over SMB and RPC.
 */
import type { ConnectionSeries } from './connections.js';

/** Distinct clients that make a host a server for a port. */
export const SERVER_CLIENT_THRESHOLD = 3;

/** Ports only domain controllers answer: Kerberos, LDAP, LDAPS, global catalog. */
const DOMAIN_CONTROLLER_PORTS = new Set([88, 389, 636, 3268, 3269]);

/** Ports every domain member uses on a domain controller: RPC, NetBIOS session, SMB. */
const DOMAIN_CONTROLLER_SERVICES = new Set([135, 139, 445]);

/** Servers by address and port, inferred from every series. */
export class ServerInference {
  readonly #clients = new Map<string, Set<string>>();
  readonly #domainControllers = new Set<string>();

  constructor(series: Iterable<ConnectionSeries>) {
    for (const one of series) this.#learn(one);
  }

  /**
   * True when `ip` (canonical text) is a server for `port`: as the computers that reach it say,
   * or, when `computer` is given (this host's own address), as the sources reaching that very
   * computer say. Addresses are reused across labs and networks, so what other computers'
   * logs say about inbound connections to the same address does not count for this one.
   */
  isServer(ip: string, port: number, computer?: string): boolean {
    const controller = this.#domainControllers.has(hostKey(computer, ip));
    if (DOMAIN_CONTROLLER_SERVICES.has(port) && controller) return true;
    const key = serverKey(computer, ip, port);
    return (this.#clients.get(key)?.size ?? 0) >= SERVER_CLIENT_THRESHOLD;
  }

  #learn(series: ConnectionSeries): void {
    const port = series.destinationPort;
    if (port === undefined) return;

    const server = series.initiated ? series.remoteIp : series.localIp;
    const client = series.initiated ? series.computer : series.remoteIp;
    if (server === undefined) return;

    const inboundTo = series.initiated ? undefined : series.computer;
    if (DOMAIN_CONTROLLER_PORTS.has(port)) this.#domainControllers.add(hostKey(inboundTo, server));
    const key = serverKey(inboundTo, server, port);
    const clients = this.#clients.get(key) ?? new Set<string>();
    clients.add(client);
    this.#clients.set(key, clients);
  }
}

function hostKey(computer: string | undefined, ip: string): string {
  return computer === undefined ? ip : `${computer}|${ip}`;
}

function serverKey(computer: string | undefined, ip: string, port: number): string {
  return `${hostKey(computer, ip)}|${port}`;
}
