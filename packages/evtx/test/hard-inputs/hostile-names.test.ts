/**
 * Data names an attacker picks to break JavaScript objects: `__proto__`, `constructor`,
 * `toString`, `hasOwnProperty`. Each is an ordinary field of the structured record.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventData, eventRecord, fileWith } from '../support/index.js';
import { onlyRecord } from '../support/parse.js';

test('toStructured keeps fields named like Object.prototype members', async () => {
  // JSON.parse makes `__proto__` an own property, as an object literal would not.
  const fields = JSON.parse(
    '{"__proto__":"p","constructor":"c","toString":"t","hasOwnProperty":"h","Image":"x.exe"}',
  ) as Record<string, string>;
  const { data } = await onlyRecord(
    fileWith(eventRecord({ recordId: 1, eventId: 1 }, eventData(fields))),
  );

  assert.deepEqual(Object.entries(data.data), [
    ['__proto__', 'p'],
    ['constructor', 'c'],
    ['toString', 't'],
    ['hasOwnProperty', 'h'],
    ['Image', 'x.exe'],
  ]);
  assert.equal(JSON.parse(JSON.stringify(data.data)).constructor, 'c');
});

test('toStructured keeps repeats of a field named constructor as an array', async () => {
  const { data } = await onlyRecord(
    fileWith(
      eventRecord(
        { recordId: 1, eventId: 1 },
        eventData(JSON.parse('{"constructor":"a"}') as Record<string, string>),
      ),
    ),
  );
  assert.equal(data.data['constructor'], 'a');
});
