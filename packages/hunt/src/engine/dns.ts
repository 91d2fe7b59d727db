/**
 * What each host asked DNS for (Sysmon Event ID 22) and which addresses came back, so a
 * connection can be named by the domain its process resolved rather than by Sysmon's
 * DestinationHostname, which is a reverse lookup and often empty or wrong.
 */
import type { DnsQuery } from '../events/activity.js';
import { TextPool } from '../events/text-pool.js';
import { IpMemo } from '../net/ip-memo.js';

/** Names kept per (computer, address); the oldest are dropped past this. */
export const NAMES_PER_ADDRESS_LIMIT = 16;

interface Resolution {
  readonly name: string;
  readonly processGuid: string | undefined;
  readonly image: string | undefined;
  readonly timeMs: number;
}

/** DNS answers by computer and address. */
export class DnsResolutions {
  readonly #byAddress = new Map<string, Resolution[]>();
  readonly #ips: IpMemo;
  readonly #pool: TextPool;

  /** `ips` parses the answers' addresses; `pool` shares the names and images kept. */
  constructor(ips: IpMemo = new IpMemo(), pool: TextPool = new TextPool()) {
    this.#ips = ips;
    this.#pool = pool;
  }

  /** Records the addresses one query returned. */
  add(query: DnsQuery): void {
    for (const address of query.resolvedAddresses) {
      const ip = this.#ips.parse(address);
      if (ip === undefined) continue;

      const key = `${query.computer}|${ip.text}`;
      let list = this.#byAddress.get(key);
      if (list === undefined) {
        list = [];
        this.#byAddress.set([query.computer, '|', ip.text].join(''), list);
      }
      list.push(this.#resolution(query));
      if (list.length > NAMES_PER_ADDRESS_LIMIT) list.shift();
    }
  }

  #resolution(query: DnsQuery): Resolution {
    const image = query.process.image?.toLowerCase();
    return {
      name: this.#pool.share(query.queryName),
      processGuid: query.process.guid,
      image: this.#pool.shareMaybe(image),
      timeMs: query.time.ms,
    };
  }

  /**
   * The name a process most likely resolved before connecting to `ip` (canonical text): the
   * latest answer to the same process (by GUID, else by image) at or before `timeMs`, else the
   * latest answer to any process on that computer; a query logged up to a minute after the
   * connection still counts, as Sysmon batches network events.
   */
  nameFor(computer: string, ip: string, process: ProcessKey, timeMs: number): string | undefined {
    const list = this.#byAddress.get(`${computer}|${ip}`);
    if (list === undefined) return undefined;

    const usable = list.filter((entry) => entry.timeMs <= timeMs + 60_000);
    const own = usable.filter((entry) => sameProcess(entry, process));
    return (own.at(-1) ?? usable.at(-1))?.name;
  }

  /** Every distinct name any process on the computer resolved to `ip`. */
  namesFor(computer: string, ip: string): readonly string[] {
    const list = this.#byAddress.get(`${computer}|${ip}`) ?? [];
    return [...new Set(list.map((entry) => entry.name))].sort();
  }
}

/** How a connection's process is matched to a query's. */
export interface ProcessKey {
  readonly guid: string | undefined;
  readonly image: string | undefined;
}

function sameProcess(entry: Resolution, process: ProcessKey): boolean {
  if (entry.processGuid !== undefined && process.guid !== undefined) {
    return entry.processGuid.toLowerCase() === process.guid.toLowerCase();
  }
  return entry.image !== undefined && entry.image === process.image?.toLowerCase();
}
