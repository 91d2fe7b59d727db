import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseSysmonConfig } from '../../src/sysmon-config/config.js';
import {
  ConfigInferenceAccumulator,
  coverageReport,
  inferConfigFromLogs,
  type CoverageProbe,
} from '../../src/sysmon-config/coverage.js';
import { connection, event } from '../synthetic.js';

const CONFIG = parseSysmonConfig(
  [
    '<Sysmon schemaversion="4.50"><EventFiltering>',
    '<RuleGroup groupRelation="or"><NetworkConnect onmatch="include">',
    '<Image name="T1059.001" condition="image">powershell.exe</Image>',
    '<DestinationPort name="Proxy" condition="is">8080</DestinationPort>',
    '</NetworkConnect></RuleGroup>',
    '</EventFiltering></Sysmon>',
  ].join('\n'),
);

const POWERSHELL: CoverageProbe = {
  label: 'powershell.exe',
  eventId: 3,
  fields: {
    Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    DestinationIp: '203.0.113.7',
    DestinationPort: '443',
    Initiated: 'true',
    User: 'CORP\\alice',
  },
};

test('coverageReport answers every probe in order with the reason and RuleName', () => {
  const chrome: CoverageProbe = {
    label: 'chrome.exe',
    eventId: 3,
    fields: { ...POWERSHELL.fields, Image: 'C:\\Program Files\\Google\\Chrome\\chrome.exe' },
  };
  const dns: CoverageProbe = { label: 'any DNS query', eventId: 22, fields: {} };

  assert.deepEqual(coverageReport(CONFIG, [POWERSHELL, chrome, dns]), [
    {
      probe: POWERSHELL,
      logged: true,
      reason: 'included by NetworkConnect include rule Image image powershell.exe (line 3)',
      ruleName: 'T1059.001',
    },
    { probe: chrome, logged: false, reason: 'no NetworkConnect include rule matches' },
    {
      probe: dns,
      logged: false,
      reason: 'DnsQuery is not configured, so Event ID 22 is never logged',
    },
  ]);
});

test("coverageReport reads only the probe's own fields, never inherited properties", () => {
  const rules = parseSysmonConfig(
    '<Sysmon schemaversion="4.50"><EventFiltering><ProcessCreate onmatch="include">' +
      '<constructor condition="is not">x</constructor></ProcessCreate></EventFiltering></Sysmon>',
  );
  const [entry] = coverageReport(rules, [{ label: 'bare', eventId: 1, fields: {} }]);

  assert.equal(entry?.logged, false);
  assert.deepEqual(entry?.missingFields, ['constructor']);
});

test('inferConfigFromLogs collects configuration changes, service states and RuleNames per Event ID', () => {
  const records = [
    event({
      eventId: 16,
      timeCreated: '2024-05-01T09:00:00.0000000Z',
      data: {
        UtcTime: '2024-05-01 09:00:00.000',
        Configuration: 'C:\\sysmon\\sysmonconfig.xml',
        ConfigurationFileHash: 'SHA256=ABCD',
      },
    }),
    event({
      eventId: 4,
      timeCreated: '2024-05-01T08:59:00.0000000Z',
      data: { State: 'Started', Version: '15.15', SchemaVersion: '4.90' },
    }),
    connection({ RuleName: 'technique_id=T1218' }),
    connection({ RuleName: 'technique_id=T1218' }),
    connection({ RuleName: 'Proxy' }),
    connection({ RuleName: '-' }),
    connection({}),
    event({ eventId: 1, data: { RuleName: 'a' } }),
    event({ eventId: 3, provider: 'Microsoft-Windows-Security-Auditing', data: { RuleName: 'x' } }),
  ];

  assert.deepEqual(inferConfigFromLogs(records), {
    configChanges: [
      {
        timeCreated: '2024-05-01T09:00:00.0000000Z',
        computer: 'WS01',
        configuration: 'C:\\sysmon\\sysmonconfig.xml',
        configurationFileHash: 'SHA256=ABCD',
      },
    ],
    serviceStates: [
      {
        timeCreated: '2024-05-01T08:59:00.0000000Z',
        computer: 'WS01',
        state: 'Started',
        version: '15.15',
        schemaVersion: '4.90',
      },
    ],
    eventTypes: [
      { eventId: 1, count: 1, ruleNames: [{ ruleName: 'a', count: 1 }], unnamed: 0 },
      {
        eventId: 3,
        count: 5,
        ruleNames: [
          { ruleName: 'technique_id=T1218', count: 2 },
          { ruleName: 'Proxy', count: 1 },
        ],
        unnamed: 2,
      },
      { eventId: 4, count: 1, ruleNames: [], unnamed: 1 },
      { eventId: 16, count: 1, ruleNames: [], unnamed: 1 },
    ],
  });
});

test('ConfigInferenceAccumulator gives the same facts record by record, and nothing for no records', () => {
  const accumulator = new ConfigInferenceAccumulator();
  assert.deepEqual(accumulator.result(), { configChanges: [], serviceStates: [], eventTypes: [] });

  accumulator.add(connection({ RuleName: 'b' }));
  accumulator.add(connection({ RuleName: 'a' }));
  assert.deepEqual(accumulator.result().eventTypes, [
    {
      eventId: 3,
      count: 2,
      ruleNames: [
        { ruleName: 'a', count: 1 },
        { ruleName: 'b', count: 1 },
      ],
      unnamed: 0,
    },
  ]);
});
