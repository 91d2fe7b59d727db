/**
 * The evidence of a connection series as columns rather than objects: per event its time (epoch
 * ms and the 100 ns ticks of its second), record id, event id and file (an index into a table of
 * names shared by every series, one byte while there are fewer than 256 names, then two, then
 * four), 19 bytes an event. Evidence objects are made only for the
 * events a finding lists (see findings/evidence-limit.ts). An event whose record id is not a
 * plain decimal number below 2^32 (every log counts from 1, so one would need four billion
 * records), or whose time is not in the usual ISO form, or that came from a recovered record
 * (rare: a damaged log), keeps its evidence object.
 */
import type { Activity } from '../events/activity.js';
import { listedPositions, type ListedEvidence } from '../findings/evidence-limit.js';
import type { Evidence } from '../findings/finding.js';
import { evidenceOf } from '../story/evidence.js';

/** The usual ISO form, `DDDD-DD-DDTDD:DD:DD.DDDDDDDZ`; `d` stands for a digit. */
const PLAIN_ISO = 'dddd-dd-ddTdd:dd:dd.dddddddZ';
/** The largest record id a column holds. */
const MAX_COLUMN_ID = 0xffff_ffff;
const FIRST_CAPACITY = 8;
const LARGE = 65_536;

/** File names by index, shared by every column set of one engine. */
export class FileNames {
  readonly #names: (string | undefined)[] = [undefined];
  readonly #index = new Map<string, number>();

  /** The index of `name`; 0 stands for no file. */
  indexOf(name: string | undefined): number {
    if (name === undefined) return 0;

    let index = this.#index.get(name);
    if (index === undefined) {
      index = this.#names.push(name) - 1;
      this.#index.set(name, index);
    }
    return index;
  }

  /** The name at `index`; undefined for 0. */
  nameAt(index: number): string | undefined {
    return this.#names[index];
  }
}

/** Growable columns of evidence, in the order added. */
export class EvidenceColumns {
  readonly #files: FileNames;
  #length = 0;
  #ms = new Float64Array(FIRST_CAPACITY);
  #ticks = new Uint32Array(FIRST_CAPACITY);
  #recordIds = new Uint32Array(FIRST_CAPACITY);
  #fileIndex: FileIndexes = new Uint8Array(FIRST_CAPACITY);
  #eventIds = new Uint16Array(FIRST_CAPACITY);
  /** Events that do not fit the columns, by position. */
  readonly #odd = new Map<number, Evidence>();
  /** Events from recovered records (kept in #odd). */
  #recovered = 0;
  /** The last listing, reused while nothing is added: several detections list one series. */
  #listing:
    { readonly length: number; readonly limit?: number; result: ListedEvidence } | undefined;

  constructor(files: FileNames) {
    this.#files = files;
  }

  /** Events added. */
  get length(): number {
    return this.#length;
  }

  /** Events added that came from recovered records. */
  get recovered(): number {
    return this.#recovered;
  }

  /** Every event's time in epoch ms, in the order added (a view: read it, do not keep it). */
  times(): Float64Array {
    return this.#ms.subarray(0, this.#length);
  }

