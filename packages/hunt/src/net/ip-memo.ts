/**
 * parseIp once per distinct text. A log names the same few thousand addresses over and over, so
 * the engine keeps the last answers: up to IP_MEMO_SIZE texts, forgotten all at once when full
 * (a log with more distinct addresses only loses the saving, never an answer).
 */
import { parseIp, type IpAddress } from './ip.js';

/** Distinct texts remembered before the memo starts again. */
export const IP_MEMO_SIZE = 4096;

/** A parseIp that remembers; parse() gives the same answers as parseIp. */
export class IpMemo {
  readonly #parsed = new Map<string, IpAddress | null>();

  /** parseIp(text), from memory when the text was parsed lately. */
  parse(text: string): IpAddress | undefined {
    const known = this.#parsed.get(text);
    if (known !== undefined) return known ?? undefined;

    const ip = parseIp(text);
    if (this.#parsed.size >= IP_MEMO_SIZE) this.#parsed.clear();
    this.#parsed.set(text, ip ?? null);
    return ip;
  }
}
