/**
 * Process stories: what each process did on the network and the disk. The collector keeps, per
 * process, its DNS queries (Sysmon 22), connections (3) and files created (11), each list
 * bounded, and tells a story as steps in time order with the process's parent chain.
 */
import type { Activity, DnsQuery, FileActivity, NetworkConnect } from '../events/activity.js';
import type { StoryStep } from '../findings/finding.js';
import type { StoryActivity } from './compact.js';
import { evidenceOf, summaryOf } from './evidence.js';
import { guidKey, type ProcessKey, type ProcessNode } from './process-node.js';
import { ProcessTable, type ParentChain } from './process-table.js';

/** DNS queries kept per process; later ones are counted as dropped. */
export const STORY_DNS_LIMIT = 500;

/** Connections kept per process; later ones are counted as dropped. */
export const STORY_CONNECTION_LIMIT = 2000;

/** Files created kept per process; later ones are counted as dropped. */
export const STORY_FILE_LIMIT = 2000;

/** How many of each kind a process had beyond the limits, and so are not in its story. */
export interface StoryDropped {
  readonly dns: number;
  readonly connections: number;
  readonly files: number;
}

/**
 * What one process did, each list in the order added. TODO: past a limit the later additions
 * are dropped, which are the later events only when the logs arrive in time order; keeping the
 * earliest by time would need each list sorted as it fills.
 */
export interface ProcessActivities {
  readonly dns: readonly DnsQuery[];
  readonly connections: readonly NetworkConnect[];
  readonly files: readonly FileActivity[];
  readonly dropped: StoryDropped;
  /**
   * How many connections and files the lists hold, when known without building them (the
   * engine's StoryColumns builds a list only when it is read).
   */
  readonly sizes?: { readonly connections: number; readonly files: number };
}

/** Where chains read what processes did: StoryCollector, or the engine's StoryColumns. */
export interface StorySource {
  /** The keys of the processes that did any of the kinds kept. */
  keys(): Iterable<ProcessKey>;
  /** What the process did, or undefined when it did none of the kinds kept. */
  activitiesOf(key: ProcessKey): ProcessActivities | undefined;
}

/** One process's story: its steps in time order and its parent chain. */
export interface ProcessStory {
  readonly process: ProcessNode;
  readonly steps: readonly StoryStep[];
  readonly parents: ParentChain;
  /** Present when a limit dropped some of the process's activities. */
  readonly dropped?: StoryDropped;
}

interface Bin {
  readonly computer: string;
  readonly guid: string;
  readonly dns: DnsQuery[];
  readonly connections: NetworkConnect[];
  readonly files: FileActivity[];
  readonly dropped: { dns: number; connections: number; files: number };
}

/** What a collector keeps, and in what form; by default every activity, as it is. */
export interface StoryCollectorOptions {
  /** False for a DNS query, connection or file the caller will never read back. */
  readonly keep?: (activity: StoryActivity) => boolean;
  /** The form to keep an activity in, such as a compact copy (see StoryCompactor). */
  readonly compact?: (activity: StoryActivity) => StoryActivity;
}

/**
 * Collects stories. Every activity goes to add(); process starts and ends also go to the table
 * given (or a new one), which is how the collector finds parents.
 */
export class StoryCollector implements StorySource {
  readonly table: ProcessTable;
  /** Per host and ProcessGuid; guids never change, whereas table keys may merge. */
  readonly #bins = new Map<string, Bin>();
  readonly #options: StoryCollectorOptions;

  constructor(table: ProcessTable = new ProcessTable(), options: StoryCollectorOptions = {}) {
    this.table = table;
    this.#options = options;
  }

  /**
   * Takes one activity. DNS queries, connections and files created are kept when the event
   * names its ProcessGuid (Sysmon always does); other kinds only reach the table.
   */
  add(activity: Activity): void {
    if (activity.kind === 'process-start' || activity.kind === 'process-end') {
      this.table.add(activity);
      return;
    }
    if (!isStoryKind(activity)) return;

    const { guid } = activity.process;
    if (guid === undefined || this.table.note(activity.computer, activity.process) === undefined) {
      return;
    }
    const { keep: wanted, compact } = this.#options;
    if (wanted !== undefined && !wanted(activity)) return;
    keep(
      this.#binFor(activity.computer, guid),
      compact === undefined ? activity : compact(activity),
    );
  }

