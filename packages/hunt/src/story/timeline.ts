/**
 * Timelines: activities as rows in UTC time order, merged across files and hosts, for
 * everything or for one story. `process` keeps a process (by ProcessGuid), its descendants and
 * the starts of its ancestors; `image` keeps every process whose image matches, and the starts
 * of their ancestors.
 */
import type { Activity, ActivityKind, ProcessRef } from '../events/activity.js';
import type { Evidence } from '../findings/finding.js';
import { baseName, evidenceOf, summaryOf } from './evidence.js';
import { normaliseGuid, type ProcessKey, type ProcessNode } from './process-node.js';
import { ProcessTable } from './process-table.js';
import { TextPool } from '../events/text-pool.js';
import { compareRecordIds } from './story.js';

/** One row of a timeline. */
export interface TimelineRow {
  /** When it happened: Sysmon's UtcTime, else TimeCreated (ISO-8601 UTC, seven digits). */
  readonly time: string;
  readonly computer: string;
  readonly kind: ActivityKind;
  readonly eventId: number;
  /**
   * The image of the process acting (the source, for process access and remote threads), as
   * logged.
   */
  readonly image?: string;
  readonly processGuid?: string;
  readonly summary: string;
  readonly evidence: Evidence;
}

/**
 * Which story a timeline shows: one process tree by ProcessGuid, or processes by image. TODO: a
 * process known only from Security 4688 has no ProcessGuid, so only `image` can name it.
 */
export type TimelineFilter = { readonly process: string } | { readonly image: string };

const FIRST_CAPACITY = 1024;

/**
 * One activity as a timeline keeps it: its row, its time in milliseconds and the pid of the
 * process acting (NaN when the event names none), which a filter needs to find the process.
 */
export interface TimelineEntry {
  readonly row: TimelineRow;
  readonly ms: number;
  readonly pid: number;
}

/** How a builder is set up. */
export interface TimelineBuilderOptions {
  /**
   * False to keep no rows, only the process table: add() hands each entry back for the caller
   * to keep (sorted runs on disk, say) and to filter with selection(). Default true.
   */
  readonly keepRows?: boolean;
}

/**
 * Collects activities and hands back timeline rows. Each activity is kept as its row alone, with
 * its time in milliseconds and its process id in columns beside it, and the text rows repeat
 * (hosts, images, guids, files) shared through a pool.
 *
 * With keepRows false it keeps no rows at all, only the process table (the CLI writes sorted
 * runs to disk and merges them, packages/cli/src/timeline-runs.ts). Over the generated 1 GB log
 * the table is then 23.8 MB of JS heap and 23.4 of typed arrays after a forced GC (49.8 and 16.2
 * before keys, parents and ends became columns). TODO: kept rows, as here by default, grow with
 * the logs (about 250 bytes an event), and the table still grows by about 45 bytes a record.
 */
export class TimelineBuilder {
  readonly table: ProcessTable;
  readonly #rows: TimelineRow[] = [];
  #ms = new Float64Array(FIRST_CAPACITY);
  /** The pid of the process acting, NaN when the event names none. */
  #pids = new Float64Array(FIRST_CAPACITY);
  readonly #pool = new TextPool();
  readonly #keepRows: boolean;
  #added = 0;

  constructor(table: ProcessTable = new ProcessTable(), options: TimelineBuilderOptions = {}) {
    this.table = table;
    this.#keepRows = options.keepRows ?? true;
  }

  /** Activities added so far. */
  get size(): number {
    return this.#added;
  }

