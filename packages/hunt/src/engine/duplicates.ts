/**
 * Records read twice: incident-response collections often hold the same log twice, or two
 * exports that overlap. A record is a duplicate when one with the same computer, channel,
 * EventRecordID and TimeCreated was already read; the same id at another time is a different
 * record (a log cleared and written again restarts its ids).
 *
 * Numeric ids are kept per channel as runs of consecutive ids with their times and computers (see
 * IdRuns): about 8 bytes a record, 10 when one log interleaves several computers' records (a
 * forwarded or a merged log). An id of the channel already taken by another computer (each host's
 * own log counts from 1) is kept in runs of that computer and channel instead. TODO: that is
 * still linear in the records read (about 8.5 MB of typed arrays per gigabyte of log); past tens
 * of gigabytes, runs that repeat a time pattern could be kept as ranges alone.
 */
import { parseIsoMs } from '../events/time.js';
import type { RecordFacts } from '../record.js';
import { CLAIMED, IdRuns } from './id-runs.js';

/** Remembers the records seen and recognises them when they come again. */
export class DuplicateRecords {
  /** Per channel, ids owned by the computer that gave them first. */
  readonly #byChannel = new Map<string, LogIds>();
  /** Per computer and channel, ids another computer of the channel had already given. */
  readonly #byLog = new Map<string, LogIds>();
  /** Computers numbered from 1, as owners of ids. */
  readonly #computers = new Map<string, number>();
  readonly #reused = new Set<string>();
  #duplicates = 0;

  /** Records recognised as duplicates so far. */
  get count(): number {
    return this.#duplicates;
  }

  /** True when an identical record was seen before; otherwise remembers this one. */
  isDuplicate(record: RecordFacts): boolean {
    const time = parseIsoMs(record.timeCreated) ?? -1;
    const owner = this.#ownerOf(record.computer);
    let seen = recall(logIds(this.#byChannel, record.channel), record.recordId, time, owner);
    if (seen === CLAIMED)
      seen = recall(logIds(this.#byLog, logKey(record)), record.recordId, time, 0);
    if (seen === undefined || seen === CLAIMED) return false;
    return this.#again(`${logKey(record)}|${record.recordId}|${time}`, seen === time);
  }

  #ownerOf(computer: string): number {
    let owner = this.#computers.get(computer);
    if (owner === undefined) {
      owner = this.#computers.size + 1;
      this.#computers.set(computer, owner);
    }
    return owner;
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

/** One log's ids: decimal ids in runs, anything else (rare) by its owner and text. */
interface LogIds {
  readonly numeric: IdRuns;
  readonly text: Map<string, number>;
}

function logKey(record: RecordFacts): string {
  return `${record.computer}|${record.channel}`;
}

function logIds(logs: Map<string, LogIds>, key: string): LogIds {
  let ids = logs.get(key);
  if (ids === undefined) {
    ids = { numeric: new IdRuns(), text: new Map() };
    logs.set(key, ids);
  }
  return ids;
}

/**
 * The time first seen with this id, undefined when it is new (and now remembered for `owner`),
 * or CLAIMED when another owner gave it first.
 */
function recall(
  ids: LogIds,
  recordId: string,
  time: number,
  owner: number,
): number | undefined | typeof CLAIMED {
  if (/^\d{1,15}$/.test(recordId)) return ids.numeric.recall(Number(recordId), time, owner);

  const key = `${owner} ${recordId}`;
  const seen = ids.text.get(key);
  if (seen === undefined) ids.text.set(key, time);
  return seen;
}
