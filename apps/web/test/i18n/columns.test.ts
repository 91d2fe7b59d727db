import { test } from 'node:test';
import assert from 'node:assert/strict';

import { columnLabel } from '../../src/i18n/columns.js';
import { translator } from '../../src/i18n/translator.js';

test('a data field name is shown with its controls and bidi marks as escapes', () => {
  const de = translator('de');
  assert.equal(
    columnLabel(de, { key: 'data:Evil\u202eexe.txt', label: 'Evil\u202eexe.txt\u001b[2J' }),
    'Evil\\u202eexe.txt\\x1b[2J',
  );
  assert.equal(columnLabel(de, { key: 'computer', label: 'Computer' }), 'Computer');
  assert.equal(columnLabel(de, { key: 'timeCreated', label: 'Time', zone: 'UTC' }), 'Zeit (UTC)');
});
