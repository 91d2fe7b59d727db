/**
 * What the user sees on stderr while files are read: each new parser diagnostic as it appears,
 * and, only when stderr is a terminal, a progress line rewritten in place.
 */
import type { FileSummary } from '@evtxhunt/evtx';

import { formatDiagnostic } from './diagnostics.js';
import type { Io } from './io.js';

/** Records between checks for new diagnostics and progress; keeps the per-record cost tiny. */
const CHECK_EVERY = 256;
/** Least time between two progress updates, in milliseconds. */
const PROGRESS_INTERVAL_MS = 100;

/** Reports diagnostics and progress for one command run over many files. */
export class Reporter {
  readonly #io: Io;
  #file = '';
  #position = '';
  /** Records in the current file, and in all files so far (the number progress shows). */
  #records = 0;
  #total = 0;
  /** The log (summary.file) whose first `#printed` diagnostics were printed. */
  #log: string | undefined;
  #printed = 0;
  #progressWidth = 0;
  #lastProgress = 0;

  constructor(io: Io) {
    this.#io = io;
  }

  /** Starts counting for file `index` (from 1) of `total`. */
  async startFile(index: number, total: number, file: string): Promise<void> {
    this.#file = file;
    this.#position = `file ${index}/${total}`;
    this.#records = 0;
    this.#log = undefined;
    this.#printed = 0;
    await this.#progress();
  }

  /** Counts one record; now and then prints new diagnostics and refreshes progress. */
  async record(summary: FileSummary): Promise<void> {
    this.#records++;
    this.#total++;
    if (this.#records % CHECK_EVERY !== 0) return;

    await this.diagnostics(summary);
    await this.#progress();
  }

  /** Counts `count` records at once (a chunk's); now and then prints diagnostics and progress. */
  async records(summary: FileSummary, count: number): Promise<void> {
    const before = this.#records;
    this.#records += count;
    this.#total += count;
    if (Math.floor(before / CHECK_EVERY) === Math.floor(this.#records / CHECK_EVERY)) return;

    await this.diagnostics(summary);
    await this.#progress();
  }

  /**
   * Prints the diagnostics the summary gained since the last call, each under the summary's
   * file: one input may hold several logs (a zip's exports, then each EVTX member named
   * `archive.zip:member.evtx`), each with a summary of its own.
   */
  async diagnostics(summary: FileSummary): Promise<void> {
    if (summary.file !== this.#log) {
      this.#log = summary.file;
      this.#printed = 0;
    }
    const fresh = summary.diagnostics.slice(this.#printed);
    if (fresh.length === 0) return;

    this.#printed = summary.diagnostics.length;
    const lines = fresh.map((diagnostic) => formatDiagnostic(summary.file, diagnostic) + '\n');
    await this.line(lines.join('').slice(0, -1));
  }

  /** Writes a line to stderr, clearing the progress line first so they do not mix. */
  async line(text: string): Promise<void> {
    await this.clearProgress();
    await this.#io.err.write(text + '\n');
  }

  /** Removes the progress line, if one is shown. */
  async clearProgress(): Promise<void> {
    if (this.#progressWidth === 0) return;

    const blank = ' '.repeat(this.#progressWidth);
    this.#progressWidth = 0;
    await this.#io.err.write(`\r${blank}\r`);
  }

  async #progress(): Promise<void> {
    await this.progress(`${this.#position}, records ${this.#total}`);
  }

  /** Shows `text` as the progress line, on a terminal only and at most every 100 ms. */
  async progress(text: string): Promise<void> {
    if (!this.#io.errIsTty) return;

    const now = Date.now();
    if (now - this.#lastProgress < PROGRESS_INTERVAL_MS) return;
    this.#lastProgress = now;

    const padding = ' '.repeat(Math.max(0, this.#progressWidth - text.length));
    this.#progressWidth = text.length;
    await this.#io.err.write(`\r${text}${padding}`);
  }
}
