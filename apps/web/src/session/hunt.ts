/**
 * The hunt beside the events table: every store row goes to the hunt worker, in batches of columns
 * (store.rowColumns) the worker makes into the engine's records, in row order, a few batches in
 * flight at most so the worker's queue stays short; once the files are loaded and every row is
 * sent, the engine's report comes back. Files added later send only their own rows, then a new
 * report is asked for. An allowlist and a Sysmon configuration can be loaded at any time: they
 * change the findings shown and the coverage section without running the hunt again. Sigma rules
 * can be loaded at any time too, before any log: the worker compiles them, the rows sent already
 * are sent again to the rules only, and the next report runs the engine again only if it has new
 * rows. Forgetting the rules asks for a report without them.
 */
import {
  applyAllowlist,
  type CoverageSection,
  type Finding,
  type SuppressedCount,
  type TimeZoneChoice,
} from '@evtxhunt/hunt';
import { batch, computed, effect, signal, untracked, type ReadonlySignal } from '@preact/signals';

import { isActive, type LoadedFile } from '../files/loaded-file.js';
import type { HuntBatch } from '../hunt/batch-records.js';
import type { Hunter } from '../hunt/hunter.js';
import type { HuntOutcome } from '../hunt/protocol.js';
import {
  readAllowlist,
  readSysmonConfig,
  type LoadedAllowlist,
  type LoadedConfig,
} from '../hunt/setup-files.js';
import { PAGE_PACER, type Pacer } from '../hunt/slices.js';
import type { EventStore } from '../store/event-store.js';
import type { RowView } from '../store/view.js';
import { ExportSession } from './exports.js';
import { FindingsSession } from './findings.js';
import { OutboundSession } from './outbound.js';
import { ruleFilesOf, type PickedFile, type SigmaStatus } from './sigma.js';

/** What the hunt reads of the workbench. */
export interface HuntSource {
  readonly store: EventStore;
  readonly rowCount: ReadonlySignal<number>;
  readonly files: ReadonlySignal<readonly LoadedFile[]>;
  /** The events table's rows: filtered and sorted. */
  readonly view: ReadonlySignal<RowView>;
  /** The events table's column keys, in order. */
  readonly columns: ReadonlySignal<readonly string[]>;
}

/** How a hunt session runs; all optional. */
export interface HuntSessionOptions {
  /** The worker link; without one, nothing is hunted (status `off`). */
  readonly hunter?: Hunter;
  readonly pacer?: Pacer;
  /** The zone exports write times in; UTC when absent. */
  readonly timeZone?: () => TimeZoneChoice;
}

/** Where the hunt is. */
export interface HuntStatus {
  readonly state: 'off' | 'idle' | 'hunting' | 'ready' | 'failed';
  /** Rows sent to the engine, and rows in the store. */
  readonly sent: number;
  readonly rows: number;
  /**
   * While rules loaded after rows were sent have those rows sent to them (to the rules only):
   * how many they have had so far, of `sent`.
   */
  readonly rulesCatchingUp?: number;
  /** Why the hunt stopped, when it failed. */
  readonly message?: string;
  /** From the first row sent in this round to its report, in milliseconds. */
  readonly tookMs?: number;
}

/** The view shown in place of the events table. */
export type HuntTab = 'events' | 'outbound' | 'findings' | 'export';

/** Findings kept after the allowlist, and what it suppressed. */
export interface HuntResult {
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedCount[];
}

/** A setup file that could not be read. */
export interface SetupProblem {
  readonly file: 'config' | 'allowlist';
  readonly message: string;
}

/** Rows per batch sent to the worker, and batches waiting for its answer at most. */
const BATCH_ROWS = 1000;
const IN_FLIGHT = 2;

/** The hunt of one page. */
export class HuntSession {
  readonly status = signal<HuntStatus>({ state: 'off', sent: 0, rows: 0 });
  readonly outcome = signal<HuntOutcome | undefined>(undefined);
  readonly allowlist = signal<LoadedAllowlist | undefined>(undefined);
  readonly config = signal<LoadedConfig | undefined>(undefined);
  readonly problem = signal<SetupProblem | undefined>(undefined);
  readonly sigma = signal<SigmaStatus>({ state: 'none' });
  readonly tab = signal<HuntTab>('events');
  readonly result: ReadonlySignal<HuntResult | undefined>;
  readonly coverage: ReadonlySignal<CoverageSection | undefined>;
  readonly outbound: OutboundSession;
  readonly findings: FindingsSession;
  readonly exports: ExportSession;

