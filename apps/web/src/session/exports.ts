/**
 * The export view's state: writing the events table's rows (in slices, with progress) or the
 * findings, and the finished file as a Blob for the page to offer as a download. One export at
 * a time; starting another retires the one running.
 */
import type { TimeZoneChoice } from '@evtxhunt/hunt';
import { signal, type ReadonlySignal } from '@preact/signals';

import { exportFindings, exportRows, type ExportFile, type ExportFormat } from '../hunt/export.js';
import { LatestOnly, type Pacer } from '../hunt/slices.js';
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
  | { readonly state: 'ready'; readonly kind: ExportKind; readonly file: ExportFile }
  | { readonly state: 'failed'; readonly kind: ExportKind; readonly message: string };

/** What an export session needs besides the workbench. */
export interface ExportOptions {
  readonly pacer: Pacer;
  readonly timeZone: () => TimeZoneChoice;
}

/** State of the export view. */
export class ExportSession {
  readonly state = signal<ExportState>({ state: 'idle' });

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
      if (file !== undefined && wanted()) this.#ready(kind, file);
    } catch (error) {
      if (wanted()) this.#failed(kind, error);
    }
  }

  /** Writes the findings shown (after the allowlist) as JSON Lines. */
  findings(): void {
    this.#latest.next();
    const kind: ExportKind = 'findings-jsonl';
    try {
      const findings = this.#result.value?.findings ?? [];
      this.#ready(kind, exportFindings(findings, this.#options.timeZone()));
    } catch (error) {
      this.#failed(kind, error);
    }
  }

  #ready(kind: ExportKind, file: ExportFile): void {
    this.state.value = { state: 'ready', kind, file };
  }

  #failed(kind: ExportKind, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.state.value = { state: 'failed', kind, message };
  }
}
