/**
 * Who started whom, per host. Sysmon names processes by ProcessGuid; Security 4688 names them
 * only by process id, which Windows reuses, so a pid means "the latest start of that pid on that
 * host at or before the time". The table keeps one compact entry per process and resolves
 * parents only when asked, so starts may arrive in any order (several files, several hosts).
 *
 * TODO: an entry is still a few objects (the entry and its LoggedStart) and a few strings (key,
 * guid, command line) in three maps (entries, guids, pids): about 430 bytes of JS heap a
 * process, 48 bytes a record on a generated 100 MB Sysmon log (it starts a process every 12
 * records; 68 before starts became one LoggedStart each), which is most of the hunt engine's
 * heap, and with V8's heap growth a byte of heap costs about four of peak RSS. Entries kept as
 * columns (typed arrays for times, ids and pids, pooled indexes for text), with nodes made when
 * asked for, would take about a quarter of that outside the JS heap. Most entries are never
 * read by the engine: a chain reads only processes that wrote a file it can report.
 */
import type { ProcessEnd, ProcessRef, ProcessStart } from '../events/activity.js';
import { defined } from '../events/fields.js';
import { TextPool } from '../events/text-pool.js';
import { evidenceOf } from './evidence.js';
import { LoggedStart } from './logged-start.js';
import { PidIndex } from './pid-index.js';
import {
  fillMissing,
  guidKey,
  sameImage,
  startKey,
  type ProcessEntry,
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
  readonly #entries = new Map<ProcessKey, ProcessEntry>();
  /** Keys of entries merged into another entry, to the key that absorbed them. */
  readonly #merged = new Map<ProcessKey, ProcessKey>();
  /**
   * Guid keys #byGuid() cannot find by the key alone: those of processes filed under another key
   * (a Security 4688 start its Sysmon twin joined), and those holding a space.
   */
  readonly #guidKeys = new Map<string, ProcessKey>();
  /** Per host and pid: the keys of the logged starts of that pid, earliest first. */
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
    return this.#entries.size;
  }

  /** Records a process start or end; returns the key of the process it is about. */
  add(activity: ProcessStart | ProcessEnd): ProcessKey | undefined {
    return activity.kind === 'process-start' ? this.#addStart(activity) : this.#addEnd(activity);
  }

  /**
   * Records a process some event names (a Sysmon 3, 11 or 22 names the process acting); returns
   * its key. Only a ProcessGuid can name a process without a time; otherwise undefined.
   */
  note(computer: string, process: ProcessRef): ProcessKey | undefined {
    if (!hasGuid(process)) return undefined;
    return this.#noteByGuid(computer, process, 'seen').key;
  }

  /** The process with this key (or the one it was merged into). */
  get(key: ProcessKey): ProcessNode | undefined {
    return this.#entry(key);
  }

  /** Every process, in the order first seen. */
  nodes(): IterableIterator<ProcessNode> {
    return this.#entries.values();
  }

  /** The process with this ProcessGuid on this host. */
  findByGuid(computer: string, guid: string): ProcessNode | undefined {
    const key = this.#byGuid(guidKey(computer, guid));
    return key === undefined ? undefined : this.get(key);
  }

  /**
   * The process that had `pid` on this host at `timeMs`: the latest logged start of that pid at
   * or before the time, unless its end was logged before the time.
   */
  findByPid(computer: string, pid: number, timeMs: number): ProcessNode | undefined {
    const keys = this.#starts.keys(computer, pid);
    for (let i = keys.length - 1; i >= 0; i--) {
      const node = this.get(keys[i] ?? '');
      if (node?.start === undefined || node.start.time.ms > timeMs) continue;
      return node.end !== undefined && node.end.ms < timeMs ? undefined : node;
    }
    return undefined;
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

  #startedBefore(child: ProcessNode, pid: number): ProcessNode | undefined {
    if (child.start === undefined) return undefined;

    const found = this.findByPid(child.computer, pid, child.start.time.ms);
    return found?.key === child.key ? undefined : found;
  }

  #addStart(start: ProcessStart): ProcessKey {
    const entry = this.#entryForStart(start);
    const { commandLine } = start;
    fillMissing(entry, {
      computer: this.#pool.share(start.computer),
      knownAs: 'started',
      ...this.#shared(withUsableGuid(start.process)),
      ...(commandLine === undefined ? {} : { commandLine: this.#lines.share(commandLine) }),
      start: new LoggedStart(start, this.#pool.shareMaybe(start.source.file)),
      ...(this.#parents ? { parent: this.#shared(start.parent) } : {}),
    });
    this.#indexStart(entry);

    if (this.#parents && hasGuid(start.parent)) {
      this.#noteByGuid(start.computer, start.parent, 'parent');
    }
    return entry.key;
  }

  /** The entry a start fills: its guid's, its twin's from the other log, both merged, or new. */
  #entryForStart(start: ProcessStart): ProcessEntry {
    const guid = usableGuid(start.process);
    const known = guid === undefined ? undefined : this.#byGuid(guidKey(start.computer, guid));
    const byGuid = known === undefined ? undefined : this.#entry(known);
    const twin = this.#twinOf(start);

    if (byGuid !== undefined && twin !== undefined && twin !== byGuid) {
      return this.#absorb(byGuid, twin);
    }
    if (byGuid !== undefined) return byGuid;
    if (twin !== undefined && guid !== undefined) {
      this.#guidKeys.set(guidKey(start.computer, guid), twin.key);
    }
    return twin ?? this.#create(start);
  }

  /** The same process already started from the other log (Sysmon 1 versus Security 4688). */
  #twinOf(start: ProcessStart): ProcessEntry | undefined {
    const { pid, image } = start.process;
    const guid = usableGuid(start.process);
    if (pid === undefined) return undefined;

    for (const key of this.#starts.keys(start.computer, pid)) {
      const entry = this.#entry(key);
      if (entry?.start === undefined || entry.start.origin === start.origin) continue;
      if (Math.abs(entry.start.time.ms - start.time.ms) > SAME_START_TOLERANCE_MS) continue;
      if (!sameImage(entry.image, image)) continue;
      if (entry.guid !== undefined && guid !== undefined) continue;
      return entry;
    }
    return undefined;
  }

  #create(start: ProcessStart): ProcessEntry {
    const { pid } = start.process;
    const guid = usableGuid(start.process);
    const key =
      guid === undefined
        ? startKey(start.computer, pid, evidenceOf(start))
        : guidKey(start.computer, guid);
    const computer = this.#pool.share(start.computer);
    const entry: ProcessEntry = { key, computer, knownAs: 'started' };

    this.#entries.set(key, entry);
    if (guid !== undefined && key.includes(' ')) this.#guidKeys.set(key, key);
    return entry;
  }

  /** Merges `twin` into `keep`: one entry, every later lookup of twin's key finds keep. */
  #absorb(keep: ProcessEntry, twin: ProcessEntry): ProcessEntry {
    fillMissing(keep, twin);
    this.#entries.delete(twin.key);
    this.#merged.set(twin.key, keep.key);
    for (const [from, to] of this.#merged) if (to === twin.key) this.#merged.set(from, keep.key);

    if (twin.pid !== undefined) {
      const list = this.#starts.keys(twin.computer, twin.pid);
      list.splice(list.indexOf(twin.key), 1);
      this.#starts.set(twin.computer, twin.pid, list);
    }
    return keep;
  }

  /** Lists the entry under its host and pid, keeping the list in start-time order. */
  #indexStart(entry: ProcessEntry): void {
    if (entry.pid === undefined || entry.start === undefined) return;

    const list = this.#starts.keys(entry.computer, entry.pid);
    if (list.includes(entry.key)) return;

    const at = list.findIndex((key) => (this.get(key)?.start?.time.ms ?? 0) > startMs(entry));
    list.splice(at === -1 ? list.length : at, 0, entry.key);
    this.#starts.set(entry.computer, entry.pid, list);
  }

  #noteByGuid(computer: string, process: ProcessRef, knownAs: 'parent' | 'seen'): ProcessEntry {
    const id = guidKey(computer, process.guid ?? '');
    const known = this.#byGuid(id);
    let entry = known === undefined ? undefined : this.#entry(known);

    if (entry === undefined) {
      entry = { key: id, computer: this.#pool.share(computer), knownAs };
      this.#entries.set(id, entry);
      if (id.includes(' ')) this.#guidKeys.set(id, id);
    }
    // Most events name a process the table knows all about: nothing to copy, nothing to share.
    if (tellsMore(entry, process, knownAs)) {
      fillMissing(entry, { computer, knownAs, ...this.#shared(process) });
    }
    return entry;
  }

  /** A copy of the reference with its image and user shared through the pool. */
  #shared(process: ProcessRef): ProcessRef {
    const { guid, pid } = process;
    const image = this.#pool.shareMaybe(process.image);
    return defined({ guid, pid, image, user: this.#pool.shareMaybe(process.user) });
  }

  #addEnd(end: ProcessEnd): ProcessKey | undefined {
    const entry = this.#entryForEnd(end);
    if (entry !== undefined && entry.end === undefined) entry.end = end.time;
    return entry?.key;
  }

  #entryForEnd(end: ProcessEnd): ProcessEntry | undefined {
    const { pid } = end.process;
    if (hasGuid(end.process)) return this.#noteByGuid(end.computer, end.process, 'seen');
    if (pid === undefined) return undefined;

    const node = this.findByPid(end.computer, pid, end.time.ms);
    return node === undefined ? undefined : this.#entry(node.key);
  }

  /**
   * The key of the process with this guid key: itself when an entry is (or was, before a merge)
   * filed under it. A start key always holds a space and a guid key made from a guid without one
   * never does, so the two cannot be mistaken; a guid with a space is looked up only by name.
   */
  #byGuid(id: string): ProcessKey | undefined {
    const listed = this.#guidKeys.get(id);
    if (listed !== undefined || id.includes(' ')) return listed;

    return this.#entries.has(id) || this.#merged.has(id) ? id : undefined;
  }

  /** The writable entry for a key, following merges. */
  #entry(key: ProcessKey): ProcessEntry | undefined {
    return this.#entries.get(this.#merged.get(key) ?? key);
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

/** True when the reference says something about the process that its entry does not yet. */
function tellsMore(entry: ProcessEntry, process: ProcessRef, knownAs: ProcessKnownAs): boolean {
  if (knownAs === 'parent' && entry.knownAs === 'seen') return true;
  if (process.guid !== undefined && entry.guid === undefined) return true;
  if (process.pid !== undefined && entry.pid === undefined) return true;
  if (process.image !== undefined && entry.image === undefined) return true;
  return process.user !== undefined && entry.user === undefined;
}

function startMs(entry: ProcessEntry): number {
  return entry.start?.time.ms ?? 0;
}
