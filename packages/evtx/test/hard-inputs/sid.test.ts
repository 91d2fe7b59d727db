/** SIDs from no sub-authority up to the maximum of 15. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataFile, eventData, eventRecord, fileWith, value } from '../support/index.js';
import { onlyRecord, section } from '../support/parse.js';

const FIFTEEN = 'S-1-5-21-1-2-3-4-5-6-7-8-9-10-11-4294967295';

test('toStructured renders SIDs with 0 to 15 sub-authorities', async () => {
  const { data } = await onlyRecord(
    dataFile({
      System: value.sid('S-1-5-18'),
      Domain: value.sid('S-1-5-21-3623811015-3361044348-30300820-1013'),
      Label: value.sid('S-1-16-12288'),
      Null: value.sid('S-1-0'),
      Fifteen: value.sid(FIFTEEN),
    }),
  );
  assert.deepEqual(data.data, {
    System: 'S-1-5-18',
    Domain: 'S-1-5-21-3623811015-3361044348-30300820-1013',
    Label: 'S-1-16-12288',
    Null: 'S-1-0',
    Fifteen: FIFTEEN,
  });
});

test('toXml puts System/Security/@UserID as a SID string', async () => {
  const { data, xml } = await onlyRecord(
    fileWith(eventRecord({ recordId: 1, eventId: 1, userId: FIFTEEN }, eventData({}))),
  );
  assert.equal(data.userId, FIFTEEN);
  assert.equal(section(xml, 'Security'), `<Security UserID='${FIFTEEN}'/>`);
});
