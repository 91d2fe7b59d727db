import { test } from 'node:test';
import assert from 'node:assert/strict';

import { compileQuery, parseQuery, type QueryRow } from '@evtxhunt/hunt';

import { processEventsQuery, showProcessEvents } from '../../src/session/process-events.js';

const GUID = '{0b8f529f-fb44-59ab-0000-0010f68bf200}';

function rowWith(processGuid: string): QueryRow {
  return {
    field: (name) => (name === 'ProcessGuid' ? processGuid : undefined),
    someValue: (test) => test(processGuid),
  };
}

test('processEventsQuery quotes the GUID so its braces are not read as a range', () => {
  assert.equal(processEventsQuery(GUID), `ProcessGuid:"${GUID}"`);
});

test('processEventsQuery matches that ProcessGuid and no other', () => {
  const parsed = parseQuery(processEventsQuery(GUID));
  assert.ok(parsed.ok);

  const matches = compileQuery(parsed.ast);
  assert.equal(matches(rowWith(GUID)), true);
  assert.equal(matches(rowWith('{0b8f529f-fb44-59ab-0000-0010f68bf201}')), false);
});

test('processEventsQuery keeps quotes, wildcards and backslashes in a hostile GUID literal', () => {
  const hostile = '{x" OR * \\"} *';
  const parsed = parseQuery(processEventsQuery(hostile));
  assert.ok(parsed.ok);

  assert.equal(parsed.ast.kind, 'term');
  assert.equal(parsed.ast.field, 'ProcessGuid');
  assert.deepEqual(parsed.ast.match, { kind: 'text', value: hostile });
  assert.equal(compileQuery(parsed.ast)(rowWith('{x')), false);
});

test('showProcessEvents hands the query text to the query owner', () => {
  const set: string[] = [];
  showProcessEvents({ setQuery: (text) => void set.push(text) }, GUID);
  assert.deepEqual(set, [`ProcessGuid:"${GUID}"`]);
});
