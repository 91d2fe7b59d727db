/**
 * The outbound-connections view's state: the pivot of the events table's rows (filtered and
 * sorted as the table is), recomputed in slices while the view is open and the rows change, and
 * the group picked for the drill-down. A change while a pass runs is taken up when it ends, so
 * a growing load recomputes once per pass rather than once per frame.
 */
import { computed, effect, signal, untracked, type ReadonlySignal } from '@preact/signals';

import {
  OutboundPivot,
  queriedNamesOf,
  type OutboundGroup,
  type QueriedNames,
} from '../hunt/outbound.js';
import type { HuntOutcome } from '../hunt/protocol.js';
import { slicedLoop, type Pacer } from '../hunt/slices.js';
import type { HuntSource, HuntTab } from './hunt.js';

/** The pivot of one pass over the table's rows. */
export interface OutboundTable {
  readonly groups: readonly OutboundGroup[];
  /** Initiated Sysmon Event ID 3 rows among them. */
  readonly connections: number;
  /** Rows of the table the pass read. */
  readonly viewRows: number;
}

/** State of the outbound-connections view. */
export class OutboundSession {
  readonly table = signal<OutboundTable | undefined>(undefined);
  readonly computing = signal(false);
  readonly picked = signal<OutboundGroup | undefined>(undefined);
  /** DNS names per group, from the hunt engine's pivot; undefined until the hunt reports. */
  readonly queried: ReadonlySignal<QueriedNames | undefined>;

  readonly #source: HuntSource;
  readonly #pacer: Pacer;
  #pass: Promise<void> | undefined;
  #dirty = false;

  constructor(
    source: HuntSource,
    outcome: ReadonlySignal<HuntOutcome | undefined>,
    tab: ReadonlySignal<HuntTab>,
    pacer: Pacer,
  ) {
    this.#source = source;
    this.#pacer = pacer;
    this.queried = computed(() => {
      const pivot = outcome.value?.report.pivot;
      return pivot === undefined ? undefined : queriedNamesOf(pivot);
    });
    effect(() => {
      if (tab.value !== 'outbound') return;
      void source.view.value;
      void source.rowCount.value;
      untracked(() => void this.refresh());
    });
  }

  /** Shows the events of `group` below the pivot, or none. */
  pick(group: OutboundGroup | undefined): void {
    this.picked.value = group;
  }

  /**
   * Recomputes the pivot now, or after the pass that is running; resolves once the table
   * reflects the rows as they are.
   */
  refresh(): Promise<void> {
    if (this.#pass !== undefined) {
      this.#dirty = true;
      return this.#pass;
    }
    this.computing.value = true;
    this.#pass = this.#passes().finally(() => {
      this.#pass = undefined;
      this.computing.value = false;
    });
    return this.#pass;
  }

  async #passes(): Promise<void> {
    do {
      this.#dirty = false;
      await this.#compute();
    } while (this.#dirty);
  }

  async #compute(): Promise<void> {
    const view = this.#source.view.value;
    const pivot = new OutboundPivot(this.#source.store);
    await slicedLoop(view.length, (i) => void pivot.add(view.row(i)), this.#pacer);

    const groups = pivot.result();
    this.table.value = { groups, connections: pivot.connections, viewRows: view.length };
    const picked = this.picked.value;
    if (picked !== undefined) this.picked.value = groups.find((group) => sameGroup(group, picked));
  }
}

function sameGroup(a: OutboundGroup, b: OutboundGroup): boolean {
  return a.image === b.image && a.destinationIp === b.destinationIp;
}
