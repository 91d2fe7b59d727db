/**
 * Records read twice: incident-response collections often hold the same log twice, or two
 * exports that overlap. A record is a duplicate when one with the same computer, channel,
 * EventRecordID and TimeCreated was already read; the same id at another time is a different
 * record (a log cleared and written again restarts its ids).
 *
 * TODO: one map entry per record read grows with the input (tens of bytes a record); runs of
 * consecutive ids could be kept as ranges to make this flat for multi-gigabyte inputs (P4).
 */
import { parseIsoTime } from '../events/time.js';
import type { EventRecord } from '../record.js';

/** Remembers the records seen and recognises them when they come again. */
export class DuplicateRecords {
  readonly #byLog = new Map<string, Map<number | string, number>>();
  readonly #reused = new Set<string>();
  #duplicates = 0;

  /** Records recognised as duplicates so far. */
  get count(): number {
    return this.#duplicates;
  }

  /** True when an identical record was seen before; otherwise remembers this one. */
  isDuplicate(record: EventRecord): boolean {
    const log = `${record.computer}|${record.channel}`;
    const ids = this.#byLog.get(log) ?? new Map<number | string, number>();
    this.#byLog.set(log, ids);

    const id = /^\d{1,15}$/.test(record.recordId) ? Number(record.recordId) : record.recordId;
    const time = parseIsoTime(record.timeCreated)?.ms ?? -1;
    const seen = ids.get(id);
    if (seen === undefined) {
      ids.set(id, time);
      return false;
    }
    return this.#again(`${log}|${record.recordId}|${time}`, seen === time);
  }

  #again(key: string, sameAsFirst: boolean): boolean {
    if (sameAsFirst || this.#reused.has(key)) {
      this.#duplicates++;
      return true;
    }
    this.#reused.add(key);
    return false;
  }
}
