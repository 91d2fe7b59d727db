/**
 * pivot says how many of a group's events came from recovered records, in every format and
 * whether the records were read here or by worker threads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { REPO, runEvtxhunt } from './run-cli.js';

/** 380 records of Event ID 325, 113 of them recovered behind destroyed chunk headers. */
const BAD_MAGIC = `${REPO}packages/evtx/test/fixtures/sample_with_a_bad_chunk_magic.evtx`;
const PIVOT = ['pivot', '--all-events', '--by', 'eventId'];

for (const threads of ['1', '2']) {
  test(`pivot --threads ${threads}: a recovered column in text and CSV, a count in --json`, async () => {
    const args = [...PIVOT, '--threads', threads, BAD_MAGIC];
    const text = await runEvtxhunt(...args);
    const json = await runEvtxhunt(...args, '--json');
    const csv = await runEvtxhunt(...args, '--csv');

    assert.deepEqual(text.stdout.split('\n').slice(0, 2), [
      'count  recovered  eventId  ports  hostnames  first seen                    last seen',
      '  380        113  325      -      -          2018-08-07T15:51:15.7248721Z  2018-08-08T16:40:15.8207027Z',
    ]);
    const rows = JSON.parse(json.stdout).rows;
    assert.deepEqual(
      rows.map((row: { key: string[]; count: number; recovered?: number }) => [
        row.key,
        row.count,
        row.recovered,
      ]),
      [[['325'], 380, 113]],
    );
    assert.deepEqual(csv.stdout.split('\r\n').slice(1, 3), [
      'count,recovered,eventId,ports,hostnames,firstSeen (UTC),lastSeen (UTC)',
      '380,113,325,,,2018-08-07T15:51:15.7248721Z,2018-08-08T16:40:15.8207027Z',
    ]);
  });
}

test('pivot --query -recovered:true leaves the column out: no group holds a recovered event', async () => {
  const run = await runEvtxhunt(...PIVOT, '--query', '-recovered:true', BAD_MAGIC);

  assert.deepEqual(run.stdout.split('\n').slice(0, 2), [
    'count  eventId  ports  hostnames  first seen                    last seen',
    '  267  325      -      -          2018-08-07T15:51:15.7248721Z  2018-08-08T15:47:31.7040779Z',
  ]);
});
