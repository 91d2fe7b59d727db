import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Prng } from '../src/prng.js';

test('Prng: a seed fixes the sequence; another seed changes it', () => {
  const a = new Prng(1);
  const b = new Prng(1);
  const c = new Prng(2);
  const first = Array.from({ length: 5 }, () => a.u32());

  assert.deepEqual(
    Array.from({ length: 5 }, () => b.u32()),
    first,
  );
  assert.notDeepEqual(
    Array.from({ length: 5 }, () => c.u32()),
    first,
  );
});

test('Prng: int stays in range and covers it; guid is Windows text', () => {
  const random = new Prng(9);
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) seen.add(random.int(10));

  assert.deepEqual(
    [...seen].sort((x, y) => x - y),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  assert.match(random.guid(), /^\{[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}\}$/);
});