  /** Takes one activity (process starts and ends also go to the table); its entry. */
  add(activity: Activity): TimelineEntry {
    if (activity.kind === 'process-start' || activity.kind === 'process-end') {
      this.table.add(activity);
    } else {
      this.table.learn(activity.computer, activity.process);
    }
    this.#added++;
    const entry = {
      row: this.#shared(timelineRow(activity)),
      ms: activity.time.ms,
      pid: activity.process.pid ?? NaN,
    };
    if (this.#keepRows) this.#keep(entry);
    return entry;
  }

  /** The rows of the story the filter names (or of everything), sorted by time. */
  rows(filter?: TimelineFilter): TimelineRow[] {
    const keep = filter === undefined ? undefined : this.#selection(filter);
    const selected = (row: TimelineRow, at: number) =>
      keep?.(row, this.#ms[at] ?? NaN, this.#pids[at] ?? NaN) ?? true;
    const rows = keep === undefined ? [...this.#rows] : this.#rows.filter(selected);
    return rows.sort(compareRows);
  }

  /** The processes the filter names directly (before descendants and ancestors are added). */
  matching(filter: TimelineFilter): ProcessNode[] {
    const matches = 'process' in filter ? guidMatcher(filter.process) : imageMatcher(filter.image);
    return [...this.table.nodes()].filter(matches);
  }

  /**
   * True for an entry in the story the filter names, judged by the processes known when called:
   * call it once every activity is added.
   */
  selection(filter: TimelineFilter): (entry: TimelineEntry) => boolean {
    const selected = this.#selection(filter);
    return (entry) => selected(entry.row, entry.ms, entry.pid);
  }

  #keep(entry: TimelineEntry): void {
    const at = this.#rows.length;
    if (at === this.#ms.length) this.#grow();
    this.#rows.push(entry.row);
    this.#ms[at] = entry.ms;
    this.#pids[at] = entry.pid;
  }

  /** The row with its repeated text shared through the pool. */
  #shared(row: TimelineRow): TimelineRow {
    const pool = this.#pool;
    const { image, processGuid, evidence } = row;
    return {
      ...row,
      computer: pool.share(row.computer),
      ...(image === undefined ? {} : { image: pool.share(image) }),
      ...(processGuid === undefined ? {} : { processGuid: pool.share(processGuid) }),
      evidence:
        evidence.file === undefined ? evidence : { ...evidence, file: pool.share(evidence.file) },
    };
  }

  #grow(): void {
    const capacity = this.#ms.length * 2;
    const ms = new Float64Array(capacity);
    const pids = new Float64Array(capacity);
    ms.set(this.#ms);
    pids.set(this.#pids);
    this.#ms = ms;
    this.#pids = pids;
  }

  #selection(filter: TimelineFilter): (row: TimelineRow, ms: number, pid: number) => boolean {
    const targets = this.matching(filter);
    const members = 'process' in filter ? this.#withDescendants(targets) : keysOf(targets);
    const ancestors = new Set<ProcessKey>();
    for (const target of targets) {
      for (const node of this.table.parentChain(target.key).ancestors) ancestors.add(node.key);
    }

    return (row, ms, pid) => {
      const key = this.table.find(row.computer, processOf(row, pid), ms)?.key;
      if (key === undefined) return false;
      return members.has(key) || (row.kind === 'process-start' && ancestors.has(key));
    };
  }

  /** The targets and every process they started, and those started, and so on. */
  #withDescendants(targets: readonly ProcessNode[]): Set<ProcessKey> {
    const children = new Map<ProcessKey, ProcessKey[]>();
    for (const node of this.table.nodes()) {
      const parent = this.table.parentOf(node);
      if (parent === undefined) continue;

      const siblings = children.get(parent.key) ?? [];
      siblings.push(node.key);
      children.set(parent.key, siblings);
    }

    const members = keysOf(targets);
    const queue = [...members];
    for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
      for (const child of children.get(key) ?? []) {
        if (!members.has(child)) queue.push(child);
        members.add(child);
      }
    }
    return members;
  }
}

/** The row for one activity. */
export function timelineRow(activity: Activity): TimelineRow {
  const { image, guid } = activity.process;
  return {
    time: activity.time.iso,
    computer: activity.computer,
    kind: activity.kind,
    eventId: activity.source.eventId,
    ...(image === undefined ? {} : { image }),
    ...(guid === undefined ? {} : { processGuid: guid }),
    summary: summaryOf(activity),
    evidence: evidenceOf(activity),
  };
}

/**
 * The file name an image path ends in, spelt as logged (`JOINT_BALL.exe`, `System`): what a
 * timeline shows for a process. Matching by image ignores case; display does not change it.
 */
export function imageFileName(image: string): string {
  return baseName(image);
}

/**
 * Time order; equal times by host, then file, then record id, so the order is the same however
 * the files were given and one file's events keep the order they were logged in.
 */
export function compareRows(a: TimelineRow, b: TimelineRow): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  if (a.computer !== b.computer) return a.computer < b.computer ? -1 : 1;

  const fileA = a.evidence.file ?? '';
  const fileB = b.evidence.file ?? '';
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  return compareRecordIds(a.evidence.recordId, b.evidence.recordId);
}

function guidMatcher(guid: string): (node: ProcessNode) => boolean {
  const wanted = normaliseGuid(guid);
  return (node) => node.guid !== undefined && normaliseGuid(node.guid) === wanted;
}

/** Matches the image's full path or its base name, without regard to case. */
function imageMatcher(image: string): (node: ProcessNode) => boolean {
  const wanted = image.toLowerCase();
  return (node) => {
    const path = node.image?.toLowerCase();
    return path !== undefined && (path === wanted || baseName(path) === wanted);
  };
}

/** The row's process as its event named it: the guid, and the pid when it had one. */
function processOf(row: TimelineRow, pid: number): ProcessRef {
  const guid = row.processGuid;
  return { ...(guid === undefined ? {} : { guid }), ...(Number.isNaN(pid) ? {} : { pid }) };
}

function keysOf(nodes: readonly ProcessNode[]): Set<ProcessKey> {
  return new Set(nodes.map((node) => node.key));
}