  /** Adds the evidence of one activity. */
  add(activity: Activity): void {
    if (this.#length === this.#ms.length) this.#grow();
    const at = this.#length++;
    const { time, source } = activity;
    this.#ms[at] = time.ms;

    const recordId = plainId(source.recordId);
    const plain = isPlainIso(time.iso) && recordId !== undefined;
    if (!plain || source.eventId !== (source.eventId & 0xffff) || source.recovered === true) {
      this.#odd.set(at, evidenceOf(activity));
      if (source.recovered === true) this.#recovered++;
      return;
    }
    this.#ticks[at] = digitsAt(time.iso, 20, 27);
    this.#recordIds[at] = recordId;
    this.#setFile(at, this.#files.indexOf(source.file));
    this.#eventIds[at] = source.eventId;
  }

  /** The evidence of the event at `at`. */
  at(at: number): Evidence {
    const odd = this.#odd.get(at);
    if (odd !== undefined) return odd;

    const ticks = this.#ticks[at] ?? 0;
    const ms = this.#ms[at] ?? 0;
    const time = `${isoSeconds(ms - ticks / 10_000)}.${String(ticks).padStart(7, '0')}Z`;
    const evidence = { recordId: String(this.#recordIds[at]), eventId: this.#eventIds[at] ?? 0 };
    const file = this.#files.nameAt(this.#fileIndex[at] ?? 0);
    return file === undefined ? { ...evidence, time } : { file, ...evidence, time };
  }

  /**
   * The evidence a finding lists, in time order (ties in the order added): every event, or the
   * first and the last of them past `limit`.
   */
  listed(limit?: number): ListedEvidence {
    const last = this.#listing;
    if (last?.length === this.#length && last.limit === limit) return last.result;

    const order = this.#timeOrder();
    const positions = listedPositions(order.length, limit);
    const evidence = positions.map((position) => this.at(order[position] ?? 0));
    const result = { evidence, omitted: order.length - evidence.length };
    this.#listing = { length: this.#length, ...(limit === undefined ? {} : { limit }), result };
    return result;
  }

  /** Positions in time order; most logs arrive in order, so the sort is usually skipped. */
  #timeOrder(): Uint32Array {
    const order = new Uint32Array(this.#length).map((_, i) => i);
    for (let i = 1; i < order.length; i++) {
      if (this.#compare(i - 1, i) > 0) return order.sort((a, b) => this.#compare(a, b) || a - b);
    }
    return order;
  }

  /** Compares two events' times as their ISO texts compare. */
  #compare(a: number, b: number): number {
    if (this.#odd.size > 0 && (this.#odd.has(a) || this.#odd.has(b))) {
      const timeA = this.at(a).time;
      const timeB = this.at(b).time;
      return timeA < timeB ? -1 : timeA > timeB ? 1 : 0;
    }
    const ticksA = this.#ticks[a] ?? 0;
    const ticksB = this.#ticks[b] ?? 0;
    const secondsA = Math.round((this.#ms[a] ?? 0) - ticksA / 10_000);
    const secondsB = Math.round((this.#ms[b] ?? 0) - ticksB / 10_000);
    return secondsA - secondsB || ticksA - ticksB;
  }

  /** Files the index of file `index` at `at`, widening the column when it does not fit. */
  #setFile(at: number, index: number): void {
    if (index > 0xff && this.#fileIndex instanceof Uint8Array) {
      this.#fileIndex = copied(this.#fileIndex, new Uint16Array(this.#fileIndex.length));
    }
    if (index > 0xffff && !(this.#fileIndex instanceof Uint32Array)) {
      this.#fileIndex = copied(this.#fileIndex, new Uint32Array(this.#fileIndex.length));
    }
    this.#fileIndex[at] = index;
  }

  #grow(): void {
    const size = this.#ms.length;
    const capacity = size + (size < LARGE ? size : Math.ceil(size / 4));
    this.#ms = copied(this.#ms, new Float64Array(capacity));
    this.#ticks = copied(this.#ticks, new Uint32Array(capacity));
    this.#recordIds = copied(this.#recordIds, new Uint32Array(capacity));
    this.#fileIndex = copied(this.#fileIndex, sameKind(this.#fileIndex, capacity));
    this.#eventIds = copied(this.#eventIds, new Uint16Array(capacity));
  }
}

/** A file index column: as narrow as the number of file names allows. */
type FileIndexes = Uint8Array | Uint16Array | Uint32Array;

function copied<T extends Float64Array | FileIndexes>(from: FileIndexes | T, into: T): T {
  into.set(from);
  return into;
}

/** An empty column of `capacity` of the same width as `column`. */
function sameKind(column: FileIndexes, capacity: number): FileIndexes {
  if (column instanceof Uint8Array) return new Uint8Array(capacity);
  return column instanceof Uint16Array ? new Uint16Array(capacity) : new Uint32Array(capacity);
}

/**
 * The 100 ns ticks of the second a time falls in, when isoOfTicks(time.ms, ticks) gives its ISO
 * text back exactly; undefined otherwise (the caller keeps the time as it is).
 */
export function ticksOf(time: { readonly iso: string; readonly ms: number }): number | undefined {
  if (!isPlainIso(time.iso)) return undefined;

  const ticks = digitsAt(time.iso, 20, 27);
  return isoOfTicks(time.ms, ticks) === time.iso ? ticks : undefined;
}

/** The ISO text of a time kept as its epoch milliseconds and the ticks of its second. */
export function isoOfTicks(ms: number, ticks: number): string {
  return `${isoSeconds(ms - ticks / 10_000)}.${String(ticks).padStart(7, '0')}Z`;
}

/** True for a time in PLAIN_ISO form, checked by character code. */
function isPlainIso(iso: string): boolean {
  if (iso.length !== PLAIN_ISO.length) return false;
  for (let i = 0; i < iso.length; i++) {
    const code = iso.charCodeAt(i);
    const expected = PLAIN_ISO.charCodeAt(i);
    if (expected === 100 ? code < 48 || code > 57 : code !== expected) return false;
  }
  return true;
}

/** A decimal record id without leading zeros, up to MAX_COLUMN_ID; undefined otherwise. */
function plainId(text: string): number | undefined {
  if (text.length === 0 || text.length > 10 || (text.length > 1 && text.charCodeAt(0) === 48)) {
    return undefined;
  }
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value <= MAX_COLUMN_ID ? value : undefined;
}

/** The decimal number written in `text` from `from` to `to` (digits checked already). */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** `YYYY-MM-DDTHH:MM:SS` of the second an epoch-millisecond instant falls in. */
function isoSeconds(ms: number): string {
  return new Date(Math.floor(Math.round(ms) / 1000) * 1000).toISOString().slice(0, 19);
}
