import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapSpaceStatistics } from 'node:v8';

import { keepYoungGenerationSmall } from '../src/heap-settings.js';

function newSpaceBytes(): number {
  const space = getHeapSpaceStatistics().find((one) => one.space_name === 'new_space');
  if (space === undefined) throw new Error('V8 reports no new_space');
  return space.space_size;
}

test('keepYoungGenerationSmall: for a hunt, the young generation grows at most once', () => {
  keepYoungGenerationSmall(['hunt', 'log.evtx']);
  const before = newSpaceBytes();

  // Objects that survive several young collections: without the setting V8 doubles the young
  // generation each time (from 1 to 32 MB on Node 20 over as many objects).
  const kept: { index: number }[] = [];
  for (let index = 0; index < 2_000_000; index++) kept.push({ index });

  assert.equal(kept.length, 2_000_000);
  // V8 still grows it once past its first size when survivors fill it (1 to 2 MB on Node 20).
  const after = newSpaceBytes();
  assert.ok(after <= 2 * before, `the new space grew from ${before} to ${after} bytes`);
});
