/**
 * Who started whom, per host. Sysmon names processes by ProcessGuid; Security 4688 names them
 * only by process id, which Windows reuses, so a pid means "the latest start of that pid on that
 * host at or before the time". The table keeps one compact entry per process and resolves
 * parents only when asked, so starts may arrive in any order (several files, several hosts).
 *
 * Entries are columns (story/process-columns.ts); a node object is made only when asked for.
 * Measured on the generated 1 GB log (1,020,099 records, heap after a forced GC), the hunt
 * engine's JS heap went from 59.7 to 44.4 MB with them (58.5 to 43.5 bytes a record) for 4 MB
 * more of typed arrays.
 *
 * Keys are kept as the host's index and the guid's 128 bits (story/process-keys.ts), the starts
 * of a pid as entry indexes, and readers file their facts by entry index (indexOfGuid): over the
 * generated 1 GB log of 2026-12-05 (1,044,695 records) the hunt engine's JS heap went from 43.9
 * to 29.1 MB for 4.3 MB more of typed arrays.
 *
 * TODO: the starts of each pid are still maps per host (PidIndex, about 30 bytes a start).
 */
import type { ProcessEnd, ProcessRef, ProcessStart } from '../events/activity.js';
import { defined } from '../events/fields.js';
import { TextPool } from '../events/text-pool.js';
import { evidenceOf } from './evidence.js';
import { LoggedStart } from './logged-start.js';
import { PidIndex } from './pid-index.js';
import { ProcessColumns } from './process-columns.js';
import { ProcessKeys } from './process-keys.js';
import {
  guidKey,
  sameImage,
  startKey,
  type ProcessKey,
  type ProcessKnownAs,
  type ProcessNode,
} from './process-node.js';

/** How many ancestors parentChain() follows before it stops. */
export const PARENT_CHAIN_DEPTH_LIMIT = 64;

/**
 * A Sysmon Event ID 1 and a Security 4688 of the same pid on the same host this close together
 * (and with the same image) are one process logged twice, and share one entry.
 */
export const SAME_START_TOLERANCE_MS = 1000;

/** Why parentChain() stopped: a start naming no parent, a parent whose start is not logged,
 * a parent already in the chain, or PARENT_CHAIN_DEPTH_LIMIT. */
export type ParentChainEnd = 'root' | 'start-not-logged' | 'cycle' | 'depth-limit';

/** A process's ancestors, its parent first. */
export interface ParentChain {
  readonly ancestors: readonly ProcessNode[];
  readonly end: ParentChainEnd;
}

/** How a table is set up. */
/**
 * A process noteInto() found: its index in the table (see indexOfGuid) and its image, when
 * known.
 */
export interface NotedProcess {
  index: number;
  image: string | undefined;
}

export interface ProcessTableOptions {
  /** Shares the computers, images, users and file names the table keeps; its own if absent. */
  readonly pool?: TextPool;
  /**
   * False to keep no parents: starts keep no `parent` and name no parent process, so parentOf()
   * and parentChain() find none. For a reader that never asks (the hunt engine's chains), it
   * saves about a fifth of the table. Default true.
   */
  readonly parents?: boolean;
}

/** Processes by host, guid and pid; see the module comment. */
export class ProcessTable {
  /** Each entry's key, and the entries filed under their keys. */
  readonly #keys = new ProcessKeys();
  readonly #columns = new ProcessColumns(this.#keys);
  /** Keys of entries merged into another entry, to the key that absorbed them. */
  readonly #merged = new Map<ProcessKey, ProcessKey>();
  /**
   * Guid keys #indexOfId() cannot find by the key alone: those of processes filed under another key
   * (a Security 4688 start its Sysmon twin joined), and those holding a space.
   */
  readonly #guidKeys = new Map<string, ProcessKey>();
  /** Per host and pid: the entries of the logged starts of that pid, earliest first. */
  readonly #starts = new PidIndex();
  readonly #pool: TextPool;
  /** Command lines, shared apart from the names so that they cannot crowd the names out. */
  readonly #lines = new TextPool();

  readonly #parents: boolean;

  constructor(options: ProcessTableOptions = {}) {
    this.#pool = options.pool ?? new TextPool();
    this.#parents = options.parents ?? true;
  }

  /** Processes known, whether started, named as a parent or seen acting. */
  get size(): number {
    return this.#keys.size;
  }

  /** Records a process start or end; returns the key of the process it is about. */
  add(activity: ProcessStart | ProcessEnd): ProcessKey | undefined {
    const index =
      activity.kind === 'process-start' ? this.#addStart(activity) : this.#addEnd(activity);
    return index === undefined ? undefined : this.#columns.key(index);
  }

