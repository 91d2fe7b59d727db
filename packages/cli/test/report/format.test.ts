import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  endpointText,
  evidenceRefs,
  formatDuration,
  formatJitter,
  formatScore,
  kindTally,
  mostSevereFirst,
  severityRank,
  severityTally,
  spanText,
  isoTime,
} from '../../src/report/format.js';
import { BEACON, CHAIN, INBOUND, LOLBIN } from './sample-report.js';

test('formatDuration picks the unit that reads best, one decimal at most', () => {
  const cases: [number, string][] = [
    [0, '0 s'],
    [850, '850 ms'],
    [1_000, '1 s'],
    [59_500, '59.5 s'],
    [60_000, '60 s'],
    [119_999, '120 s'],
    [120_000, '2 min'],
    [300_000, '5 min'],
    [5_430_000, '90.5 min'],
    [7_200_000, '2 h'],
    [90_000_000, '25 h'],
    [259_200_000, '3 d'],
    [Number.NaN, 'NaN'],
  ];

  assert.deepEqual(
    cases.map(([ms]) => formatDuration(ms)),
    cases.map(([, text]) => text),
  );
});

test('formatJitter and formatScore round to whole percent and two decimals', () => {
  assert.equal(formatJitter(0.123), '±12%');
  assert.equal(formatJitter(0), '±0%');
  assert.equal(formatScore(0.905), '0.91');
  assert.equal(formatScore(1), '1.00');
});

test('spanText measures between ISO times and gives up on text that is not a time', () => {
  assert.equal(spanText('2024-05-01T08:00:00.0000000Z', '2024-05-01T09:30:00.0000000Z'), '90 min');
  assert.equal(spanText('yesterday', '2024-05-01T09:30:00.0000000Z'), undefined);
});

test('isoTime writes ISO UTC times with Z and seven fraction digits, other text as it is', () => {
  assert.equal(isoTime('2018-02-14T09:51:19.9190000Z'), '2018-02-14T09:51:19.9190000Z');
  assert.equal(isoTime('2024-05-01T08:01:00.12Z'), '2024-05-01T08:01:00.1200000Z');
  assert.equal(isoTime('2024-05-01T08:01:00Z'), '2024-05-01T08:01:00.0000000Z');
  assert.equal(isoTime('2024-05-01T08:01:00+02:00'), '2024-05-01T08:01:00+02:00');
  assert.equal(isoTime('2024-05-01T08:01:00.123456789Z'), '2024-05-01T08:01:00.123456789Z');
  assert.equal(isoTime('yesterday'), 'yesterday');
});

test('endpointText brackets IPv6 addresses before the port', () => {
  assert.equal(endpointText('203.0.113.5', 443), '203.0.113.5:443');
  assert.equal(endpointText('2001:db8::7', 443), '[2001:db8::7]:443');
  assert.equal(endpointText('2001:db8::7', undefined), '2001:db8::7');
});

test('evidenceRefs names a file only when it changes', () => {
  const refs = evidenceRefs([
    { file: 'a.evtx', recordId: '5', eventId: 3, time: '' },
    { file: 'a.evtx', recordId: '6', eventId: 3, time: '' },
    { file: 'b.evtx', recordId: '2', eventId: 3, time: '' },
    { recordId: '9', eventId: 3, time: '' },
    { file: 'b.evtx', recordId: '3', eventId: 3, time: '' },
  ]);

  assert.deepEqual(refs, ['a.evtx #5', '#6', 'b.evtx #2', '#9', 'b.evtx #3']);
});

test('mostSevereFirst orders by severity and keeps the order within one', () => {
  const ordered = mostSevereFirst([INBOUND, LOLBIN, BEACON, CHAIN]);

  assert.deepEqual(
    ordered.map((finding) => finding.kind),
    ['chain', 'lolbin-outbound', 'beacon', 'inbound-admin-port'],
  );
  assert.equal(severityRank('critical'), 4);
  assert.equal(severityRank('constructor'), -1);
});

test('severityTally and kindTally count most severe and most common first', () => {
  const findings = [INBOUND, LOLBIN, BEACON, CHAIN, { ...LOLBIN, severity: 'low' as const }];

  assert.deepEqual(severityTally(findings), [
    ['critical', 1],
    ['high', 2],
    ['medium', 1],
    ['low', 1],
  ]);
  assert.deepEqual(kindTally(findings), [
    ['lolbin-outbound', 2],
    ['beacon', 1],
    ['chain', 1],
    ['inbound-admin-port', 1],
  ]);
});
