import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseSize } from '../src/size.js';

test('parseSize reads binary units, any case, with or without B', () => {
  assert.equal(parseSize('65536'), 65536);
  assert.equal(parseSize('100MB'), 100 * 1024 * 1024);
  assert.equal(parseSize('1gb'), 1024 ** 3);
  assert.equal(parseSize('1.5 k'), 1536);
  assert.equal(parseSize('2GiB'), 2 * 1024 ** 3);
});

test('parseSize names the text it cannot read', () => {
  assert.throws(() => parseSize('lots'), /Cannot read size "lots": expected e\.g\. 100MB/);
  assert.throws(() => parseSize('10 TB'), /Cannot read size "10 TB"/);
});
