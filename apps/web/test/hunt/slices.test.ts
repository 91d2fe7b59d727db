import { test } from 'node:test';
import assert from 'node:assert/strict';

import { LatestOnly, SLICE_MS, slicedLoop, type Pacer } from '../../src/hunt/slices.js';

/** A clock that moves 1 ms per reading, and a count of pauses. */
function fakePacer() {
  let now = 0;
  const state = { pauses: 0 };
  const pacer: Pacer = {
    now: () => now++,
    pause: async () => void state.pauses++,
  };
  return { pacer, state };
}

test('slicedLoop visits every item in order, pausing between slices', async () => {
  const { pacer, state } = fakePacer();
  const seen: number[] = [];

  const done = await slicedLoop(1000, (i) => void seen.push(i), pacer);

  assert.equal(done, true);
  assert.deepEqual(
    seen,
    Array.from({ length: 1000 }, (_, i) => i),
  );
  // 128 items between clock readings, SLICE_MS readings per slice at 1 ms each.
  assert.equal(state.pauses, Math.ceil(1000 / (128 * SLICE_MS)) - 1);
});

test('slicedLoop stops at the next slice once a newer loop starts', async () => {
  const { pacer } = fakePacer();
  const latest = new LatestOnly();
  const first = latest.next();
  let visited = 0;

  const running = slicedLoop(100_000, () => void visited++, pacer, first);
  latest.next();

  assert.equal(await running, false);
  assert.ok(visited > 0 && visited < 100_000, `${visited} visited`);
});
