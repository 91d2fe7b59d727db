/**
 * The findings view's state: which finding is open, the store rows of its evidence (found in a
 * sliced pass over the store), and for a chain finding its process's parent chain. A newer
 * choice, or a new report, retires a pass still running for the old one.
 */
import type { Finding, FindingKind } from '@evtxhunt/hunt';
import { computed, effect, signal, untracked, type ReadonlySignal } from '@preact/signals';

import { evidenceRows, type EvidenceRows } from '../hunt/evidence.js';
import { ProcessStarts, type ProcessChain } from '../hunt/parent-chain.js';
import { LatestOnly, type Pacer, type StillWanted } from '../hunt/slices.js';
import type { EventStore } from '../store/event-store.js';
import type { HuntResult } from './hunt.js';

/** The evidence rows of the open finding; `rows` is undefined while they are looked for. */
export interface OpenEvidence {
  readonly finding: Finding;
  readonly rows: EvidenceRows | undefined;
  /** For a chain finding: its process and the processes above it, once found. */
  readonly chain?: ProcessChain;
}

/** State of the findings view. */
export class FindingsSession {
  /** The key (see findingKey) of the finding chosen; the first finding shown when none is. */
  readonly chosen = signal<string | undefined>(undefined);
  /** The one kind the list shows, when a ready-made finding hunt narrowed it; else every kind. */
  readonly onlyKind = signal<FindingKind | undefined>(undefined);
  /** The report's findings the list shows. */
  readonly shown: ReadonlySignal<readonly Finding[]>;
  /** The finding open beside the list: one of those shown, or none when none is. */
  readonly open: ReadonlySignal<Finding | undefined>;
  readonly evidence = signal<OpenEvidence | undefined>(undefined);

  readonly #store: EventStore;
  readonly #pacer: Pacer;
  readonly #latest = new LatestOnly();
  #starts: { rows: number; index: ProcessStarts } | undefined;

  constructor(store: EventStore, result: ReadonlySignal<HuntResult | undefined>, pacer: Pacer) {
    this.#store = store;
    this.#pacer = pacer;
    this.shown = computed(() => {
      const all = result.value?.findings ?? [];
      const kind = this.onlyKind.value;
      return kind === undefined ? all : all.filter((finding) => finding.kind === kind);
    });
    this.open = computed(() => {
      const findings = this.shown.value;
      const key = this.chosen.value;
      return findings.find((finding) => findingKey(finding) === key) ?? findings[0];
    });
    effect(() => {
      const finding = this.open.value;
      untracked(() => void this.#lookUp(finding));
    });
  }

  /** Opens `finding`, showing every kind again when the list was narrowed to another. */
  choose(finding: Finding): void {
    const only = this.onlyKind.peek();
    if (only !== undefined && only !== finding.kind) this.onlyKind.value = undefined;
    this.chosen.value = findingKey(finding);
  }

  /** Shows only the findings of `kind` (every kind when undefined), opening the first of them. */
  narrow(kind: FindingKind | undefined): void {
    this.onlyKind.value = kind;
    this.chosen.value = undefined;
  }

  async #lookUp(finding: Finding | undefined): Promise<void> {
    const wanted = this.#latest.next();
    if (finding === undefined) {
      this.evidence.value = undefined;
      return;
    }
    this.evidence.value = { finding, rows: undefined };
    const rows = await evidenceRows(this.#store, finding.evidence, this.#pacer, wanted);
    if (rows === undefined) return;
    this.evidence.value = { finding, rows };

    const chain = await this.#chainOf(finding, wanted);
    if (chain !== undefined && wanted()) this.evidence.value = { finding, rows, chain };
  }

  async #chainOf(finding: Finding, wanted: StillWanted): Promise<ProcessChain | undefined> {
    if (finding.kind !== 'chain' || finding.processGuid === undefined) return undefined;
    const starts = await this.#processStarts(wanted);
    return starts?.chain(finding.computer, finding.processGuid, finding.image);
  }

  /** The process-start index, built again only when rows were added since. */
  async #processStarts(wanted: StillWanted): Promise<ProcessStarts | undefined> {
    const rows = this.#store.rowCount;
    if (this.#starts?.rows === rows) return this.#starts.index;
    const index = await ProcessStarts.index(this.#store, this.#pacer, wanted);
    if (index !== undefined) this.#starts = { rows, index };
    return index;
  }
}

/**
 * What tells a finding apart from the others of a report, and finds it again in the next; a
 * Sigma finding by its rule file and id too (two rules can match the same event).
 */
export function findingKey(finding: Finding): string {
  const { kind, computer, image, processGuid, destinationIp, destinationPort, sourceIp } = finding;
  const parts = [kind, computer, image, processGuid, destinationIp, destinationPort, sourceIp];
  const rule = finding.sigma === undefined ? [] : [finding.sigma.file, finding.sigma.id];
  return JSON.stringify([...parts, finding.firstSeen, ...rule]);
}
