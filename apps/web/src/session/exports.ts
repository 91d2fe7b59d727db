/**
 * The export view's state: writing the events table's rows (in slices, with progress) or the
 * findings, and the finished file as a Blob for the page to offer as a download. One export at
 * a time; starting another retires the one running.
 */
import type { TimeZoneChoice } from '@evtxhunt/hunt';
import { computed, signal, type ReadonlySignal } from '@preact/signals';

import { exportFindings, exportRows, type ExportFile, type ExportFormat } from '../hunt/export.js';
import { LatestOnly, type Pacer } from '../hunt/slices.js';
import type { RowView } from '../store/view.js';
import type { HuntResult, HuntSource } from './hunt.js';

/** What is exported. */
export type ExportKind = `events-${ExportFormat}` | 'findings-jsonl';

/** Where an export is. */
export type ExportState =
  | { readonly state: 'idle' }
  | {
      readonly state: 'writing';
      readonly kind: ExportKind;
      readonly rows: number;
      readonly written: number;
    }
  | {
      readonly state: 'ready';
      readonly kind: ExportKind;
      readonly file: ExportFile;
      /** What it was written from: the table's rows and columns, or the report. */
      readonly from: ExportBasis;
    }
  | { readonly state: 'failed'; readonly kind: ExportKind; readonly message: string };

/** What an export was written from, to tell when it is out of date. */
export interface ExportBasis {
  readonly view?: RowView;
  readonly columns?: readonly string[];
  readonly result?: HuntResult | undefined;
}

/** What an export session needs besides the workbench. */
export interface ExportOptions {
  readonly pacer: Pacer;
  readonly timeZone: () => TimeZoneChoice;
}

/** State of the export view. */
export class ExportSession {
  readonly state = signal<ExportState>({ state: 'idle' });
  /**
   * True when the finished export is of other rows, columns or findings than the page shows
   * now (more logs loaded, another filter, a newer report).
   */
  readonly stale: ReadonlySignal<boolean>;
  /** The finished file not handed to the browser to download yet: taken once, by the view. */
  #undelivered: ExportFile | undefined;

  readonly #source: HuntSource;
  readonly #result: ReadonlySignal<HuntResult | undefined>;
  readonly #options: ExportOptions;
  readonly #latest = new LatestOnly();

  constructor(
    source: HuntSource,
    result: ReadonlySignal<HuntResult | undefined>,
    options: ExportOptions,
  ) {
    this.#source = source;
    this.#result = result;
    this.#options = options;
    this.stale = computed(() => {
      const state = this.state.value;
      return state.state === 'ready' && !this.#current(state.from);
    });
  }

  /**
   * True once for a file just written: the view downloads it then, and never again on its own
   * (going back to the export tab offers it as a link only).
   */
  takeDownload(file: ExportFile): boolean {
    if (this.#undelivered !== file) return false;
    this.#undelivered = undefined;
    return true;
  }

  /** The zone the next export writes times in. */
  get timeZone(): TimeZoneChoice {
    return this.#options.timeZone();
  }

  /** Writes every row of the events table, as it is filtered and sorted, in `format`. */
  async events(format: ExportFormat): Promise<void> {
    const kind: ExportKind = `events-${format}`;
    const wanted = this.#latest.next();
    const view = this.#source.view.value;
    const writing = { state: 'writing', kind, rows: view.length } as const;
    this.state.value = { ...writing, written: 0 };
    const progress = (written: number) => (this.state.value = { ...writing, written });
    try {
      const spec = {
        store: this.#source.store,
        view,
        columns: this.#source.columns.value,
        format,
        timeZone: this.#options.timeZone(),
      };
      const file = await exportRows(spec, this.#options.pacer, wanted, progress);
      if (file !== undefined && wanted()) this.#ready(kind, file, { view, columns: spec.columns });
    } catch (error) {
      if (wanted()) this.#failed(kind, error);
    }
  }

  /** Writes the findings shown (after the allowlist) as JSON Lines. */
  findings(): void {
    this.#latest.next();
    const kind: ExportKind = 'findings-jsonl';
    try {
      const result = this.#result.value;
      const file = exportFindings(result?.findings ?? [], this.#options.timeZone());
      this.#ready(kind, file, { result });
    } catch (error) {
      this.#failed(kind, error);
    }
  }

  #ready(kind: ExportKind, file: ExportFile, from: ExportBasis): void {
    this.#undelivered = file;
    this.state.value = { state: 'ready', kind, file, from };
  }

  /** Whether what an export was written from is what the page shows now. */
  #current(from: ExportBasis): boolean {
    if (from.view === undefined) return from.result === this.#result.value;
    const columns = this.#source.columns.value;
    const same = from.columns?.length === columns.length;
    return (
      from.view === this.#source.view.value &&
      same &&
      columns.every((c, at) => c === from.columns?.[at])
    );
  }

  #failed(kind: ExportKind, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.state.value = { state: 'failed', kind, message };
  }
}
