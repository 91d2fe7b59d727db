/** Sort ranks of interned values: numbers as numbers, text in a numeric-aware collation. */
import type { ValuePool } from './value-pool.js';

const COLLATOR = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The sort rank of every code of `pool` (index = code); NaN for NO_VALUE. */
export function valueRanks(pool: ValuePool): Float64Array {
  const codes = Array.from({ length: pool.size - 1 }, (_, i) => i + 1);
  const text = (code: number) => pool.text(code) ?? '';
  if (pool.numeric) codes.sort((a, b) => Number(text(a)) - Number(text(b)) || a - b);
  else codes.sort((a, b) => COLLATOR.compare(text(a), text(b)) || a - b);

  const ranks = new Float64Array(pool.size).fill(Number.NaN);
  codes.forEach((code, rank) => (ranks[code] = rank));
  return ranks;
}

/** The sort rank of every string of `values` (index = position). */
export function textRanks(values: readonly string[]): Float64Array {
  const order = values.map((_, i) => i);
  order.sort((a, b) => COLLATOR.compare(values[a] ?? '', values[b] ?? '') || a - b);
  const ranks = new Float64Array(values.length);
  order.forEach((index, rank) => (ranks[index] = rank));
  return ranks;
}
