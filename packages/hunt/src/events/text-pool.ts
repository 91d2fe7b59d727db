/**
 * One copy of text that repeats from event to event. Every event brings its own string for its
 * computer, image, user and file, so a table that keeps one per process would keep thousands of
 * copies of `C:\Windows\System32\svchost.exe`; sharing them through a pool keeps one. The pool is
 * bounded: past TEXT_POOL_SIZE distinct texts, new ones are returned as they are.
 */

/** Distinct texts one pool shares. */
export const TEXT_POOL_SIZE = 65_536;

/** Shares repeated text; see the module comment. */
export class TextPool {
  readonly #texts = new Map<string, string>();

  /** The pool's copy of `text`, which is `text` itself the first time (or past the limit). */
  share(text: string): string {
    const known = this.#texts.get(text);
    if (known !== undefined) return known;

    if (this.#texts.size < TEXT_POOL_SIZE) this.#texts.set(text, text);
    return text;
  }

  /** share() for a text that may be absent. */
  shareMaybe(text: string | undefined): string | undefined {
    return text === undefined ? undefined : this.share(text);
  }
}