  /** The keys of the processes that queried DNS, connected or created a file. */
  *keys(): IterableIterator<ProcessKey> {
    const seen = new Set<ProcessKey>();
    for (const bin of this.#bins.values()) {
      const key = this.table.keyOfGuid(bin.computer, bin.guid);
      if (key !== undefined && !seen.has(key)) yield key;
      if (key !== undefined) seen.add(key);
    }
  }

  /** What the process did, or undefined when it did none of the kinds kept. */
  activitiesOf(key: ProcessKey): ProcessActivities | undefined {
    const process = this.table.get(key);
    if (process?.guid === undefined) return undefined;
    return this.#bins.get(guidKey(process.computer, process.guid));
  }

  /** The process's story: its start, queries, connections and files, by their own times. */
  storyOf(key: ProcessKey): ProcessStory | undefined {
    const process = this.table.get(key);
    if (process === undefined) return undefined;

    const activities = this.activitiesOf(key);
    const steps = storySteps(process, activities);
    const parents = this.table.parentChain(key);
    const dropped = activities?.dropped;
    return isDropping(dropped) ? { process, steps, parents, dropped } : { process, steps, parents };
  }

  #binFor(computer: string, guid: string): Bin {
    const id = guidKey(computer, guid);
    let bin = this.#bins.get(id);
    if (bin === undefined) {
      const dropped = { dns: 0, connections: 0, files: 0 };
      bin = { computer, guid, dns: [], connections: [], files: [], dropped };
      this.#bins.set(id, bin);
    }
    return bin;
  }
}

/** The story step of one activity kept by the collector, or of a process's own start. */
export function storyStep(activity: DnsQuery | NetworkConnect | FileActivity): StoryStep {
  const step = activity.kind;
  if (step !== 'dns' && step !== 'network' && step !== 'file-create') {
    throw new RangeError(`A ${activity.kind} activity is not a story step`);
  }
  return {
    step,
    time: activity.time.iso,
    summary: summaryOf(activity),
    evidence: evidenceOf(activity),
  };
}

/** The step for a process's start, when the start is logged. */
export function startStep(process: ProcessNode): StoryStep | undefined {
  const start = process.start;
  if (start === undefined) return undefined;

  const summary = process.commandLine ?? process.image ?? 'process started';
  return { step: 'process-start', time: start.time.iso, summary, evidence: start.evidence };
}

/**
 * Steps in time order, each by its own UtcTime (Sysmon can log a connection a little before the
 * DNS answer that led to it). Sysmon times have millisecond precision, so equal times are
 * common: those from one file keep the order they were logged in, the rest the order given.
 */
export function orderSteps(steps: readonly StoryStep[]): StoryStep[] {
  return [...steps].sort(compareSteps);
}

function compareSteps(a: StoryStep, b: StoryStep): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  if (a.evidence.file !== b.evidence.file) return 0;
  return compareRecordIds(a.evidence.recordId, b.evidence.recordId);
}

/** Decimal record ids in numeric order, exact past 2^53: shorter is smaller, then by text. */
export function compareRecordIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a === b ? 0 : a < b ? -1 : 1;
}

function storySteps(process: ProcessNode, activities?: ProcessActivities): StoryStep[] {
  const start = startStep(process);
  const rest = activities === undefined ? [] : allActivities(activities).map(storyStep);
  return orderSteps(start === undefined ? rest : [start, ...rest]);
}

function allActivities(a: ProcessActivities): (DnsQuery | NetworkConnect | FileActivity)[] {
  return [...a.dns, ...a.connections, ...a.files];
}

function isStoryKind(activity: Activity): activity is DnsQuery | NetworkConnect | FileActivity {
  return activity.kind === 'dns' || activity.kind === 'network' || activity.kind === 'file-create';
}

function keep(bin: Bin, activity: StoryActivity): void {
  if (activity.kind === 'dns') {
    if (bin.dns.length < STORY_DNS_LIMIT) bin.dns.push(activity);
    else bin.dropped.dns++;
  } else if (activity.kind === 'network') {
    if (bin.connections.length < STORY_CONNECTION_LIMIT) bin.connections.push(activity);
    else bin.dropped.connections++;
  } else if (bin.files.length < STORY_FILE_LIMIT) bin.files.push(activity);
  else bin.dropped.files++;
}

function isDropping(dropped: StoryDropped | undefined): dropped is StoryDropped {
  return dropped !== undefined && dropped.dns + dropped.connections + dropped.files > 0;
}
