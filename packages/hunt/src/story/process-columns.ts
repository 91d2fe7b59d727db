/**
 * The process table's entries as columns, one index per entry: numbers in typed arrays, text as
 * references to strings the table shares, and what few entries have (an end, a parent, a guid
 * logged in an unusual form, an ISO time the milliseconds do not give back) in maps of their own.
 * A node object is made only when a reader asks for one. An entry costs six references and 32
 * bytes of typed arrays, and its key (ProcessKeys: 20 more bytes of typed arrays for a guid key),
 * where an object per entry with its LoggedStart and guid text cost about 430 bytes of JS heap.
 *
 * Every field but the key, the computer and how the process is known starts absent and is
 * filled at most once (see fill()): the first event to say something about a process wins.
 */
import type { ProcessRef } from '../events/activity.js';
import { defined } from '../events/fields.js';
import type { EventTime } from '../events/time.js';
import { isoOfTicks, ticksOf } from '../engine/evidence-columns.js';
import { GUID_ABSENT, GUID_OTHER, guidForm, guidOfForm } from './guid-form.js';
import { LoggedStart, type LoggedStartParts } from './logged-start.js';
import { ParentColumns } from './parent-columns.js';
import type { ProcessKeys } from './process-keys.js';
import type { ProcessKey, ProcessKnownAs, ProcessNode } from './process-node.js';

const FIRST_CAPACITY = 1024;

const KNOWN_AS: readonly ProcessKnownAs[] = ['started', 'parent', 'seen'];
const ORIGINS = ['sysmon', 'security'] as const;
const NO_ORIGIN = 255;

/** What fill() copies into an entry: any node's fields but its key and start (see fillStart). */
export type ProcessFill = Omit<ProcessNode, 'key' | 'start'>;

/** Entries by index; see the module comment. */
export class ProcessColumns {
  readonly #keys: ProcessKeys;
  readonly #computers: string[] = [];
  readonly #images: (string | undefined)[] = [];
  readonly #users: (string | undefined)[] = [];
  readonly #lines: (string | undefined)[] = [];
  readonly #files: (string | undefined)[] = [];
  #knownAs = new Uint8Array(FIRST_CAPACITY);
  #guidForm = new Uint8Array(FIRST_CAPACITY);
  #origin = new Uint8Array(FIRST_CAPACITY);
  #eventId = new Uint32Array(FIRST_CAPACITY);
  /** NaN when absent. */
  #pid = new Float64Array(FIRST_CAPACITY);
  #startMs = new Float64Array(FIRST_CAPACITY);
  /** The record id when it is a number (see LoggedStartParts), else NaN and kept in #textIds. */
  #recordId = new Float64Array(FIRST_CAPACITY);
  readonly #otherGuids = new Map<number, string>();
  readonly #isoTimes = new Map<number, string>();
  readonly #textIds = new Map<number, string>();
  /** Entries whose start came from a recovered record. */
  readonly #recoveredStarts = new Set<number>();
  /** When the process ended: NaN when not logged; ticks as EvidenceColumns keeps them. */
  #endMs = new Float64Array(FIRST_CAPACITY);
  #endTicks = new Uint32Array(FIRST_CAPACITY);
  /** Ends whose ISO text the two columns do not give back. */
  readonly #oddEnds = new Map<number, EventTime>();
  readonly #parents = new ParentColumns();

  /** `keys` keeps each entry's key; the columns keep the rest. */
  constructor(keys: ProcessKeys) {
    this.#keys = keys;
  }

  /** Entries made, live or not. */
  get length(): number {
    return this.#keys.length;
  }

