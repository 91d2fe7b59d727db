/**
 * The process table's entries as columns, one index per entry: numbers in typed arrays, text as
 * references to strings the table shares, and what few entries have (an end, a parent, a guid
 * logged in an unusual form, an ISO time the milliseconds do not give back) in maps of their own.
 * A node object is made only when a reader asks for one. An entry costs its key text and map
 * entry, six references and 32 bytes of typed arrays, where an object per entry with its
 * LoggedStart and guid text cost about 430 bytes of JS heap.
 *
 * Every field but the key, the computer and how the process is known starts absent and is
 * filled at most once (see fill()): the first event to say something about a process wins.
 */
import type { ProcessRef } from '../events/activity.js';
import { defined } from '../events/fields.js';
import type { EventTime } from '../events/time.js';
import { LoggedStart, type LoggedStartParts } from './logged-start.js';
import type { ProcessKey, ProcessKnownAs, ProcessNode } from './process-node.js';

const FIRST_CAPACITY = 1024;

const KNOWN_AS: readonly ProcessKnownAs[] = ['started', 'parent', 'seen'];
const ORIGINS = ['sysmon', 'security'] as const;
const NO_ORIGIN = 255;

/** How a guid was logged, against the normalised form at the end of its key. */
const GUID_ABSENT = 0;
const GUID_BRACED_LOWER = 1;
const GUID_BRACED_UPPER = 2;
const GUID_BARE_LOWER = 3;
const GUID_OTHER = 4;

/** What fill() copies into an entry: any node's fields but its key and start (see fillStart). */
export type ProcessFill = Omit<ProcessNode, 'key' | 'start'>;

/** Entries by index; see the module comment. */
export class ProcessColumns {
  readonly #keys: ProcessKey[] = [];
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
  readonly #ends = new Map<number, EventTime>();
  readonly #parents = new Map<number, ProcessRef>();

  /** Entries made, live or not. */
  get length(): number {
    return this.#keys.length;
  }

  /** A new entry knowing only its key, host and how it is known; its index. */
  create(key: ProcessKey, computer: string, knownAs: ProcessKnownAs): number {
    const index = this.#keys.length;
    if (index === this.#pid.length) this.#grow();

    this.#keys.push(key);
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
    for (const map of [this.#otherGuids, this.#isoTimes, this.#textIds, this.#ends]) {
      map.delete(index);
    }
    this.#parents.delete(index);
    this.#recoveredStarts.delete(index);
    this.#clear(index, knownAs);
  }

  key(index: number): ProcessKey {
    return this.#keys[index] ?? '';
  }

  computer(index: number): string {
    return this.#computers[index] ?? '';
  }

  knownAs(index: number): ProcessKnownAs {
    return KNOWN_AS[this.#knownAs[index] ?? 0] ?? 'seen';
  }

  /** ProcessGuid as logged. */
  guid(index: number): string | undefined {
    const form = this.#guidForm[index];
    if (form === GUID_ABSENT) return undefined;
    if (form === GUID_OTHER) return this.#otherGuids.get(index);

    const bare = this.key(index).slice(this.key(index).indexOf('\u0000') + 1);
    if (form === GUID_BARE_LOWER) return bare;
    return `{${form === GUID_BRACED_UPPER ? bare.toUpperCase() : bare}}`;
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
    return this.#ends.get(index)?.ms;
  }

  /** Copies what `from` knows and the entry does not; see fillMissing() for the rule. */
  fill(index: number, from: ProcessFill): void {
    if (from.guid !== undefined) this.#fillGuid(index, from.guid);
    if (from.pid !== undefined && this.pid(index) === undefined) this.#pid[index] = from.pid;
    this.#images[index] ??= from.image;
    this.#users[index] ??= from.user;
    this.#lines[index] ??= from.commandLine;
    if (from.end !== undefined) this.fillEnd(index, from.end);
    if (from.parent !== undefined && !this.#parents.has(index)) {
      this.#parents.set(index, from.parent);
    }
    this.#fillKnownAs(index, from.knownAs);
  }

  /** Sets when the process ended, when the entry has no end. */
  fillEnd(index: number, end: EventTime): void {
    if (!this.#ends.has(index)) this.#ends.set(index, end);
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
        end: this.#ends.get(index),
        parent: this.#parents.get(index),
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

    const bare = this.key(index).slice(this.key(index).indexOf('\u0000') + 1);
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

  #clear(index: number, knownAs: ProcessKnownAs): void {
    this.#knownAs[index] = KNOWN_AS.indexOf(knownAs);
    this.#guidForm[index] = GUID_ABSENT;
    this.#origin[index] = NO_ORIGIN;
    this.#eventId[index] = 0;
    this.#pid[index] = NaN;
    this.#startMs[index] = 0;
    this.#recordId[index] = NaN;
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
  }
}

/**
 * How `guid` is written against `bare`, the normalised form its key holds; GUID_OTHER when it is
 * none of the usual forms (then the text is kept as it is).
 */
function guidForm(guid: string, bare: string): number {
  if (guid === bare) return GUID_BARE_LOWER;
  if (guid.length !== bare.length + 2 || !guid.startsWith('{') || !guid.endsWith('}')) {
    return GUID_OTHER;
  }
  const inner = guid.slice(1, -1);
  if (inner === bare) return GUID_BRACED_LOWER;
  return inner === bare.toUpperCase() ? GUID_BRACED_UPPER : GUID_OTHER;
}

function grown<T extends Uint8Array | Uint32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
