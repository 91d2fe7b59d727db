/**
 * Where a command writes: data to `out`, diagnostics to `err`. Commands receive this instead of
 * touching process streams, so tests can capture both and nothing is global.
 */

/** A text destination; write() resolves once the text may be followed by more. */
export interface TextSink {
  write(text: string): Promise<void>;
  /**
   * Writes text already encoded as UTF-8, resolving once the bytes are written and no longer
   * needed; sinks without it are given the text decoded.
   */
  writeBytes?(bytes: Uint8Array): Promise<void>;
}

/** The streams a command runs with. */
export interface Io {
  readonly out: TextSink;
  readonly err: TextSink;
  /** True when stderr is a terminal: only then is progress shown. */
  readonly errIsTty: boolean;
  /** True when stdout is a terminal that may be coloured (see colorWanted). */
  readonly outIsColorTty?: boolean;
  /** The terminal's width when stdout is a terminal. */
  readonly outColumns?: number;
}

/**
 * Whether output may be coloured: it goes to a terminal and NO_COLOR is absent or empty. Per
 * no-color.org only a non-empty NO_COLOR turns colour off, so `NO_COLOR=` leaves it on.
 */
export function colorWanted(isTty: boolean, noColor: string | undefined): boolean {
  return isTty && (noColor === undefined || noColor === '');
}

/** The subset of a Node writable stream a sink needs. */
export interface WritableLike {
  write(data: string | Uint8Array, done?: (error?: Error | null) => void): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/** A sink over a Node stream that waits for 'drain' when the stream's buffer is full. */
export function streamSink(stream: WritableLike): TextSink {
  const write = (text: string): Promise<void> => {
    if (stream.write(text)) return Promise.resolve();
    return new Promise((resolve) => stream.once('drain', resolve));
  };
  // The bytes may be handed on once written, so this waits for the write, not only for room.
  const writeBytes = (bytes: Uint8Array): Promise<void> =>
    new Promise((resolve) => stream.write(bytes, () => resolve()));
  return { write, writeBytes };
}

/** A sink that keeps everything written, for tests. */
export function memorySink(): TextSink & { text(): string } {
  const parts: string[] = [];
  return {
    write(text) {
      parts.push(text);
      return Promise.resolve();
    },
    text: () => parts.join(''),
  };
}

/** Collects lines and writes them in blocks, so millions of records are not millions of writes. */
export class LineBuffer {
  static readonly BLOCK_CHARS = 64 * 1024;
  readonly #sink: TextSink;
  #parts: string[] = [];
  #chars = 0;

  constructor(sink: TextSink) {
    this.#sink = sink;
  }

  /** Adds one line (a newline is appended); writes the block when it is full. */
  async line(text: string): Promise<void> {
    this.#parts.push(text, '\n');
    this.#chars += text.length + 1;
    if (this.#chars >= LineBuffer.BLOCK_CHARS) await this.flush();
  }

  /**
   * Writes lines already joined and encoded as UTF-8, each ending in a newline, after the rest;
   * resolves once the bytes are no longer needed.
   */
  async bytes(utf8: Uint8Array): Promise<void> {
    if (utf8.length === 0) return;
    await this.flush();
    if (this.#sink.writeBytes !== undefined) await this.#sink.writeBytes(utf8);
    else await this.#sink.write(new TextDecoder().decode(utf8));
  }

  /** Writes whatever is buffered. */
  async flush(): Promise<void> {
    if (this.#parts.length === 0) return;

    const block = this.#parts.join('');
    this.#parts = [];
    this.#chars = 0;
    await this.#sink.write(block);
  }
}