  /** A new entry knowing only its key, host and how it is known; its index. */
  create(key: ProcessKey, computer: string, knownAs: ProcessKnownAs): number {
    const index = this.#keys.push(key);
    if (index === this.#pid.length) this.#grow();

    this.#computers.push(computer);
    this.#images.push(undefined);
    this.#users.push(undefined);
    this.#lines.push(undefined);
    this.#files.push(undefined);
    this.#clear(index, knownAs);
    return index;
  }

  /** Makes the entry at `index` new again, as create() would, keeping its key and place. */
  reset(index: number, computer: string, knownAs: ProcessKnownAs): void {
    this.#computers[index] = computer;
    this.#images[index] = undefined;
    this.#users[index] = undefined;
    this.#lines[index] = undefined;
    this.#files[index] = undefined;
    for (const map of [this.#otherGuids, this.#isoTimes, this.#textIds, this.#oddEnds]) {
      map.delete(index);
    }
    this.#parents.delete(index);
    this.#recoveredStarts.delete(index);
    this.#clear(index, knownAs);
  }

  key(index: number): ProcessKey {
    return this.#keys.key(index);
  }

  computer(index: number): string {
    return this.#computers[index] ?? '';
  }

  knownAs(index: number): ProcessKnownAs {
    return KNOWN_AS[this.#knownAs[index] ?? 0] ?? 'seen';
  }

  /** ProcessGuid as logged. */
  guid(index: number): string | undefined {
    const form = this.#guidForm[index] ?? GUID_ABSENT;
    if (form === GUID_ABSENT) return undefined;
    if (form === GUID_OTHER) return this.#otherGuids.get(index);

    return guidOfForm(form, this.#bare(index));
  }

  /** True when the entry has a ProcessGuid, without making its text. */
  hasGuid(index: number): boolean {
    return this.#guidForm[index] !== GUID_ABSENT;
  }

  pid(index: number): number | undefined {
    const pid = this.#pid[index] ?? NaN;
    return Number.isNaN(pid) ? undefined : pid;
  }

  image(index: number): string | undefined {
    return this.#images[index];
  }

  user(index: number): string | undefined {
    return this.#users[index];
  }

  /** True when the entry's own start is logged. */
  hasStart(index: number): boolean {
    return this.#origin[index] !== NO_ORIGIN;
  }

  /** The start's origin; only for an entry whose start is logged. */
  origin(index: number): 'sysmon' | 'security' {
    return ORIGINS[this.#origin[index] ?? 0] ?? 'sysmon';
  }

  /** The start's time in epoch milliseconds; only for an entry whose start is logged. */
  startMs(index: number): number {
    return this.#startMs[index] ?? 0;
  }

  /** When the entry's end was logged. */
  endMs(index: number): number | undefined {
    const ms = this.#endMs[index] ?? NaN;
    return Number.isNaN(ms) ? this.#oddEnds.get(index)?.ms : ms;
  }

  /** Copies what `from` knows and the entry does not; see fillMissing() for the rule. */
  fill(index: number, from: ProcessFill): void {
    if (from.guid !== undefined) this.#fillGuid(index, from.guid);
    if (from.pid !== undefined && this.pid(index) === undefined) this.#pid[index] = from.pid;
    this.#images[index] ??= from.image;
    this.#users[index] ??= from.user;
    this.#lines[index] ??= from.commandLine;
    if (from.end !== undefined) this.fillEnd(index, from.end);
    if (from.parent !== undefined) this.fillParent(index, from.parent);
    this.#fillKnownAs(index, from.knownAs);
  }

  /**
   * Sets the parent a start names, when the entry has none. `entry` is the entry the parent's
   * guid names, when the table has one for it: the guid is then kept as that entry and a form.
   */
  fillParent(index: number, parent: ProcessRef, entry?: number): void {
    if (this.#parents.has(index)) return;

    const named = entry === undefined ? undefined : { entry, bare: this.#bare(entry) };
    this.#parents.set(index, parent, named);
  }

  /** Sets when the process ended, when the entry has no end. */
  fillEnd(index: number, end: EventTime): void {
    if (this.#hasEnd(index)) return;

    const ticks = ticksOf(end);
    if (ticks === undefined || Number.isNaN(end.ms)) {
      this.#oddEnds.set(index, end);
      return;
    }
    this.#endMs[index] = end.ms;
    this.#endTicks[index] = ticks;
  }

  /** Sets the start from its parts, when the entry has none. */
  fillStart(index: number, start: LoggedStartParts): void {
    if (this.hasStart(index)) return;

    this.#origin[index] = ORIGINS.indexOf(start.origin);
    this.#startMs[index] = start.ms;
    if (start.iso !== undefined) this.#isoTimes.set(index, start.iso);
    this.#files[index] = start.file;
    this.#eventId[index] = start.eventId;
    if (typeof start.recordId === 'number') this.#recordId[index] = start.recordId;
    else this.#textIds.set(index, start.recordId);
    if (start.recovered === true) this.#recoveredStarts.add(index);
  }

  /** The entry as a node, made afresh on each call; absent fields are not properties. */
  node(index: number): ProcessNode {
    const known = { key: this.key(index), computer: this.computer(index) };
    return {
      ...known,
      knownAs: this.knownAs(index),
      ...defined({
        guid: this.guid(index),
        pid: this.pid(index),
        image: this.#images[index],
        user: this.#users[index],
        commandLine: this.#lines[index],
        start: this.hasStart(index) ? new LoggedStart(this.startParts(index)) : undefined,
        end: this.#end(index),
        parent: this.#parents.get(index, (entry) => this.#bare(entry)),
      }),
    };
  }

  /** The start's parts; only for an entry whose start is logged. */
  startParts(index: number): LoggedStartParts {
    const recordId = this.#recordId[index] ?? NaN;
    return {
      origin: this.origin(index),
      ms: this.startMs(index),
      iso: this.#isoTimes.get(index),
      file: this.#files[index],
      recordId: Number.isNaN(recordId) ? (this.#textIds.get(index) ?? '') : recordId,
      eventId: this.#eventId[index] ?? 0,
      ...(this.#recoveredStarts.has(index) ? { recovered: true as const } : {}),
    };
  }

  #fillGuid(index: number, guid: string): void {
    if (this.#guidForm[index] !== GUID_ABSENT) return;

    const bare = this.#bare(index);
    const form = guidForm(guid, bare);
    this.#guidForm[index] = form;
    if (form === GUID_OTHER) this.#otherGuids.set(index, guid);
  }

  /** A start, or a parent named where only an acting process was known, says more. */
  #fillKnownAs(index: number, knownAs: ProcessKnownAs): void {
    const now = this.knownAs(index);
    if (knownAs === 'started' || (knownAs === 'parent' && now === 'seen')) {
      this.#knownAs[index] = KNOWN_AS.indexOf(knownAs);
    }
  }

  #hasEnd(index: number): boolean {
    return !Number.isNaN(this.#endMs[index] ?? NaN) || this.#oddEnds.has(index);
  }

  #end(index: number): EventTime | undefined {
    const odd = this.#oddEnds.get(index);
    if (odd !== undefined) return odd;

    const ms = this.#endMs[index] ?? NaN;
    return Number.isNaN(ms) ? undefined : { iso: isoOfTicks(ms, this.#endTicks[index] ?? 0), ms };
  }

  /** What follows the first NUL of the key: the normalised guid, for a guid key. */
  #bare(index: number): string {
    const guid = this.#keys.guidText(index);
    if (guid !== undefined) return guid;

    const key = this.key(index);
    return key.slice(key.indexOf('\u0000') + 1);
  }

  #clear(index: number, knownAs: ProcessKnownAs): void {
    this.#knownAs[index] = KNOWN_AS.indexOf(knownAs);
    this.#guidForm[index] = GUID_ABSENT;
    this.#origin[index] = NO_ORIGIN;
    this.#eventId[index] = 0;
    this.#pid[index] = NaN;
    this.#startMs[index] = 0;
    this.#recordId[index] = NaN;
    this.#endMs[index] = NaN;
    this.#endTicks[index] = 0;
  }

  #grow(): void {
    // Doubled each time: a typed array costs its size in memory, with no heap growth around it.
    const capacity = this.#pid.length * 2;
    this.#knownAs = grown(this.#knownAs, new Uint8Array(capacity));
    this.#guidForm = grown(this.#guidForm, new Uint8Array(capacity));
    this.#origin = grown(this.#origin, new Uint8Array(capacity));
    this.#eventId = grown(this.#eventId, new Uint32Array(capacity));
    this.#pid = grown(this.#pid, new Float64Array(capacity));
    this.#startMs = grown(this.#startMs, new Float64Array(capacity));
    this.#recordId = grown(this.#recordId, new Float64Array(capacity));
    this.#endMs = grown(this.#endMs, new Float64Array(capacity));
    this.#endTicks = grown(this.#endTicks, new Uint32Array(capacity));
  }
}

function grown<T extends Uint8Array | Uint32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
