/**
 * The simulated estate: workstations with users, addresses and running processes, two servers
 * every workstation uses (a domain controller and a file server), and a resolver that gives each
 * internet name a stable public address.
 */
import { USER_NAMES } from './catalogue.js';
import type { Prng } from './prng.js';

/** A running process as Sysmon names it. */
export interface Process {
  readonly guid: string;
  readonly pid: number;
  readonly image: string;
  readonly user: string;
  readonly commandLine: string;
  readonly parent: Process | undefined;
}

/** One workstation that logs with Sysmon. */
export interface Host {
  readonly computer: string;
  readonly ip: string;
  /** The `DOMAIN\user` logged on. */
  readonly user: string;
  /** The bare user name, for paths. */
  readonly userName: string;
  /** Running processes; the background picks from them and adds to them. */
  readonly processes: Process[];
  readonly logonGuid: string;
  readonly logonId: bigint;
}

export const DOMAIN = 'CORP';
export const DOMAIN_CONTROLLER_IP = '10.0.0.10';
export const FILE_SERVER_IP = '10.0.0.20';
const SYSTEM_USER = 'NT AUTHORITY\\SYSTEM';
/** Processes kept per host before the oldest user process is forgotten. */
const PROCESS_LIMIT = 60;

/** The estate's hosts and processes, and the resolver; all randomness comes from one Prng. */
export class World {
  readonly hosts: Host[];
  readonly #addresses = new Map<string, string>();
  #nextPid = 1000;

  constructor(
    private readonly random: Prng,
    hostCount: number,
  ) {
    this.hosts = Array.from({ length: hostCount }, (_, i) => this.#host(i));
  }

  #host(index: number): Host {
    const userName = USER_NAMES[index % USER_NAMES.length]! + (index >= 16 ? `${index}` : '');
    const number = String(index + 1).padStart(3, '0');
    const host: Host = {
      computer: `WS-${number}.corp.example.com`,
      ip: `10.0.${1 + Math.floor(index / 250)}.${10 + (index % 250)}`,
      user: `${DOMAIN}\\${userName}`,
      userName,
      processes: [],
      logonGuid: this.random.guid(),
      logonId: BigInt(this.random.between(0x10000, 0xffffff)),
    };
    const explorer = this.spawn(host, 'C:\\Windows\\explorer.exe', undefined, host.user);
    this.spawn(host, 'C:\\Windows\\System32\\svchost.exe', undefined, SYSTEM_USER);
    this.spawn(host, 'C:\\Windows\\System32\\taskhostw.exe', undefined, SYSTEM_USER);
    this.spawn(host, 'C:\\Windows\\System32\\cmd.exe', explorer, host.user);
    return host;
  }

  /** Starts a process on the host and remembers it, so background events may name it. */
  spawn(host: Host, image: string, parent: Process | undefined, user: string): Process {
    const process = this.process(image, parent, user, `"${image}"`);
    host.processes.push(process);
    if (host.processes.length > PROCESS_LIMIT) host.processes.splice(4, 1);
    return process;
  }

  /** A process the background never names (an injected one). */
  process(image: string, parent: Process | undefined, user: string, commandLine: string): Process {
    return { guid: this.random.guid(), pid: this.#pid(), image, user, commandLine, parent };
  }

  /** Forgets a process (it ended); the first four of a host live forever. */
  end(host: Host, process: Process): void {
    const at = host.processes.indexOf(process);
    if (at >= 4) host.processes.splice(at, 1);
  }

  /** The host's process running `image`, starting one when none is. */
  running(host: Host, image: string): Process {
    const found = host.processes.find((process) => process.image === image);
    if (found !== undefined) return found;
    const user = image.includes('svchost') ? SYSTEM_USER : host.user;
    return this.spawn(host, image, host.processes[0], user);
  }

  #pid(): number {
    this.#nextPid = (this.#nextPid + 4 * this.random.between(1, 40)) % 60000;
    return 1000 + this.#nextPid;
  }

  /** A stable public address for an internet name (never in a private or reserved range). */
  resolve(name: string): string {
    const known = this.#addresses.get(name);
    if (known !== undefined) return known;
    let h = 2166136261;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
    const first = [13, 20, 23, 34, 52, 104, 142, 151, 185][h % 9]!;
    const address = `${first}.${(h >>> 8) & 0xff}.${(h >>> 16) & 0xff}.${1 + ((h >>> 24) % 254)}`;
    this.#addresses.set(name, address);
    return address;
  }
}

/** `C:\Users\USER\...` with the host's user name put in. */
export function forUser(path: string, host: Host): string {
  return path.replace('USER', host.userName);
}
