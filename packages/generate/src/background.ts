/**
 * Ordinary activity: programs starting and ending, browsers and services resolving names and
 * connecting out at random (Poisson) times, every workstation using the domain controller and
 * the file server, files written, DLLs loaded, a few registry writes and process accesses.
 */
import {
  DLLS,
  FILE_FOLDERS,
  FILE_NAMES,
  PROGRAMS,
  REGISTRY_KEYS,
  type Program,
} from './catalogue.js';
import {
  dnsQuery,
  ephemeralPort,
  fileCreate,
  imageLoad,
  networkConnect,
  processAccess,
  processCreate,
  processEnd,
  registrySet,
} from './events.js';
import type { Prng } from './prng.js';
import type { SysmonEvent } from './sysmon-event.js';
import { DOMAIN_CONTROLLER_IP, FILE_SERVER_IP, forUser, type Host, type World } from './world.js';

type Kind = 'network' | 'internal' | 'dns' | 'file' | 'start' | 'end' | 'load' | 'access' | 'reg';

const KINDS: readonly (readonly [Kind, number])[] = [
  ['network', 34],
  ['internal', 8],
  ['dns', 18],
  ['file', 14],
  ['start', 8],
  ['end', 6],
  ['load', 6],
  ['access', 3],
  ['reg', 3],
];

const NETWORK_PROGRAMS = PROGRAMS.filter((program) => program.network > 0);
const WEIGHTED_NETWORK = NETWORK_PROGRAMS.map((program) => [program, program.network] as const);
const INTERNAL_SERVICES: readonly (readonly [string, number])[] = [
  [DOMAIN_CONTROLLER_IP, 445],
  [DOMAIN_CONTROLLER_IP, 88],
  [DOMAIN_CONTROLLER_IP, 389],
  [DOMAIN_CONTROLLER_IP, 135],
  [FILE_SERVER_IP, 445],
];

/** Picks a host and a kind of ordinary event by weight, and builds it. */
export class Background {
  constructor(
    private readonly world: World,
    private readonly random: Prng,
  ) {}

  /** One ordinary event on a random host at `timeMs`. */
  event(timeMs: number): SysmonEvent {
    const r = this.random;
    const host = r.pick(this.world.hosts);
    switch (r.weighted(KINDS)) {
      case 'network':
        return this.#outbound(host, timeMs);
      case 'internal':
        return this.#internal(host, timeMs);
      case 'dns':
        return this.#dns(host, timeMs);
      case 'file':
        return this.#file(host, timeMs);
      case 'start':
        return this.#start(host, timeMs);
      case 'end':
        return this.#end(host, timeMs);
      case 'load':
        return imageLoad(host, r.pick(host.processes), timeMs, r.pick(DLLS));
      case 'access':
        return processAccess(host, r.pick(host.processes), r.pick(host.processes), timeMs);
      case 'reg':
        return registrySet(
          host,
          r.pick(host.processes),
          timeMs,
          r.pick(REGISTRY_KEYS),
          'DWORD (0x00000001)',
        );
    }
  }

  #outbound(host: Host, timeMs: number): SysmonEvent {
    const r = this.random;
    const program: Program = r.weighted(WEIGHTED_NETWORK);
    const process = this.world.running(host, program.image);
    const name = r.pick(program.names);
    return networkConnect(host, process, timeMs, {
      initiated: true,
      sourceIp: host.ip,
      sourcePort: ephemeralPort(r),
      destinationIp: this.world.resolve(name),
      destinationPort: r.pick(program.ports),
      destinationHostname: r.chance(0.5) ? name : '-',
    });
  }

  #internal(host: Host, timeMs: number): SysmonEvent {
    const r = this.random;
    const [destinationIp, destinationPort] = r.pick(INTERNAL_SERVICES);
    const process = this.world.running(host, 'C:\\Windows\\System32\\svchost.exe');
    return networkConnect(host, process, timeMs, {
      initiated: true,
      sourceIp: host.ip,
      sourcePort: ephemeralPort(r),
      destinationIp,
      destinationPort,
    });
  }

  #dns(host: Host, timeMs: number): SysmonEvent {
    const r = this.random;
    const program = r.pick(NETWORK_PROGRAMS);
    const process = this.world.running(host, program.image);
    const name = r.pick(program.names);
    return dnsQuery(host, process, timeMs, name, this.world.resolve(name));
  }

  #file(host: Host, timeMs: number): SysmonEvent {
    const r = this.random;
    const folder = forUser(r.pick(FILE_FOLDERS), host);
    const path = `${folder}\\${r.hex(4).toLowerCase()}_${r.pick(FILE_NAMES)}`;
    return fileCreate(host, r.pick(host.processes), timeMs, path);
  }

  #start(host: Host, timeMs: number): SysmonEvent {
    const r = this.random;
    const program = r.pick(PROGRAMS);
    const parent = host.processes[0];
    const user = program.system === true ? 'NT AUTHORITY\\SYSTEM' : host.user;
    const process = this.world.spawn(host, program.image, parent, user);
    return processCreate(host, process, timeMs, r);
  }

  #end(host: Host, timeMs: number): SysmonEvent {
    const process = this.random.pick(host.processes);
    this.world.end(host, process);
    return processEnd(host, process, timeMs);
  }
}
