import { test } from 'node:test';
import assert from 'node:assert/strict';

import { UsageError } from '../src/errors.js';
import { queryOption } from '../src/query-option.js';
import { ISSUE43, runEvtxhunt } from './run-cli.js';

const record = {
  recordId: '1',
  timeCreated: '2024-05-01T10:00:00.0000000Z',
  eventId: 3,
  provider: 'Microsoft-Windows-Sysmon',
  channel: 'Microsoft-Windows-Sysmon/Operational',
  computer: 'WS01',
  level: 4,
  data: { Image: 'C:\\Windows\\System32\\rundll32.exe', DestinationPort: '8080' },
};

test('queryOption is undefined without a query and a filter with one', () => {
  assert.equal(queryOption(undefined), undefined);
  assert.equal(queryOption('Image:*\\rundll32.exe DestinationPort:>1024 level:4')?.(record), true);
  assert.equal(queryOption('-eventId:3')?.(record), false);
});

test('queryOption throws a UsageError naming the problem and its column', () => {
  assert.throws(
    () => queryOption('Image:"abc'),
    (error: unknown) =>
      error instanceof UsageError && error.message === '--query: unclosed quote at column 7',
  );
});

test('dump --query writes only the matching records', async () => {
  const all = await runEvtxhunt('dump', '--query', 'eventId:3', ISSUE43);
  const lines = all.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

  assert.equal(all.status, 0);
  assert.equal(lines.length, 153);
  assert.ok(lines.every((line) => line.eventId === 3));

  const query = 'eventId:3 DestinationPort:9050 time:[2017-10-23T07:32Z TO 2017-10-23T07:35Z}';
  const window = await runEvtxhunt('dump', '--query', query, ISSUE43);
  const times = window.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).timeCreated);
  assert.equal(times.length, 4);
  assert.ok(times.every((time: string) => time >= '2017-10-23T07:32' && time < '2017-10-23T07:35'));

  const xml = await runEvtxhunt('dump', '--format', 'xml', '--query', 'wanadecryptor', ISSUE43);
  assert.equal(xml.stdout.trim().split('\n').length, 59);
});

test('pivot --query narrows the selection and combines with --where', async () => {
  const run = await runEvtxhunt('pivot', '--json', '--query', 'DestinationPort:9050', ISSUE43);
  const result = JSON.parse(run.stdout);
  assert.equal(result.selected, 10);
  assert.deepEqual(result.rows[0].key, [
    'C:\\tool-test\\tools\\tasksche\\@WanaDecryptor@.exe',
    '127.0.0.1',
  ]);

  const both = await runEvtxhunt(
    ...['pivot', '--json', '--all-events', '--query', 'eventId:3 OR eventId:1'],
    ...['--where', 'Image~wanadecryptor', ISSUE43],
  );
  assert.equal(JSON.parse(both.stdout).selected, 29);
});

test('a bad --query is a usage error before anything is read', async () => {
  const run = await runEvtxhunt('dump', '--query', 'x:/a(?=b)/', 'missing.evtx');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^evtxhunt: --query: regular expression \/a\(\?=b\)\/: a lookahead/);
  assert.doesNotMatch(run.stderr, /missing\.evtx/);
});
