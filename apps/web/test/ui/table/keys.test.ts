import { test } from 'node:test';
import assert from 'node:assert/strict';

import { movedSelection } from '../../../src/ui/table/keys.js';

test('movedSelection steps, pages and jumps within the rows', () => {
  assert.equal(movedSelection('ArrowDown', -1, 100, 10), 0, 'the first arrow selects the top row');
  assert.equal(movedSelection('ArrowUp', -1, 100, 10), 0);
  assert.equal(movedSelection('ArrowDown', 5, 100, 10), 6);
  assert.equal(movedSelection('ArrowDown', 99, 100, 10), 99);
  assert.equal(movedSelection('ArrowUp', 0, 100, 10), 0);
  assert.equal(movedSelection('PageDown', 95, 100, 10), 99);
  assert.equal(movedSelection('PageUp', 5, 100, 10), 0);
  assert.equal(movedSelection('Home', 50, 100, 10), 0);
  assert.equal(movedSelection('End', 50, 100, 10), 99);
  assert.equal(movedSelection('Enter', 50, 100, 10), undefined);
  assert.equal(movedSelection('ArrowDown', -1, 0, 10), undefined, 'no rows, no selection');
});
