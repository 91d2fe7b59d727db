/**
 * One export (XML, JSON, CSV, gzipped or not) read by one worker from start to end: its rows
 * arrive batch by batch in input order, and the page asks for the next batch only once it has
 * taken the last one in. An export has no chunks, so its summary counts records and problems
 * only; its diagnostics name the structure, the byte offset and the line.
 */
import type { Diagnostic, FileSummary } from '@evtxhunt/evtx';
import type { FormatDiagnostic } from '@evtxhunt/formats';

import type { ExportReply, Progress } from '../protocol.js';
import { unpackRows } from '../row-batch.js';
import { columnsOfRows } from '../row-columns.js';
import type { FileToRead, ParseListener } from './file-read.js';

/** The way back to the worker reading an export. */
export interface ExportChannel {
  /** The last batch is taken in: read on. */
  more(): void;
  /** The read is over on the page: stop reading. */
  stop(): void;
}

/** How an export read reaches a worker and tells the pool it is over. */
export interface ExportContext {
  /** Starts reading `file` on a worker; each of its replies goes to `take`. */
  open(file: FileToRead, take: (reply: ExportReply) => void): ExportChannel;
  /** Called once, when the read has told its listener how it ended. */
  ended(): void;
}

/** Reads one export through the pool; `start` once, `cancel` or `fail` at any time. */
export class ExportRead {
  readonly #diagnostics: Diagnostic[] = [];
  #channel: ExportChannel | undefined;
  #format: string | undefined;
  #records = 0;
  #bytes = 0;
  #failed = 0;
  #omitted = 0;
  #ended = false;

  constructor(
    private readonly file: FileToRead,
    private readonly listener: ParseListener,
    private readonly context: ExportContext,
  ) {}

  /** Asks a worker for the export's first batch. */
  start(): Promise<void> {
    if (!this.#ended) this.#channel = this.context.open(this.file, (reply) => this.take(reply));
    return Promise.resolve();
  }

  /** Stops the read: rows taken in so far stay; the worker stops at its next batch. */
  cancel(): void {
    this.end(true);
  }

  /** Ends the read as failed, with `message`. */
  fail(message: string): void {
    if (this.#ended) return;
    this.#ended = true;
    this.listener.failed(message);
    this.context.ended();
  }

  private take(reply: ExportReply): void {
    if (this.#ended) {
      this.#channel?.stop();
      return;
    }
    let rows;
    try {
      rows = unpackRows(reply.batch);
    } catch (error) {
      // Only a worker answering with a broken batch gets here: a bug, not data.
      this.fail(`${this.file.name}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.account(reply, rows.length);
    // TODO: an export's rows still cross as row objects (export-task.ts) and are put in columns
    // here, on the page; writing columns in the worker, as slot tasks do, would spare that.
    if (rows.length > 0) this.listener.rows(columnsOfRows(rows), this.progress());
    // The listener may have cancelled the read while it took the rows in.
    if (this.#ended) this.#channel?.stop();
    else if (reply.done) this.end(false);
    else this.#channel?.more();
  }

  private account(reply: ExportReply, rows: number): void {
    this.#format = reply.format;
    this.#records += rows;
    this.#bytes = reply.bytes;
    this.#failed += reply.failed;
    this.#omitted += reply.omitted;
    for (const diagnostic of reply.diagnostics) this.#diagnostics.push(evtxDiagnostic(diagnostic));
  }

  private end(cancelled: boolean): void {
    if (this.#ended) return;
    this.#ended = true;
    const progress = this.progress(cancelled ? this.#bytes : this.file.file.size);
    this.listener.done({
      cancelled,
      progress,
      summary: this.summary(),
      diagnosticsOmitted: this.#omitted,
      format: this.#format ?? 'export',
    });
    this.context.ended();
  }

  /** The summary in the parser's shape: no chunks, the records read and failed. */
  private summary(): FileSummary {
    return {
      file: this.file.name,
      size: this.file.file.size,
      chunks: { slots: 0, found: 0, valid: 0, damaged: 0, empty: 0, unreadable: 0 },
      records: { read: this.#records, failed: this.#failed, missing: 0 },
      diagnostics: [...this.#diagnostics],
      lost: this.#failed > 0,
    };
  }

  private progress(bytes = this.#bytes): Progress {
    return { bytes, size: this.file.file.size, records: this.#records };
  }
}

/** An export's diagnostic in the parser's shape, its line (when known) in the message. */
function evtxDiagnostic(diagnostic: FormatDiagnostic): Diagnostic {
  const { severity, structure, offset, line, message } = diagnostic;
  return { severity, structure, offset, message: line ? `line ${line}: ${message}` : message };
}
