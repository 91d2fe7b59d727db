import { test } from 'node:test';
import assert from 'node:assert/strict';

import { SYSMON_EVENT_FIELDS } from '../../src/docs/sysmon-fields.js';
import { SYSMON_EVENT_TYPES, UNFILTERED_EVENT_IDS } from '../../src/sysmon-config/event-types.js';
import { parseSysmonConfig } from '../../src/sysmon-config/config.js';
import { sysmonEventFields, unknownEventFields } from '../../src/sysmon-config/field-check.js';

test('SYSMON_EVENT_FIELDS lists every Event ID a configuration filters or Sysmon always logs', () => {
  const ids = [
    ...SYSMON_EVENT_TYPES.flatMap((type) => type.eventIds),
    ...UNFILTERED_EVENT_IDS.keys(),
  ];

  assert.deepEqual(
    ids.filter((id) => !SYSMON_EVENT_FIELDS.has(id)),
    [],
  );
  assert.equal(SYSMON_EVENT_FIELDS.size, ids.length);
  for (const [id, entry] of SYSMON_EVENT_FIELDS) {
    const fields = entry.fields.map((field) => field.name);
    assert.equal(new Set(fields).size, fields.length, `Event ID ${id} lists a field twice`);
    assert.ok(fields.includes('UtcTime'), `Event ID ${id} has no UtcTime`);
  }
});

test('sysmonEventFields has the network connection fields in Sysmon spelling', () => {
  const fields = sysmonEventFields(3) ?? [];

  assert.equal(fields.length, 18);
  assert.deepEqual(fields.slice(0, 5), [
    'RuleName',
    'UtcTime',
    'ProcessGuid',
    'ProcessId',
    'Image',
  ]);
  assert.ok(fields.includes('DestinationIp') && !fields.includes('DestinationIP'));
  assert.ok(sysmonEventFields(10)?.includes('SourceProcessGUID'));
  assert.ok(sysmonEventFields(8)?.includes('SourceProcessGuid'));
  assert.equal(sysmonEventFields(99), undefined);
});

test('unknownEventFields names typos and the field each was probably meant as', () => {
  assert.deepEqual(unknownEventFields(3, ['Image', 'DestinationPort']), []);
  assert.deepEqual(unknownEventFields(3, ['Imag', 'DestinationIP', 'Colour', 'QueryName']), [
    { name: 'Imag', suggestion: 'Image' },
    { name: 'DestinationIP', suggestion: 'DestinationIp' },
    { name: 'Colour' },
    { name: 'QueryName' },
  ]);
  assert.deepEqual(unknownEventFields(22, ['QueryName', 'queryname']), [
    { name: 'queryname', suggestion: 'QueryName' },
  ]);
  assert.deepEqual(unknownEventFields(99, ['Anything']), []);
  assert.deepEqual(unknownEventFields(1, ['x'.repeat(10_000)]), [{ name: 'x'.repeat(10_000) }]);
});

test('parseSysmonConfig warns about a filter on a field Sysmon never writes for that event', () => {
  const config = parseSysmonConfig(
    [
      '<Sysmon schemaversion="4.90"><EventFiltering><RuleGroup groupRelation="or">',
      '<NetworkConnect onmatch="include">',
      '<Imaeg condition="is">C:\\x.exe</Imaeg>',
      '<DestinationPort condition="is">443</DestinationPort>',
      '</NetworkConnect></RuleGroup></EventFiltering></Sysmon>',
    ].join('\n'),
    'typo.xml',
  );
  assert.deepEqual(config.warnings, [
    {
      line: 3,
      message:
        'Sysmon writes no field Imaeg for NetworkConnect (did you mean Image?): Sysmon would refuse this file, and the filter never matches here',
    },
  ]);
});
