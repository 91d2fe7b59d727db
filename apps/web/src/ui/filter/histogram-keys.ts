/**
 * The histogram's keyboard brush, pure so it is tested without a browser: arrows move a pick
 * of one bar, Shift+arrows widen it, Home and End jump, Enter zooms to it, Escape drops it.
 */
import type { Translator } from '../../i18n/translator.js';

/** Bars picked with the keyboard: where the pick started and where it is now. */
export interface BarPick {
  readonly anchor: number;
  readonly head: number;
}

/** What a key does: a new pick, no pick, zoom to the pick, or nothing for this key. */
export type BrushStep = BarPick | undefined | 'zoom' | 'ignore';

/** The keys the brush reads. */
export interface BrushKey {
  readonly key: string;
  readonly shiftKey: boolean;
}

/** The brush's answer to `event` over `bars` bars. */
export function keyboardBrush(
  event: BrushKey,
  histogram: { readonly counts: { readonly length: number } },
  pick: BarPick | undefined,
): BrushStep {
  const bars = histogram.counts.length;
  if (bars === 0) return 'ignore';
  const moved = (head: number): BarPick => {
    const clamped = Math.min(bars - 1, Math.max(0, head));
    return { anchor: event.shiftKey && pick !== undefined ? pick.anchor : clamped, head: clamped };
  };

  switch (event.key) {
    case 'ArrowRight':
      return moved(pick === undefined ? 0 : pick.head + 1);
    case 'ArrowLeft':
      return moved(pick === undefined ? bars - 1 : pick.head - 1);
    case 'Home':
      return moved(0);
    case 'End':
      return moved(bars - 1);
    case 'Enter':
      return pick === undefined ? 'ignore' : 'zoom';
    case 'Escape':
      return pick === undefined ? 'ignore' : undefined;
    default:
      return 'ignore';
  }
}

type UnitKey = 'unit.day' | 'unit.hour' | 'unit.minute' | 'unit.second' | 'unit.millisecond';

const UNITS: readonly [number, UnitKey][] = [
  [86_400_000, 'unit.day'],
  [3_600_000, 'unit.hour'],
  [60_000, 'unit.minute'],
  [1000, 'unit.second'],
  [1, 'unit.millisecond'],
];

/** A bar's width in words: `minute`, `5 minutes`, `100 milliseconds`. */
export function binName(ms: number, tr: Translator): string {
  const [size, unit] = UNITS.find(([unitMs]) => ms % unitMs === 0) ?? [1, 'unit.millisecond'];
  return tr.t(unit, { count: ms / size });
}