  /**
   * Records a process some event names (a Sysmon 3, 11 or 22 names the process acting); returns
   * its key. Only a ProcessGuid can name a process without a time; otherwise undefined.
   */
  note(computer: string, process: ProcessRef): ProcessKey | undefined {
    if (!hasGuid(process)) return undefined;
    return this.#columns.key(this.#noteByGuid(computer, process, 'seen'));
  }

  /** note() without making the key's text, for a reader that does not want it. */
  learn(computer: string, process: ProcessRef): void {
    if (hasGuid(process)) this.#noteByGuid(computer, process, 'seen');
  }

  /**
   * note() for a reader that also wants the process's image and already made its guid key
   * (`id`, guidKey of the host and the guid): the index and image from one lookup, in `into`.
   * False, `into` untouched, when the process has no usable guid.
   */
  noteInto(computer: string, process: ProcessRef, id: ProcessKey, into: NotedProcess): boolean {
    if (!hasGuid(process)) return false;

    const index = this.#noteByGuid(computer, process, 'seen', id);
    into.index = index;
    into.image = this.#columns.image(index);
    return true;
  }

  /**
   * The index of the entry of the process with this ProcessGuid on this host. An entry that
   * holds a guid is never merged into another (only a start without one is a twin that gets
   * absorbed), so a guid keeps its index once the table knows it: a reader may file its own
   * facts by it.
   */
  indexOfGuid(computer: string, guid: string): number | undefined {
    return this.#indexByGuid(computer, guid);
  }

  /** The process with this key (or the one it was merged into). */
  get(key: ProcessKey): ProcessNode | undefined {
    const index = this.#entry(key);
    return index === undefined ? undefined : this.#columns.node(index);
  }

  /** The index of the entry of the process with this key (or the one it was merged into). */
  indexOfKey(key: ProcessKey): number | undefined {
    return this.#entry(key);
  }

  /** The image of the process with this key, without making its node. */
  imageOf(key: ProcessKey): string | undefined {
    const index = this.#entry(key);
    return index === undefined ? undefined : this.#columns.image(index);
  }

  /** Every process, in the order first seen. */
  *nodes(): IterableIterator<ProcessNode> {
    for (let index = 0; index < this.#columns.length; index++) {
      if (this.#keys.isFiled(index)) yield this.#columns.node(index);
    }
  }

  /** The process with this ProcessGuid on this host. */
  findByGuid(computer: string, guid: string): ProcessNode | undefined {
    const index = this.#indexByGuid(computer, guid);
    return index === undefined ? undefined : this.#columns.node(index);
  }

  /** findByGuid(computer, guid)?.key, without making the node. */
  keyOfGuid(computer: string, guid: string): ProcessKey | undefined {
    const index = this.#indexByGuid(computer, guid);
    return index === undefined ? undefined : this.#columns.key(index);
  }

  /**
   * The process that had `pid` on this host at `timeMs`: the latest logged start of that pid at
   * or before the time, unless its end was logged before the time.
   */
  findByPid(computer: string, pid: number, timeMs: number): ProcessNode | undefined {
    const index = this.#indexByPid(computer, pid, timeMs);
    return index === undefined ? undefined : this.#columns.node(index);
  }

  /** The process an event names: by ProcessGuid when it has one, else by pid at `timeMs`. */
  find(computer: string, process: ProcessRef, timeMs: number): ProcessNode | undefined {
    if (hasGuid(process)) return this.findByGuid(computer, process.guid);
    return process.pid === undefined ? undefined : this.findByPid(computer, process.pid, timeMs);
  }

  /**
   * The parent of a process. A parent whose own start is not logged is still a node, made of
   * what the child's start says about it; one named only by pid is not kept in the table.
   */
  parentOf(node: ProcessNode): ProcessNode | undefined {
    const ref = node.parent;
    if (ref === undefined) return undefined;
    if (hasGuid(ref)) return this.findByGuid(node.computer, ref.guid);
    if (ref.pid === undefined && ref.image === undefined) return undefined;

    const found = ref.pid === undefined ? undefined : this.#startedBefore(node, ref.pid);
    if (found !== undefined) return found;
    return { key: `${node.key}\u0000parent`, computer: node.computer, knownAs: 'parent', ...ref };
  }

  /** The ancestors of a process, its parent first, up to the root or a stop (see end). */
  parentChain(key: ProcessKey): ParentChain {
    let current = this.get(key);
    if (current === undefined) throw new RangeError(`No process with key ${JSON.stringify(key)}`);

    const ancestors: ProcessNode[] = [];
    const visited = new Set([current.key]);
    for (;;) {
      const parent = this.parentOf(current);
      if (parent === undefined) {
        return { ancestors, end: current.knownAs === 'started' ? 'root' : 'start-not-logged' };
      }
      if (visited.has(parent.key)) return { ancestors, end: 'cycle' };
      if (ancestors.length >= PARENT_CHAIN_DEPTH_LIMIT) return { ancestors, end: 'depth-limit' };

      ancestors.push(parent);
      visited.add(parent.key);
      current = parent;
    }
  }

  #indexByGuid(computer: string, guid: string): number | undefined {
    return this.#indexOfId(guidKey(computer, guid));
  }

