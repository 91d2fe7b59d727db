/**
 * Records read twice: incident-response collections often hold the same log twice, or two
 * exports that overlap. A record is a duplicate when one with the same computer, channel,
 * EventRecordID and TimeCreated was already read; the same id at another time is a different
 * record (a log cleared and written again restarts its ids).
 *
 * Numeric ids are kept as runs of consecutive ids with their times (see IdRuns): about 8 bytes a
 * record. TODO: that is still linear in the records read (about 10 MB per gigabyte of log); past
 * tens of gigabytes, runs that repeat a time pattern could be kept as ranges alone.
 */
import { parseIsoTime } from '../events/time.js';
import type { EventRecord } from '../record.js';
import { IdRuns } from './id-runs.js';

/** Remembers the records seen and recognises them when they come again. */
export class DuplicateRecords {
  readonly #byLog = new Map<string, LogIds>();
  readonly #reused = new Set<string>();
  #duplicates = 0;

  /** Records recognised as duplicates so far. */
  get count(): number {
    return this.#duplicates;
  }

  /** True when an identical record was seen before; otherwise remembers this one. */
  isDuplicate(record: EventRecord): boolean {
    const log = `${record.computer}|${record.channel}`;
    let ids = this.#byLog.get(log);
    if (ids === undefined) {
      ids = { numeric: new IdRuns(), text: new Map() };
      this.#byLog.set(log, ids);
    }

    const time = parseIsoTime(record.timeCreated)?.ms ?? -1;
    const seen = recall(ids, record.recordId, time);
    if (seen === undefined) return false;
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

/** One log's ids: decimal ids in runs, anything else (rare) by its text. */
interface LogIds {
  readonly numeric: IdRuns;
  readonly text: Map<string, number>;
}

/** The time first seen with this id, or undefined when it is new (and now remembered). */
function recall(ids: LogIds, recordId: string, time: number): number | undefined {
  if (/^\d{1,15}$/.test(recordId)) return ids.numeric.recall(Number(recordId), time);

  const seen = ids.text.get(recordId);
  if (seen === undefined) ids.text.set(recordId, time);
  return seen;
}
