/**
 * A read that looks at its file's first bytes before it knows what it is: EVTX (or nothing
 * known, which the EVTX parser then explains) goes the chunk-slot way (file-read.ts), an
 * export is read whole by one worker (export-read.ts). Sniffing is by content, never by name.
 */
import { startsAsExport } from '../files/export-sniff.js';

/** What the pool does with any read: start it once, cancel or fail it at any time. */
export interface Read {
  start(): Promise<void>;
  cancel(): void;
  fail(message: string): void;
}

/** Makes the read for a file: an export's when `isExport`, else an EVTX file's. */
export type MakeRead = (isExport: boolean) => Read;

/** Sniffs the file, then runs the read `make` gives for it. */
export class SniffedRead implements Read {
  #inner: Read | undefined;
  #cancelled = false;
  #failure: string | undefined;

  constructor(
    private readonly file: Blob,
    private readonly make: MakeRead,
  ) {}

  async start(): Promise<void> {
    this.#inner = this.make(await startsAsExport(this.file));
    if (this.#failure !== undefined) this.#inner.fail(this.#failure);
    else if (this.#cancelled) this.#inner.cancel();
    await this.#inner.start();
  }

  cancel(): void {
    this.#cancelled = true;
    this.#inner?.cancel();
  }

  fail(message: string): void {
    this.#failure ??= message;
    this.#inner?.fail(message);
  }
}
