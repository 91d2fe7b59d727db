import type { LimitName } from './binxml/tokens.js';

/** One error type for everything the parser cannot read, naming the structure and the offset. */
export class EvtxError extends Error {
  override readonly name = 'EvtxError';

  constructor(
    /** The structure being read, e.g. `chunk header`, `binxml`. */
    readonly structure: string,
    /** Absolute byte offset in the file (or chunk-relative where the caller says so). */
    readonly offset: number,
    readonly reason: string,
    /** The named limit the input went over (see `Limits`), when that is why it failed. */
    readonly limit?: LimitName,
  ) {
    super(`Cannot read ${structure} at 0x${offset.toString(16)}: ${reason}`);
  }
}

/** Formats an offset the way every message does. */
export function hex(offset: number): string {
  return `0x${offset.toString(16)}`;
}
