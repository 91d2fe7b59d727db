import assert from 'node:assert/strict';
import { test } from 'node:test';

import { mergeSuppressed } from '../src/sigma-hunt.js';

test('mergeSuppressed sums the counts of one allowlist line and joins their kinds', () => {
  const engine = [
    { rule: 'computer=h', line: 2, count: 3, kinds: ['beacon', 'lolbin-outbound'] as const },
    { rule: 'kind=beacon', line: 5, count: 1, kinds: ['beacon'] as const },
  ];
  const sigma = [
    { rule: 'kind=sigma', line: 1, count: 4, kinds: ['sigma'] as const },
    { rule: 'computer=h', line: 2, count: 2, kinds: ['sigma'] as const },
  ];
  assert.deepEqual(mergeSuppressed(engine, sigma), [
    { rule: 'kind=sigma', line: 1, count: 4, kinds: ['sigma'] },
    { rule: 'computer=h', line: 2, count: 5, kinds: ['beacon', 'lolbin-outbound', 'sigma'] },
    { rule: 'kind=beacon', line: 5, count: 1, kinds: ['beacon'] },
  ]);
  assert.deepEqual(mergeSuppressed([], []), []);
});
