/**
 * A process's parent chain from the store: its Sysmon Event ID 1 (process start), the start of
 * the process named by ParentProcessGuid, and so on up. Where a parent's start is not in the
 * loaded logs, the child's ParentImage and ParentCommandLine still say what it was.
 */
import {
  PARENT_CHAIN_DEPTH_LIMIT,
  SYSMON_PROVIDER,
  normaliseGuid,
  type ParentChainEnd,
} from '@evtxhunt/hunt';

import type { EventStore } from '../store/event-store.js';
import { slicedLoop, type Pacer, type StillWanted } from './slices.js';

/** One process of a chain. */
export interface ProcessLink {
  readonly image: string | undefined;
  readonly commandLine: string | undefined;
  readonly processGuid: string | undefined;
  /** Its Event ID 1 row; undefined when its start is not in the store. */
  readonly row: number | undefined;
}

/** A chain, oldest process first and the process asked about last, and how it ends. */
export interface ProcessChain {
  readonly links: readonly ProcessLink[];
  readonly end: ParentChainEnd;
}

const PROCESS_CREATE = '1';
const NO_GUID = '00000000-0000-0000-0000-000000000000';

/** Event ID 1 rows by computer and ProcessGuid, built in one sliced pass over the store. */
export class ProcessStarts {
  readonly #rows = new Map<string, number>();

  private constructor(private readonly store: EventStore) {}

  /** Indexes every Sysmon process start; undefined when `wanted` turned false first. */
  static async index(
    store: EventStore,
    pacer: Pacer,
    wanted?: StillWanted,
  ): Promise<ProcessStarts | undefined> {
    const starts = new ProcessStarts(store);
    const done = await slicedLoop(store.rowCount, (row) => starts.#add(row), pacer, wanted);
    return done ? starts : undefined;
  }

  #add(row: number): void {
    const cell = (key: string) => this.store.cell(row, key);
    if (cell('eventId') !== PROCESS_CREATE || cell('provider') !== SYSMON_PROVIDER) return;
    const guid = cell('ProcessGuid');
    const key = guid === undefined ? undefined : startKey(cell('computer') ?? '', guid);
    if (key !== undefined && !this.#rows.has(key)) this.#rows.set(key, row);
  }

  /** The chain of the process `guid` on `computer`; `image` names it when its start is absent. */
  chain(computer: string, guid: string, image?: string): ProcessChain {
    const links: ProcessLink[] = [];
    const seen = new Set([normaliseGuid(guid)]);
    let current = this.#link(computer, guid, image);
    for (;;) {
      links.unshift(current);
      if (current.row === undefined) return { links, end: 'start-not-logged' };
      const parentGuid = this.store.cell(current.row, 'ParentProcessGuid');
      if (!isProcessGuid(parentGuid)) return { links, end: 'root' };
      if (seen.has(normaliseGuid(parentGuid))) return { links, end: 'cycle' };
      if (links.length > PARENT_CHAIN_DEPTH_LIMIT) return { links, end: 'depth-limit' };

      seen.add(normaliseGuid(parentGuid));
      current = this.#parentLink(computer, current.row, parentGuid);
    }
  }

  #link(computer: string, guid: string, image: string | undefined): ProcessLink {
    const row = this.#rows.get(startKey(computer, guid));
    if (row === undefined) return { image, commandLine: undefined, processGuid: guid, row };
    const cell = (key: string) => this.store.cell(row, key);
    return { image: cell('Image'), commandLine: cell('CommandLine'), processGuid: guid, row };
  }

  /** The parent of the process started at `childRow`, from its own start or the child's. */
  #parentLink(computer: string, childRow: number, parentGuid: string): ProcessLink {
    const own = this.#link(computer, parentGuid, undefined);
    if (own.row !== undefined) return own;
    const cell = (key: string) => this.store.cell(childRow, key);
    return { ...own, image: cell('ParentImage'), commandLine: cell('ParentCommandLine') };
  }
}

function startKey(computer: string, guid: string): string {
  return `${computer.toLowerCase()}\u0000${normaliseGuid(guid)}`;
}

function isProcessGuid(guid: string | undefined): guid is string {
  return guid !== undefined && guid.trim() !== '' && normaliseGuid(guid) !== NO_GUID;
}
