/**
 * The logged starts of each process id, per host, earliest first: Windows reuses process ids,
 * so a pid names a process only together with a time. Starts are the process table's entry
 * indexes. Most pids start once in a log, so one start is kept as its index alone, and a list
 * only for a pid that started again; hosts and pids are map keys of their own rather than one
 * text per pid (about 30 bytes a start instead of 150).
 */
import { hostKey } from './process-node.js';

/** Starts by host and pid. */
export class PidIndex {
  readonly #byHost = new Map<string, Map<number, number | number[]>>();

  /** The entries of the starts of `pid` on the host, earliest first (a copy). */
  starts(computer: string, pid: number): number[] {
    const found = this.#byHost.get(hostKey(computer))?.get(pid);
    if (found === undefined) return [];
    return typeof found === 'number' ? [found] : [...found];
  }

  /** Replaces the entries of the starts of `pid` on the host. */
  set(computer: string, pid: number, starts: readonly number[]): void {
    const host = hostKey(computer);
    let pids = this.#byHost.get(host);
    if (pids === undefined) {
      pids = new Map();
      this.#byHost.set(host, pids);
    }
    const [only] = starts;
    if (starts.length === 0) pids.delete(pid);
    else pids.set(pid, starts.length === 1 && only !== undefined ? only : [...starts]);
  }
}
