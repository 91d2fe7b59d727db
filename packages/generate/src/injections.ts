/**
 * The activity a hunt should find, scheduled up front and labelled: beacons (a dropped binary
 * calling home on a jittered cadence), LOLBin downloads, user-writable binaries phoning home a
 * few times, and lateral movement (RDP, WinRM, SMB) from one workstation to another.
 */
import { DOWNLOADERS, DROPPED, EVIL_NAMES, LATERAL } from './catalogue.js';
import {
  dnsQuery,
  ephemeralPort,
  fileCreate,
  networkConnect,
  processCreate,
  type Connection,
} from './events.js';
import type { Prng } from './prng.js';
import type { SysmonEvent } from './sysmon-event.js';
import { forUser, type Host, type Process, type World } from './world.js';

/** What was injected, for checking a hunt against. */
export interface Label {
  readonly kind: 'beacon' | 'lolbin-download' | 'user-writable-outbound' | 'lateral-movement';
  /** The computer that logged the outbound side. */
  readonly computer: string;
  readonly image: string;
  readonly destinationIp: string;
  readonly destinationPort: number;
  readonly destinationHostname?: string;
  /** For beacons: the cadence asked for. */
  readonly intervalMs?: number;
  readonly jitter?: number;
  /** Set from the events written: first and last connection time, and how many. */
  firstSeen: string;
  lastSeen: string;
  count: number;
}

/** An event due at a time; `label` is counted when the event is an outbound connection of it. */
export interface Scheduled {
  readonly timeMs: number;
  readonly event: () => SysmonEvent;
  readonly label?: Label;
}

export interface InjectionOptions {
  readonly beacons: number;
  readonly beaconCount: number;
  /** Mean seconds between beacon calls; by default the calls spread over 80% of the span. */
  readonly beaconIntervalMs: number | undefined;
  /** Each gap is the interval times (1 ± jitter * uniform). */
  readonly beaconJitter: number;
  readonly downloads: number;
  readonly phoneHome: number;
  readonly lateral: number;
}

/** Schedules injected events and keeps their labels. */
export class Injector {
  readonly labels: Label[] = [];
  readonly scheduled: Scheduled[] = [];

  constructor(
    private readonly world: World,
    private readonly random: Prng,
    private readonly startMs: number,
    private readonly spanMs: number,
  ) {}

  /** Schedules everything `options` asks for; sorted by time afterwards. */
  inject(options: InjectionOptions): void {
    for (let i = 0; i < options.beacons; i++) this.#beacon(options, i);
    for (let i = 0; i < options.downloads; i++) this.#download();
    for (let i = 0; i < options.phoneHome; i++) this.#phoneHome(i);
    for (let i = 0; i < options.lateral; i++) this.#lateral(i);
    this.scheduled.sort((a, b) => a.timeMs - b.timeMs);
  }

