import { test } from 'node:test';
import assert from 'node:assert/strict';

import { binName, keyboardBrush } from '../../../src/ui/filter/histogram-keys.js';
import { translator } from '../../../src/i18n/translator.js';

const bars = { counts: { length: 5 } };
const key = (name: string, shiftKey = false) => ({ key: name, shiftKey });

test('keyboardBrush moves a one-bar pick, widens it with Shift and zooms with Enter', () => {
  assert.deepEqual(keyboardBrush(key('ArrowRight'), bars, undefined), { anchor: 0, head: 0 });
  assert.deepEqual(keyboardBrush(key('ArrowLeft'), bars, undefined), { anchor: 4, head: 4 });
  assert.deepEqual(keyboardBrush(key('ArrowRight'), bars, { anchor: 1, head: 1 }), {
    anchor: 2,
    head: 2,
  });
  assert.deepEqual(keyboardBrush(key('ArrowRight', true), bars, { anchor: 1, head: 2 }), {
    anchor: 1,
    head: 3,
  });
  assert.deepEqual(keyboardBrush(key('End', true), bars, { anchor: 1, head: 1 }), {
    anchor: 1,
    head: 4,
  });
  assert.deepEqual(keyboardBrush(key('ArrowRight'), bars, { anchor: 4, head: 4 }), {
    anchor: 4,
    head: 4,
  });
  assert.equal(keyboardBrush(key('Enter'), bars, { anchor: 1, head: 3 }), 'zoom');
  assert.equal(keyboardBrush(key('Enter'), bars, undefined), 'ignore');
  assert.equal(keyboardBrush(key('Escape'), bars, { anchor: 1, head: 1 }), undefined);
  assert.equal(keyboardBrush(key('a'), bars, undefined), 'ignore');
  assert.equal(keyboardBrush(key('ArrowRight'), { counts: { length: 0 } }, undefined), 'ignore');
});

test('binName says a bar width in words', () => {
  const en = translator('en');
  assert.equal(binName(60_000, en), 'minute');
  assert.equal(binName(300_000, en), '5 minutes');
  assert.equal(binName(100, en), '100 milliseconds');
  assert.equal(binName(7 * 86_400_000, en), '7 days');
  assert.equal(binName(3 * 3_600_000, en), '3 hours');
  assert.equal(binName(300_000, translator('de')), '5 Minuten');
  assert.equal(binName(1000, translator('de')), 'Sekunde');
});
