/**
 * Long loops over rows cut into slices of a few milliseconds, with a pause between slices so
 * the page keeps drawing and answering input on a million rows. A loop can be abandoned: a
 * newer one (the filter changed, the user picked another finding) makes the older one stop at
 * its next slice.
 */

/** A clock and a way to give the event loop a turn. */
export interface Pacer {
  now(): number;
  pause(): Promise<void>;
}

/** How long one slice may run before pausing, in milliseconds. */
export const SLICE_MS = 8;

/** Items visited between looks at the clock. */
const CHECK_EVERY = 128;

/** The pacer of a page: performance.now and a zero-delay timer. */
export const PAGE_PACER: Pacer = {
  now: () => performance.now(),
  pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
};

/** Says whether a loop is still wanted. */
export type StillWanted = () => boolean;

/**
 * Calls `visit(i)` for i from 0 to `count` - 1, pausing every SLICE_MS. Resolves to true when
 * every item was visited, false when `wanted` turned false first.
 */
export async function slicedLoop(
  count: number,
  visit: (i: number) => void,
  pacer: Pacer,
  wanted: StillWanted = () => true,
): Promise<boolean> {
  let i = 0;
  while (i < count) {
    if (!wanted()) return false;
    const sliceEnd = pacer.now() + SLICE_MS;
    do {
      const stop = Math.min(count, i + CHECK_EVERY);
      for (; i < stop; i++) visit(i);
    } while (i < count && pacer.now() < sliceEnd);
    if (i < count) await pacer.pause();
  }
  return wanted();
}

/** Makes `StillWanted` checks for a series of loops where each new one retires the last. */
export class LatestOnly {
  #generation = 0;

  /** Starts a new loop; every earlier loop's check turns false. */
  next(): StillWanted {
    const mine = ++this.#generation;
    return () => mine === this.#generation;
  }
}