  readonly #source: HuntSource;
  readonly #hunter: Hunter | undefined;
  readonly #pacer: Pacer;
  #sent = 0;
  #feeding = false;
  #again = false;
  #asking = false;
  /** Rows sent to the Sigma rules loaded last; undefined while none are. */
  #sigmaSent: number | undefined;
  /** Rule sets asked for so far: a report over older rules is not current. */
  #rulesAsked = 0;
  /** What the last report asked for covered (see #coverKey). */
  #reportedAt = '';
  #roundStarted: number | undefined;

  constructor(source: HuntSource, options: HuntSessionOptions = {}) {
    this.#source = source;
    this.#hunter = options.hunter;
    this.#pacer = options.pacer ?? PAGE_PACER;
    if (this.#hunter !== undefined) this.status.value = { state: 'idle', sent: 0, rows: 0 };
    this.result = computed(() => this.#result());
    this.coverage = computed(
      () => this.config.value?.coverage ?? this.outcome.value?.report.coverage,
    );
    this.outbound = new OutboundSession(source, this.outcome, this.tab, this.#pacer);
    this.findings = new FindingsSession(source.store, this.result, this.#pacer);
    this.exports = new ExportSession(source, this.result, {
      pacer: this.#pacer,
      timeZone: options.timeZone ?? (() => 'UTC'),
    });
    effect(() => {
      void source.rowCount.value;
      void source.files.value;
      untracked(() => void this.#feed());
    });
  }

  /** Reads a Sysmon configuration; its blind spots replace the coverage inferred from the logs. */
  async loadConfig(file: Blob, name: string): Promise<void> {
    try {
      const loaded = await readSysmonConfig(file, name);
      batch(() => {
        this.config.value = loaded;
        this.problem.value = undefined;
      });
    } catch (error) {
      this.problem.value = { file: 'config', message: messageOf(error) };
    }
  }

  /** Reads an allowlist; findings it matches are counted, not shown. */
  async loadAllowlist(file: Blob, name: string): Promise<void> {
    try {
      const loaded = await readAllowlist(file, name);
      batch(() => {
        this.allowlist.value = loaded;
        this.problem.value = undefined;
      });
    } catch (error) {
      this.problem.value = { file: 'allowlist', message: messageOf(error) };
    }
  }

  /**
   * Sends the picked rule files (a folder's files or zips) to the worker to compile; the rows
   * sent before go to them too, then a new report comes.
   */
  async loadRules(picked: readonly PickedFile[]): Promise<void> {
    const hunter = this.#hunter;
    const { files, name } = ruleFilesOf(picked);
    if (hunter === undefined) {
      const message = 'The hunt is not running.';
      this.sigma.value = { state: 'failed', name, message, notRunning: true };
      return;
    }
    this.sigma.value = { state: 'loading', name };
    // The request is posted now: rows posted after it are the new rules' to take.
    const loading = hunter.loadRules(files);
    this.#sigmaSent = 0;
    const asked = ++this.#rulesAsked;
    try {
      const load = await loading;
      if (asked === this.#rulesAsked) this.sigma.value = { state: 'loaded', name, load };
    } catch (error) {
      if (asked !== this.#rulesAsked) return;
      this.#sigmaSent = undefined;
      this.sigma.value = { state: 'failed', name, message: messageOf(error) };
    }
    void this.#feed();
  }

  /**
   * Forgets the Sigma rules (a load still running included): rows go to the engine only, and
   * the next report has no Sigma findings.
   */
  async forgetRules(): Promise<void> {
    this.#rulesAsked++;
    this.#sigmaSent = undefined;
    this.sigma.value = { state: 'none' };
    const hunter = this.#hunter;
    if (hunter === undefined) return;
    try {
      await hunter.forgetRules();
    } catch (error) {
      this.#fail(error);
      return;
    }
    void this.#feed();
  }

  /** Forgets the configuration or the allowlist. */
  clear(file: 'config' | 'allowlist'): void {
    if (file === 'config') this.config.value = undefined;
    else this.allowlist.value = undefined;
  }

  #result(): HuntResult | undefined {
    const outcome = this.outcome.value;
    if (outcome === undefined) return undefined;
    const { kept, suppressed } = applyAllowlist(
      outcome.report.findings,
      this.allowlist.value?.allowlist,
    );
    return { findings: kept, suppressed };
  }

  get #loading(): boolean {
    return this.#source.files.value.some(isActive);
  }

  /**
   * Sends every row not sent yet, a slice at a time, then asks for a report if loading is over.
   * A call while a feed runs makes that feed look again before it ends, so rows or a finished
   * load that arrive during its last await are never left behind.
   */
  async #feed(): Promise<void> {
    const hunter = this.#hunter;
    if (hunter === undefined || this.status.value.state === 'failed') return;
    if (this.#feeding) {
      this.#again = true;
      return;
    }
    this.#feeding = true;
    try {
      do {
        this.#again = false;
        await this.#sendAll(hunter);
      } while (this.#again);
    } catch (error) {
      this.#fail(error);
      return;
    } finally {
      this.#feeding = false;
    }
    this.#askReport(hunter);
  }

  async #sendAll(hunter: Hunter): Promise<void> {
    const waiting: Promise<number>[] = [];
    while (this.#sigmaBehind || this.#sent < this.#source.store.rowCount) {
      this.#roundStarted ??= this.#pacer.now();
      const catchingUp = this.#sigmaBehind;
      waiting.push(catchingUp ? this.#sigmaBatch(hunter) : this.#engineBatch(hunter));
      this.#publish('hunting', undefined, catchingUp ? this.#sigmaSent : undefined);
      if (waiting.length >= IN_FLIGHT) await waiting.shift();
      else await this.#pacer.pause();
    }
    await Promise.all(waiting);
  }

  /** True while rules loaded after rows were sent have not had those rows yet. */
  get #sigmaBehind(): boolean {
    return this.#sigmaSent !== undefined && this.#sigmaSent < this.#sent;
  }

  /** The next rows not sent, to the engine and to the rules (they are caught up). */
  #engineBatch(hunter: Hunter): Promise<number> {
    const end = Math.min(this.#source.store.rowCount, this.#sent + BATCH_ROWS);
    const rows = this.#batch(this.#sent, end);
    this.#sent = end;
    if (this.#sigmaSent !== undefined) this.#sigmaSent = end;
    return hunter.add(rows);
  }

  /** Rows the engine has and the rules loaded since have not: to the rules only. */
  #sigmaBatch(hunter: Hunter): Promise<number> {
    const start = this.#sigmaSent ?? 0;
    const end = Math.min(this.#sent, start + BATCH_ROWS);
    this.#sigmaSent = end;
    return hunter.add(this.#batch(start, end), 'sigma');
  }

  /** Rows as columns, at most BATCH_ROWS: no object a row is made on the page. */
  #batch(start: number, end: number): HuntBatch {
    const store = this.#source.store;
    const { columns, files } = store.rowColumns(start, end);
    return { rows: columns, files, fileNames: store.fileNames() };
  }

  /** What a report asked for now would cover: engine rows, rules and the rows they had. */
  get #coverKey(): string {
    return `${this.#sent} ${this.#rulesAsked} ${this.#sigmaSent ?? '-'}`;
  }

  #askReport(hunter: Hunter): void {
    const rows = this.#source.store.rowCount;
    const done = rows > 0 && this.#sent === rows && !this.#loading && !this.#sigmaBehind;
    if (!done || this.#asking || this.#reportedAt === this.#coverKey) return;

    this.#asking = true;
    const key = this.#coverKey;
    hunter.report().then(
      (outcome) => this.#reported(outcome, key),
      (error: unknown) => this.#fail(error),
    );
  }

  #reported(outcome: HuntOutcome, key: string): void {
    this.#asking = false;
    this.#reportedAt = key;
    const current = key === this.#coverKey;
    const tookMs = current ? this.#tookMs() : undefined;
    batch(() => {
      this.outcome.value = outcome;
      this.#publish(current ? 'ready' : 'hunting', tookMs);
    });
    // Rows sent while the engine reported: the feed asks again once they are in.
    if (!current) void this.#feed();
  }

  #tookMs(): number | undefined {
    const started = this.#roundStarted;
    this.#roundStarted = undefined;
    return started === undefined ? undefined : this.#pacer.now() - started;
  }

  #publish(state: HuntStatus['state'], tookMs?: number, rulesCatchingUp?: number): void {
    const rows = this.#source.store.rowCount;
    this.status.value = {
      state,
      sent: this.#sent,
      rows,
      ...(tookMs === undefined ? {} : { tookMs }),
      ...(rulesCatchingUp === undefined ? {} : { rulesCatchingUp }),
    };
  }

  /**
   * Stops the hunt for good. TODO: after a failure (the worker could not start, or answered
   * something unreadable) nothing restarts it; opening the page again is the way back.
   */
  #fail(error: unknown): void {
    this.#asking = false;
    const rows = this.#source.store.rowCount;
    this.status.value = { state: 'failed', sent: this.#sent, rows, message: messageOf(error) };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
