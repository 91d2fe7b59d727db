import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  termState,
  timeWindowOf,
  toggledValue,
  topLevel,
  withTimeWindow,
  withoutTimeWindow,
} from '../../src/filter/query-edit.js';

const T0 = Date.UTC(2019, 1, 18, 17, 0, 0);

test('toggledValue adds a value, takes it away on a second click, and swaps include/exclude', () => {
  const include = (text: string) =>
    toggledValue(text, false, { field: 'eventId', value: '3', exclude: false });
  const exclude = (text: string) =>
    toggledValue(text, false, { field: 'eventId', value: '3', exclude: true });

  assert.equal(include(''), 'eventId:3');
  assert.equal(include('svchost'), 'svchost eventId:3');
  assert.equal(include('svchost eventId:3'), 'svchost');
  assert.equal(exclude('svchost eventId:3'), 'svchost -eventId:3');
  assert.equal(include('a OR b'), '(a OR b) eventId:3');
  assert.equal(
    toggledValue('', false, { field: 'Image', value: 'C:\\a b\\x.exe', exclude: false }),
    'Image:"C:\\a b\\x.exe"',
  );
});

test('termState tells an included value from an excluded one', () => {
  const nodes = topLevel('eventId:3 -provider:"Microsoft-Windows-Sysmon"', false);

  assert.equal(termState(nodes, 'eventId', '3'), 'included');
  assert.equal(termState(nodes, 'provider', 'Microsoft-Windows-Sysmon'), 'excluded');
  assert.equal(termState(nodes, 'eventId', '1'), undefined);
  assert.deepEqual(topLevel('eventId:(', false), [], 'a broken query has no terms');
});

test('withTimeWindow replaces the time window and timeWindowOf reads it back', () => {
  const once = withTimeWindow('eventId:3', false, { fromMs: T0, toMs: T0 + 60_000 });
  assert.equal(
    once,
    'eventId:3 timeCreated:[2019-02-18T17:00:00.000Z TO 2019-02-18T17:01:00.000Z}',
  );
  const twice = withTimeWindow(once, false, { fromMs: T0 + 1000, toMs: T0 + 2000 });

  assert.deepEqual(timeWindowOf(twice, false), { fromMs: T0 + 1000, toMs: T0 + 2000 });
  assert.equal(withoutTimeWindow(twice, false), 'eventId:3');
  assert.deepEqual(timeWindowOf('time:[2019-02-18 TO *]', false), {
    fromMs: Date.UTC(2019, 1, 18),
    toMs: Infinity,
  });
  assert.equal(timeWindowOf('eventId:3', false), undefined);
});