  #indexByPid(computer: string, pid: number, timeMs: number): number | undefined {
    const columns = this.#columns;
    const starts = this.#starts.starts(computer, pid);
    for (let i = starts.length - 1; i >= 0; i--) {
      const index = starts[i] ?? 0;
      if (!columns.hasStart(index) || columns.startMs(index) > timeMs) continue;

      const endMs = columns.endMs(index);
      return endMs !== undefined && endMs < timeMs ? undefined : index;
    }
    return undefined;
  }

  #startedBefore(child: ProcessNode, pid: number): ProcessNode | undefined {
    if (child.start === undefined) return undefined;

    const found = this.findByPid(child.computer, pid, child.start.time.ms);
    return found?.key === child.key ? undefined : found;
  }

  #addStart(start: ProcessStart): number {
    const index = this.#entryForStart(start);
    const { commandLine } = start;
    this.#columns.fill(index, {
      computer: start.computer,
      knownAs: 'started',
      ...this.#shared(withUsableGuid(start.process)),
      ...(commandLine === undefined ? {} : { commandLine: this.#lines.share(commandLine) }),
    });
    this.#columns.fillStart(index, LoggedStart.partsOf(this.#loggedStart(start)));
    this.#indexStart(index);
    if (!this.#parents) return index;

    // The parent is filled after the start, as when it was a field of it: a start naming
    // itself as parent still takes its own image first.
    const parent = hasGuid(start.parent)
      ? this.#noteByGuid(start.computer, start.parent, 'parent')
      : undefined;
    this.#columns.fillParent(index, this.#shared(start.parent), parent);
    return index;
  }

  #loggedStart(start: ProcessStart): LoggedStart {
    return LoggedStart.of(start, this.#pool.shareMaybe(start.source.file));
  }

  /** The entry a start fills: its guid's, its twin's from the other log, both merged, or new. */
  #entryForStart(start: ProcessStart): number {
    const guid = usableGuid(start.process);
    const byGuid = guid === undefined ? undefined : this.#indexOfId(guidKey(start.computer, guid));
    const twin = this.#twinOf(start);

    if (byGuid !== undefined && twin !== undefined && twin !== byGuid) {
      return this.#absorb(byGuid, twin);
    }
    if (byGuid !== undefined) return byGuid;
    if (twin !== undefined && guid !== undefined) {
      this.#guidKeys.set(guidKey(start.computer, guid), this.#columns.key(twin));
    }
    return twin ?? this.#create(start);
  }

  /** The same process already started from the other log (Sysmon 1 versus Security 4688). */
  #twinOf(start: ProcessStart): number | undefined {
    const { pid, image } = start.process;
    const guid = usableGuid(start.process);
    if (pid === undefined) return undefined;

    const columns = this.#columns;
    for (const index of this.#starts.starts(start.computer, pid)) {
      if (!columns.hasStart(index)) continue;
      if (columns.origin(index) === start.origin) continue;
      if (Math.abs(columns.startMs(index) - start.time.ms) > SAME_START_TOLERANCE_MS) continue;
      if (!sameImage(columns.image(index), image)) continue;
      if (columns.guid(index) !== undefined && guid !== undefined) continue;
      return index;
    }
    return undefined;
  }

  #create(start: ProcessStart): number {
    const { pid } = start.process;
    const guid = usableGuid(start.process);
    const key =
      guid === undefined
        ? startKey(start.computer, pid, evidenceOf(start))
        : guidKey(start.computer, guid);
    const computer = this.#pool.share(start.computer);
    const index = this.#filed(key, computer, 'started');

    if (guid !== undefined && key.includes(' ')) this.#guidKeys.set(key, key);
    return index;
  }

  /**
   * A new entry filed under `key`. A key already filed (a second start of a pid at the same time,
   * with no guid) is made new again where it stands, as a map keeps a key's place when set again.
   */
  #filed(key: ProcessKey, computer: string, knownAs: ProcessKnownAs): number {
    const filed = this.#keys.indexOf(key);
    if (filed !== undefined) {
      this.#columns.reset(filed, computer, knownAs);
      return filed;
    }
    const index = this.#columns.create(key, computer, knownAs);
    this.#keys.file(index);
    return index;
  }

  /** Merges `twin` into `keep`: one entry, every later lookup of twin's key finds keep. */
  #absorb(keep: number, twin: number): number {
    const columns = this.#columns;
    const twinKey = columns.key(twin);
    const keepKey = columns.key(keep);
    columns.fill(keep, columns.node(twin));
    if (columns.hasStart(twin)) columns.fillStart(keep, columns.startParts(twin));

    this.#keys.unfile(twin);
    this.#merged.set(twinKey, keepKey);
    for (const [from, to] of this.#merged) if (to === twinKey) this.#merged.set(from, keepKey);

    const pid = columns.pid(twin);
    if (pid !== undefined) {
      const computer = columns.computer(twin);
      const list = this.#starts.starts(computer, pid);
      list.splice(list.indexOf(twin), 1);
      this.#starts.set(computer, pid, list);
    }
    return keep;
  }

  /** Lists the entry under its host and pid, keeping the list in start-time order. */
  #indexStart(index: number): void {
    const columns = this.#columns;
    const pid = columns.pid(index);
    if (pid === undefined || !columns.hasStart(index)) return;

    const computer = columns.computer(index);
    const list = this.#starts.starts(computer, pid);
    if (list.includes(index)) return;

    const ms = columns.startMs(index);
    const at = list.findIndex((other) => this.#startMsOf(other) > ms);
    list.splice(at === -1 ? list.length : at, 0, index);
    this.#starts.set(computer, pid, list);
  }

  /** The start time of the entry; 0 when its start is not logged. */
  #startMsOf(index: number): number {
    return this.#columns.hasStart(index) ? this.#columns.startMs(index) : 0;
  }

  #noteByGuid(
    computer: string,
    process: ProcessRef,
    knownAs: 'parent' | 'seen',
    id: ProcessKey = guidKey(computer, process.guid ?? ''),
  ): number {
    let index = this.#indexOfId(id);

    if (index === undefined) {
      index = this.#filed(id, this.#pool.share(computer), knownAs);
      if (id.includes(' ')) this.#guidKeys.set(id, id);
    }
    // Most events name a process the table knows all about: nothing to copy, nothing to share.
    if (this.#tellsMore(index, process, knownAs)) {
      this.#columns.fill(index, { computer, knownAs, ...this.#shared(process) });
    }
    return index;
  }

  /** True when the reference says something about the process that its entry does not yet. */
  #tellsMore(index: number, process: ProcessRef, knownAs: ProcessKnownAs): boolean {
    const columns = this.#columns;
    if (knownAs === 'parent' && columns.knownAs(index) === 'seen') return true;
    if (process.guid !== undefined && !columns.hasGuid(index)) return true;
    if (process.pid !== undefined && columns.pid(index) === undefined) return true;
    if (process.image !== undefined && columns.image(index) === undefined) return true;
    return process.user !== undefined && columns.user(index) === undefined;
  }

  /** A copy of the reference with its image and user shared through the pool. */
  #shared(process: ProcessRef): ProcessRef {
    const { guid, pid } = process;
    const image = this.#pool.shareMaybe(process.image);
    return defined({ guid, pid, image, user: this.#pool.shareMaybe(process.user) });
  }

  #addEnd(end: ProcessEnd): number | undefined {
    const index = this.#entryForEnd(end);
    if (index !== undefined) this.#columns.fillEnd(index, end.time);
    return index;
  }

  #entryForEnd(end: ProcessEnd): number | undefined {
    const { pid } = end.process;
    if (hasGuid(end.process)) return this.#noteByGuid(end.computer, end.process, 'seen');
    return pid === undefined ? undefined : this.#indexByPid(end.computer, pid, end.time.ms);
  }

  /**
   * The index of the entry of the process with this guid key: the one filed under it, or under
   * the key #guidKeys names for it. A start key always holds a space and a guid key made from a
   * guid without one never does, so the two cannot be mistaken; a guid with a space is looked up
   * only by name. Only start keys are merged into another entry (a twin has no guid), so a key
   * without a space is looked up once, with no merge to follow.
   */
  #indexOfId(id: string): number | undefined {
    const listed = this.#guidKeys.get(id);
    if (listed !== undefined) return this.#entry(listed);
    return id.includes(' ') ? undefined : this.#keys.indexOf(id);
  }

  /** The index of the entry for a key, following merges. */
  #entry(key: ProcessKey): number | undefined {
    return this.#keys.indexOf(this.#merged.get(key) ?? key);
  }
}

/** A usable ProcessGuid: Sysmon writes all zeros when it does not know the process. */
function hasGuid(process: ProcessRef): process is ProcessRef & { guid: string } {
  return process.guid !== undefined && !/^\{?[0-]+\}?$/.test(process.guid);
}

function usableGuid(process: ProcessRef): string | undefined {
  return hasGuid(process) ? process.guid : undefined;
}

/** The reference without an all-zero guid, which would make every such process one. */
function withUsableGuid(process: ProcessRef): ProcessRef {
  if (hasGuid(process) || process.guid === undefined) return process;

  return defined({ pid: process.pid, image: process.image, user: process.user });
}
