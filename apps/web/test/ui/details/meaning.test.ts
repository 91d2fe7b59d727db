import { test } from 'node:test';
import assert from 'node:assert/strict';

import { describeField } from '@evtxhunt/hunt';

import { meaningLead } from '../../../src/ui/details/meaning.js';

const SYSMON = 'Microsoft-Windows-Sysmon';

test('meaningLead keeps a one-sentence meaning whole', () => {
  assert.deepEqual(meaningLead('Address of the end that was connected to.'), {
    lead: 'Address of the end that was connected to.',
    hasMore: false,
  });
});

test('meaningLead stops at the first sentence and says there is more', () => {
  const text = describeField(SYSMON, 3, 'ProcessGuid') ?? '';

  assert.deepEqual(meaningLead(text), {
    lead: 'Identifier Sysmon gives the process.',
    hasMore: true,
  });
});

test('meaningLead does not end a sentence inside "e.g. x" or "1.5"', () => {
  const text = 'Version 1.5 of the thing, e.g. a driver. Second sentence.';
  assert.equal(meaningLead(text).lead, 'Version 1.5 of the thing, e.g. a driver.');
});

test('meaningLead cuts a long sentence at a word and ends it with an ellipsis', () => {
  const text = `${'word '.repeat(40)}end.`;
  const { lead, hasMore } = meaningLead(text, 30);

  assert.equal(lead, 'word word word word word word…');
  assert.equal(lead.length <= 30, true);
  assert.equal(hasMore, true);
});

test('meaningLead cuts a long run without spaces at the limit', () => {
  assert.deepEqual(meaningLead('x'.repeat(50), 10), { lead: `${'x'.repeat(9)}…`, hasMore: true });
});
