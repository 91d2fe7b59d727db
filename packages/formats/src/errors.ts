/** The one error this package throws for an input it cannot read at all. */

/** An input that is not in a readable format, or broke off in a way reading cannot go past. */
export class FormatError extends Error {
  constructor(
    /** The input's name, as given. */
    readonly file: string,
    /** The structure being read: `input`, `gzip`, `csv header`. */
    readonly structure: string,
    /** Byte offset where the problem lies. */
    readonly offset: number,
    /** What is wrong, without the file and place. */
    readonly detail: string,
  ) {
    super(`${file}: ${structure} at byte ${offset}: ${detail}`);
    this.name = 'FormatError';
  }
}