  #beacon(options: InjectionOptions, index: number): void {
    const r = this.random;
    const host = this.#host(index * 7 + 1);
    const name = EVIL_NAMES[index % EVIL_NAMES.length]!;
    const image = forUser(DROPPED[index % DROPPED.length]!, host);
    const count = options.beaconCount;
    const interval = options.beaconIntervalMs ?? (this.spanMs * 0.8) / count;
    let time = this.startMs + r.next() * this.spanMs * 0.05;
    const process = this.#launch(host, image, `"${image}"`, time);
    const label = this.#label('beacon', host, image, this.#internet(name, 443), {
      intervalMs: Math.round(interval),
      jitter: options.beaconJitter,
    });

    this.#resolve(host, process, time + 200, name);
    for (let call = 0; call < count; call++) {
      time += interval * (1 + options.beaconJitter * (2 * r.next() - 1));
      this.#connect(host, process, time, label);
    }
  }

  #download(): void {
    const r = this.random;
    const host = this.#host(r.int(this.world.hosts.length));
    const tool = r.pick(DOWNLOADERS);
    const name = r.pick(EVIL_NAMES);
    const file = `C:\\Users\\${host.userName}\\AppData\\Local\\Temp\\${r.hex(6).toLowerCase()}.exe`;
    const url = `http://${name}/${r.hex(8).toLowerCase()}/payload.bin`;
    const command = tool.command.replace('URL', url).replace('FILE', file);
    const time = this.#someTime();
    const process = this.#launch(host, tool.image, command, time);
    const label = this.#label('lolbin-download', host, tool.image, this.#internet(name, 80), {});

    this.#resolve(host, process, time + 150, name);
    const calls = r.between(1, 3);
    for (let call = 0; call < calls; call++)
      this.#connect(host, process, time + 300 + call * 900, label);
    this.#add(time + 3500, () => fileCreate(host, process, time + 3500, file));
  }

  #phoneHome(index: number): void {
    const r = this.random;
    const host = this.#host(index * 5 + 3);
    const image = forUser(DROPPED[(index + 2) % DROPPED.length]!, host);
    const name = `${r.hex(6).toLowerCase()}.${EVIL_NAMES[(index + 3) % EVIL_NAMES.length]!}`;
    const time = this.#someTime();
    const process = this.#launch(host, image, `"${image}" --silent`, time);
    const label = this.#label(
      'user-writable-outbound',
      host,
      image,
      this.#internet(name, 8443),
      {},
    );

    this.#resolve(host, process, time + 100, name);
    const calls = r.between(3, 6);
    let at = time + 500;
    for (let call = 0; call < calls; call++) {
      at += r.exponential(10 * 60_000);
      this.#connect(host, process, at, label);
    }
  }

  #lateral(index: number): void {
    const r = this.random;
    const hosts = this.world.hosts;
    const source = this.#host(index * 3);
    const target = hosts[(hosts.indexOf(source) + 1 + index) % hosts.length]!;
    const service = LATERAL[index % LATERAL.length]!;
    const client = forUser(service.client, source);
    const time = this.#someTime();
    const process = this.#launch(source, client, `"${client}" ${target.ip}`, time);
    const destination = { ip: target.ip, port: service.port };
    const label = this.#label('lateral-movement', source, client, destination, {});

    const server = this.world.running(
      target,
      service.server === 'System' ? 'System' : service.server,
    );
    const calls = r.between(2, 5);
    for (let call = 0; call < calls; call++) {
      const at = time + 1000 + call * r.between(5_000, 120_000);
      const sourcePort = ephemeralPort(r);
      const connection = { sourceIp: source.ip, sourcePort, destinationIp: target.ip };
      const out = { ...connection, initiated: true, destinationPort: service.port };
      this.#add(at, () => networkConnect(source, process, at, out), label);
      const inbound = { ...out, initiated: false };
      this.#add(at + 2, () => networkConnect(target, server, at + 2, inbound));
    }
  }

  /** A host by number, wrapping round the estate. */
  #host(index: number): Host {
    const hosts = this.world.hosts;
    return hosts[index % hosts.length]!;
  }

  #someTime(): number {
    return this.startMs + this.spanMs * (0.1 + 0.8 * this.random.next());
  }

  #launch(host: Host, image: string, commandLine: string, time: number): Process {
    const parent = host.processes[0];
    const process = this.world.process(image, parent, host.user, commandLine);
    this.#add(time, () => processCreate(host, process, time, this.random));
    return process;
  }

  #resolve(host: Host, process: Process, time: number, name: string): void {
    const address = this.world.resolve(name);
    this.#add(time, () => dnsQuery(host, process, time, name, address));
  }

  #connect(host: Host, process: Process, time: number, label: Label): void {
    const connection: Connection = {
      initiated: true,
      sourceIp: host.ip,
      sourcePort: ephemeralPort(this.random),
      destinationIp: label.destinationIp,
      destinationPort: label.destinationPort,
      ...(label.destinationHostname === undefined
        ? {}
        : { destinationHostname: label.destinationHostname }),
    };
    this.#add(time, () => networkConnect(host, process, time, connection), label);
  }

  #label(
    kind: Label['kind'],
    host: Host,
    image: string,
    destination: { ip: string; port: number; name?: string },
    cadence: { intervalMs?: number; jitter?: number },
  ): Label {
    const { ip, port, name } = destination;
    const label: Label = {
      kind,
      computer: host.computer,
      image,
      destinationIp: ip,
      destinationPort: port,
      ...(name === undefined ? {} : { destinationHostname: name }),
      ...cadence,
      firstSeen: '',
      lastSeen: '',
      count: 0,
    };
    this.labels.push(label);
    return label;
  }

  /** An internet destination: the name, its address and the port. */
  #internet(name: string, port: number): { ip: string; port: number; name: string } {
    return { ip: this.world.resolve(name), port, name };
  }

  #add(timeMs: number, event: () => SysmonEvent, label?: Label): void {
    this.scheduled.push(label === undefined ? { timeMs, event } : { timeMs, event, label });
  }
}
