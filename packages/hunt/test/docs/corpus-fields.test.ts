/**
 * The field names real logs carry, from the committed list scripts/corpus-field-names.mjs
 * extracted from the shared corpus (test/docs/fixtures/corpus-fields.json): every Sysmon field
 * list must be exactly what SYSMON_EVENT_FIELDS says its schema writes, and every field of a
 * described event must have a description.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describeEvent, describeField } from '../../src/docs/describe.js';
import { sysmonFieldNames } from '../../src/docs/sysmon-fields.js';
import { SYSMON_PROVIDER } from '../../src/sysmon.js';

interface FieldList {
  readonly fields: readonly string[];
  readonly schemaVersions: readonly string[];
  readonly example: string;
}

interface CorpusEvent {
  readonly provider: string;
  readonly eventId: number;
  readonly fieldLists: readonly FieldList[];
}

const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));
const FIXTURE = `${REPO}packages/hunt/test/docs/fixtures/corpus-fields.json`;
const EVENTS = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { events: CorpusEvent[] }).events;
const SYSMON = EVENTS.filter((event) => event.provider === SYSMON_PROVIDER);

/** Every schema version named in Sysmon's manifests, 3.30 to 4.90. */
const SCHEMAS = [
  '3.30',
  '3.40',
  '4.00',
  '4.10',
  '4.20',
  '4.21',
  '4.22',
  '4.23',
  '4.30',
  '4.31',
].concat(['4.32', '4.40', '4.50', '4.60', '4.70', '4.80', '4.81', '4.82', '4.83', '4.90']);

test('corpus list holds the Sysmon events the corpus is known to have', () => {
  const ids = SYSMON.map((event) => event.eventId);
  assert.deepEqual(
    ids,
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 27],
  );
  assert.equal(SYSMON.find((event) => event.eventId === 1)?.fieldLists.length, 5);
});

test('sysmonFieldNames gives exactly each field list Sysmon wrote in the corpus', () => {
  for (const { eventId, fieldLists } of SYSMON) {
    for (const { fields, schemaVersions, example } of fieldLists) {
      const written = fields.join(',');
      const matching = SCHEMAS.filter((v) => sysmonFieldNames(eventId, v)?.join(',') === written);
      const known = schemaVersions.length > 0;
      const ok = known ? schemaVersions.some((v) => matching.includes(v)) : matching.length > 0;
      assert.ok(
        ok,
        `Event ${eventId} in ${example} (schema ${schemaVersions.join('/') || '?'}): ${written}`,
      );
    }
  }
});

test('describeField describes every Sysmon field seen in the corpus', () => {
  for (const { eventId, fieldLists } of SYSMON) {
    for (const name of new Set(fieldLists.flatMap((list) => list.fields))) {
      assert.ok(describeField(SYSMON_PROVIDER, eventId, name), `Sysmon ${eventId} ${name}`);
    }
  }
});

test('describeField describes every field of the other described events seen in the corpus', () => {
  const described = EVENTS.filter(
    (event) => event.provider !== SYSMON_PROVIDER && describeEvent(event.provider, event.eventId),
  );
  // 4719 and 4740 are described but not in the corpus.
  assert.equal(described.length, 28);

  for (const { provider, eventId, fieldLists } of described) {
    for (const name of new Set(fieldLists.flatMap((list) => list.fields))) {
      assert.ok(describeField(provider, eventId, name), `${provider} ${eventId} ${name}`);
    }
  }
});
