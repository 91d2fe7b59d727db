/**
 * Compressed bytes through the runtime's DecompressionStream (a browser's, or Node's), keeping
 * what came out before a break. Chromium empties a stream's output queue when the stream
 * errors, and a cut gzip errors only when its input is closed: output not yet read then was
 * lost (a .gz cut at 50 kB gave 73 of its 733 lines, the output of one 64 KiB read). So the
 * output is read as it comes, into a list of our own, the input goes in small pieces, and the
 * input is closed only once everything it gave has been read.
 */

/** Compressed bytes written at once: what one piece unpacks to waits in memory to be read. */
const PIECE_BYTES = 16 * 1024;

/** What a format's compressed data is called in a message, and what holds it. */
const NAMES = {
  gzip: { data: 'gzip data', whole: 'the .gz' },
  'deflate-raw': { data: 'deflate data', whole: 'the zip member' },
} as const;

/** A break in compressed data, in our words: where in the compressed bytes it was found. */
export class CompressedDataError extends Error {
  override readonly name = 'CompressedDataError';
}

/** The compressed data of `format` ends early: all `bytes` of it were read. */
export function cutError(format: keyof typeof NAMES, bytes: number): CompressedDataError {
  const { data, whole } = NAMES[format];
  return new CompressedDataError(`${data} cut at byte ${bytes} of ${whole}`);
}

/** The compressed data of `format` is damaged between byte `from` and byte `to`. */
export function damagedError(
  format: keyof typeof NAMES,
  from: number,
  to: number,
): CompressedDataError {
  const { data, whole } = NAMES[format];
  return new CompressedDataError(`${data} damaged between bytes ${from} and ${to} of ${whole}`);
}

/** Runs `compressed` through a DecompressionStream of `format`; throws CompressedDataError. */
export async function* decompress(
  compressed: AsyncIterable<Uint8Array>,
  format: 'gzip' | 'deflate-raw',
): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream(format);
  const writer = stream.writable.getWriter();
  const output = new OutputTaker(stream.readable.getReader());
  let written = 0;
  try {
    for await (const chunk of compressed) {
      for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
        const piece = chunk.subarray(at, at + PIECE_BYTES) as Uint8Array<ArrayBuffer>;
        const wrote = await writer.write(piece).then(
          () => true,
          () => false,
        );
        yield* await output.taken();
        if (!wrote) throw damagedError(format, written, written + piece.length);
        written += piece.length;
      }
    }
    const closed = await closeAfterReading(writer, output);
    yield* await output.taken();
    if (!closed) throw cutError(format, written);
  } finally {
    await output.stop();
    await writer.abort().catch(() => undefined);
  }
}

/**
 * Closes the input once the output so far is read (a task later: reading the queue takes only
 * microtasks), so the error a cut stream gives on closing empties no queue. False when the
 * compressed data ended early.
 */
async function closeAfterReading(
  writer: WritableStreamDefaultWriter<BufferSource>,
  output: OutputTaker,
): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  const closed = await writer.close().then(
    () => true,
    () => false,
  );
  await output.ended();
  return closed;
}

/** Reads a stream's output as soon as there is any, into a list the caller takes from. */
class OutputTaker {
  #parts: Uint8Array[] = [];
  #done: Promise<void>;

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {
    this.#done = this.#readAll();
  }

  async #readAll(): Promise<void> {
    for (;;) {
      const next = await this.reader.read().catch(() => undefined);
      if (next === undefined || next.done) return;
      this.#parts.push(next.value);
    }
  }

  /** The output read so far, once the reading of what is queued now has had its turn. */
  async taken(): Promise<Uint8Array[]> {
    await Promise.resolve();
    const parts = this.#parts;
    this.#parts = [];
    return parts;
  }

  /** Resolves when the stream has ended or failed. */
  ended(): Promise<void> {
    return this.#done;
  }

  async stop(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
    await this.#done;
  }
}
