/**
 * The logged starts of each process id, per host, earliest first: Windows reuses process ids,
 * so a pid names a process only together with a time. Most pids start once in a log, so one
 * start is kept as its key alone, and a list only for a pid that started again; hosts and pids
 * are map keys of their own rather than one text per pid (about 30 bytes a start instead of 150).
 */
import { hostKey, type ProcessKey } from './process-node.js';

/** Starts by host and pid. */
export class PidIndex {
  readonly #byHost = new Map<string, Map<number, ProcessKey | ProcessKey[]>>();

  /** The keys of the starts of `pid` on the host, earliest first (a copy). */
  keys(computer: string, pid: number): ProcessKey[] {
    const found = this.#byHost.get(hostKey(computer))?.get(pid);
    if (found === undefined) return [];
    return typeof found === 'string' ? [found] : [...found];
  }

  /** Replaces the keys of the starts of `pid` on the host. */
  set(computer: string, pid: number, keys: readonly ProcessKey[]): void {
    const host = hostKey(computer);
    let pids = this.#byHost.get(host);
    if (pids === undefined) {
      pids = new Map();
      this.#byHost.set(host, pids);
    }
    const [only] = keys;
    if (keys.length === 0) pids.delete(pid);
    else pids.set(pid, keys.length === 1 && only !== undefined ? only : [...keys]);
  }
}
