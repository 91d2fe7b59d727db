import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  rowWindow,
  scrollToShow,
  scrollTopFor,
  type TableGeometry,
} from '../../../src/ui/table/row-window.js';

const small: TableGeometry = { rowCount: 1730, rowHeight: 24, viewportHeight: 240, maxHeight: 8e6 };
const million: TableGeometry = { ...small, rowCount: 1_000_000 };

test('rowWindow draws the rows in sight at their own offset when the body fits', () => {
  assert.deepEqual(rowWindow(small, 0), { first: 0, count: 11, top: 0, bodyHeight: 41520 });
  assert.deepEqual(rowWindow(small, 250), { first: 10, count: 11, top: 240, bodyHeight: 41520 });
  assert.deepEqual(rowWindow(small, 41520 - 240), {
    first: 1720,
    count: 10,
    top: 41280,
    bodyHeight: 41520,
  });
  assert.deepEqual(rowWindow({ ...small, rowCount: 0 }, 0), {
    first: 0,
    count: 0,
    top: 0,
    bodyHeight: 0,
  });
});

test('rowWindow scales a million rows into the height cap, reaching the first and last row', () => {
  const top = rowWindow(million, 0);
  const bottom = rowWindow(million, 8e6 - 240);
  const middle = rowWindow(million, (8e6 - 240) / 2);

  assert.deepEqual(top, { first: 0, count: 11, top: 0, bodyHeight: 8e6 });
  assert.equal(bottom.first, 1_000_000 - 10);
  assert.equal(bottom.first + bottom.count, 1_000_000);
  assert.equal(bottom.top, 8e6 - 240);
  assert.equal(middle.first, 499_995);
});

test('scrollTopFor and rowWindow agree, scaled or not', () => {
  for (const geometry of [small, million]) {
    for (const position of [0, 1, 777, geometry.rowCount - 10]) {
      assert.equal(rowWindow(geometry, scrollTopFor(geometry, position)).first, position);
    }
  }
});

test('scrollToShow moves the least: up to the row, down until it is the last in view', () => {
  assert.equal(scrollToShow(small, 240, 12), undefined, 'already in view');
  assert.equal(scrollToShow(small, 240, 5), 120);
  assert.equal(scrollToShow(small, 240, 20), 20 * 24 + 24 - 240);
  assert.equal(scrollToShow(small, 250, 10), 240, 'a row cut at the top is brought fully in');

  const down = scrollToShow(million, 0, 10) ?? -1;
  assert.equal(rowWindow(million, down).first, 1);
});
