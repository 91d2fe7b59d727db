import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseQuery } from '@evtxhunt/hunt';

import { timeBounds } from '../../src/filter/time-bounds.js';

function bounds(query: string) {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return timeBounds(parsed.ast);
}

const DAY = Date.UTC(2024, 4, 1);

test('timeBounds reads time windows, comparisons and time values, a millisecond wider', () => {
  assert.deepEqual(bounds('time:2024-05-01'), { fromMs: DAY - 1, toMs: DAY + 86_400_000 + 1 });
  assert.deepEqual(bounds('eventId:3 timeCreated:>=2024-05-01'), {
    fromMs: DAY - 1,
    toMs: Infinity,
  });
  assert.deepEqual(bounds('time:>2024-05-01'), {
    fromMs: DAY + 86_400_000 - 1,
    toMs: Infinity,
  });
  assert.deepEqual(
    bounds(
      'timeCreated:[2024-05-01T10:00:00.000Z TO 2024-05-01T11:00:00.000Z} time:<2024-05-01T10:30',
    ),
    { fromMs: DAY + 36_000_000 - 1, toMs: DAY + 37_800_000 + 1 },
    'two windows: both hold',
  );
});

test('timeBounds sets none where the time is not required', () => {
  assert.equal(bounds('eventId:3'), undefined);
  assert.equal(bounds('time:2024-05-01 OR eventId:3'), undefined, 'an OR may keep any time');
  assert.equal(bounds('-time:2024-05-01'), undefined);
  assert.equal(bounds('UtcTime:2024-05-01'), undefined, 'another field');
});
