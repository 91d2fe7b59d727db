import { test } from 'node:test';
import assert from 'node:assert/strict';

import { fieldValues, firstFieldValue, isSystemField } from '../src/fields.js';
import { fieldText } from '../src/record.js';
import { event } from './synthetic.js';

test('fieldValues reads System fields as text', () => {
  const record = event({ eventId: 3, computer: 'DC01', file: 'a.evtx' });

  assert.deepEqual(fieldValues(record, 'eventId'), ['3']);
  assert.deepEqual(fieldValues(record, 'computer'), ['DC01']);
  assert.deepEqual(fieldValues(record, 'provider'), ['Microsoft-Windows-Sysmon']);
  assert.deepEqual(fieldValues(record, 'file'), ['a.evtx']);
});

test('fieldValues returns nothing for an absent System or data field', () => {
  const record = event({ timeCreated: undefined });

  assert.deepEqual(fieldValues(record, 'timeCreated'), []);
  assert.deepEqual(fieldValues(record, 'file'), []);
  assert.deepEqual(fieldValues(record, 'Image'), []);
});

test('fieldValues keeps every value of a repeated data name, in order', () => {
  const record = event({ data: { Data: ['first', 'second'], Image: 'x.exe' } });

  assert.deepEqual(fieldValues(record, 'Data'), ['first', 'second']);
  assert.equal(firstFieldValue(record, 'Data'), 'first');
  assert.equal(firstFieldValue(record, 'Image'), 'x.exe');
});

test('isSystemField tells System names from data names, with case', () => {
  assert.equal(isSystemField('eventId'), true);
  assert.equal(isSystemField('EventID'), false);
  assert.equal(isSystemField('Image'), false);
});

test('fieldValues and fieldText read own fields only, never Object.prototype members', () => {
  const record = event({ data: { Image: 'a.exe' } });
  assert.deepEqual(fieldValues(record, 'constructor'), []);
  assert.deepEqual(fieldValues(record, 'toString'), []);
  assert.equal(fieldText(record, '__proto__'), undefined);
});
