import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  SysmonConfigError,
  parseSysmonConfig,
  rulesForEventId,
} from '../../src/sysmon-config/config.js';
import type { SysmonConfig } from '../../src/sysmon-config/model.js';

function messages(config: SysmonConfig): string[] {
  return config.warnings.map((warning) => `${warning.line}: ${warning.message}`);
}

test('parseSysmonConfig reads schema version, options and bare event elements', () => {
  const config = parseSysmonConfig(
    [
      '<Sysmon schemaversion="4.10">',
      '  <HashAlgorithms>md5, sha256,IMPHASH</HashAlgorithms>',
      '  <CheckRevocation/>',
      '  <DnsLookup>False</DnsLookup>',
      '  <ArchiveDirectory>Sysmon</ArchiveDirectory>',
      '  <EventFiltering>',
      '    <NetworkConnect onmatch="include">',
      '      <Image condition="image">certutil.exe</Image>',
      '      <DestinationPort>4444</DestinationPort>',
      '    </NetworkConnect>',
      '  </EventFiltering>',
      '</Sysmon>',
    ].join('\n'),
    'old.xml',
  );

  assert.equal(config.name, 'old.xml');
  assert.equal(config.schemaVersion, '4.10');
  assert.equal(config.defaultRelation, 'or');
  assert.deepEqual(config.options.hashAlgorithms, ['md5', 'sha256', 'IMPHASH']);
  assert.equal(config.options.checkRevocation, true);
  assert.equal(config.options.dnsLookup, false);
  assert.equal(config.options.archiveDirectory, 'Sysmon');
  assert.deepEqual(
    config.options.all.map((option) => option.name),
    ['HashAlgorithms', 'CheckRevocation', 'DnsLookup', 'ArchiveDirectory'],
  );
  assert.deepEqual(config.warnings, []);
  assert.deepEqual(config.eventTypes, [
    {
      element: 'NetworkConnect',
      eventIds: [3],
      include: [
        {
          element: 'NetworkConnect',
          onMatch: 'include',
          relation: 'or',
          items: [
            { kind: 'filter', field: 'Image', operator: 'image', value: 'certutil.exe', line: 8 },
            { kind: 'filter', field: 'DestinationPort', operator: 'is', value: '4444', line: 9 },
          ],
          line: 7,
          order: 0,
        },
      ],
      exclude: [],
    },
  ]);
});

test('parseSysmonConfig: filters combine with AND above schema 4.1 unless groupRelation says', () => {
  const relations = (version: string, group: string): string[] =>
    parseSysmonConfig(
      `<Sysmon schemaversion="${version}"><EventFiltering>` +
        `<RuleGroup ${group}><ProcessCreate onmatch="exclude"/></RuleGroup>` +
        '<FileCreate onmatch="include"/></EventFiltering></Sysmon>',
    ).eventTypes.flatMap((type) => [...type.include, ...type.exclude].map((set) => set.relation));

  assert.deepEqual(relations('4.22', ''), ['and', 'and']);
  assert.deepEqual(relations('4.2', 'groupRelation="or"'), ['or', 'and']);
  assert.deepEqual(relations('4.1', ''), ['or', 'or']);
  assert.deepEqual(relations('4.10', 'groupRelation="AND"'), ['and', 'or']);
});

test('parseSysmonConfig reads compound Rules and the RuleName each filter records', () => {
  const config = parseSysmonConfig(
    [
      '<Sysmon schemaversion="4.90"><EventFiltering>',
      '<RuleGroup name="group" groupRelation="or">',
      '  <ProcessCreate onmatch="include">',
      '    <Image condition="end with">a.exe</Image>',
      '    <Image name="own" condition="end with">b.exe</Image>',
      '    <Image name="" condition="end with">c.exe</Image>',
      '    <Rule name="pair" groupRelation="or">',
      '      <Image condition="end with">d.exe</Image>',
      '      <CommandLine name="inner" condition="contains">-x</CommandLine>',
      '    </Rule>',
      '    <rule>',
      '      <ParentImage condition="end with">e.exe</ParentImage>',
      '    </rule>',
      '  </ProcessCreate>',
      '</RuleGroup>',
      '</EventFiltering></Sysmon>',
    ].join('\n'),
  );

  const items = rulesForEventId(config, 1)?.include[0]?.items;
  assert.deepEqual(items, [
    {
      kind: 'filter',
      field: 'Image',
      operator: 'end with',
      value: 'a.exe',
      name: 'group',
      line: 4,
    },
    { kind: 'filter', field: 'Image', operator: 'end with', value: 'b.exe', name: 'own', line: 5 },
    { kind: 'filter', field: 'Image', operator: 'end with', value: 'c.exe', line: 6 },
    {
      kind: 'rule',
      relation: 'or',
      name: 'pair',
      filters: [
        {
          kind: 'filter',
          field: 'Image',
          operator: 'end with',
          value: 'd.exe',
          name: 'pair',
          line: 8,
        },
        {
          kind: 'filter',
          field: 'CommandLine',
          operator: 'contains',
          value: '-x',
          name: 'inner',
          line: 9,
        },
      ],
      line: 7,
    },
    {
      kind: 'rule',
      relation: 'and',
      filters: [
        {
          kind: 'filter',
          field: 'ParentImage',
          operator: 'end with',
          value: 'e.exe',
          name: 'group',
          line: 12,
        },
      ],
      line: 11,
    },
  ]);
  assert.equal(config.eventTypes[0]?.include[0]?.groupName, 'group');
});

test('parseSysmonConfig warns, with lines, about what Sysmon refuses or reads surprisingly', () => {
  const config = parseSysmonConfig(
    [
      '<Sysmon schemaversion="4.90"><EventFiltering>',
      '<NetworkConnection onmatch="include"/>',
      '<RuleGroup groupRelation="xor">',
      '  <DnsQuery onmatch="exclude"><QueryName condition="matches">x</QueryName></DnsQuery>',
      '  <FileCreate onmatch="include"/>',
      '</RuleGroup>',
      '<ProcessCreate>',
      '</ProcessCreate>',
      '<ProcessTerminate onmatch="include">stray',
      '  <Image condition="Contains"> C:\\Users\\</Image>',
      '  <Image condition="begin with">%SystemRoot%\\x</Image>',
      '  <Rule groupRelation="and"></Rule>',
      '  <Rule><Rule><Image>x</Image></Rule><Image>y</Image></Rule>',
      '</ProcessTerminate>',
      '<RuleGroup></RuleGroup>',
      '</EventFiltering></Sysmon>',
    ].join('\n'),
  );

  assert.deepEqual(messages(config), [
    '2: unknown event element <NetworkConnection>; Sysmon refuses the file',
    '3: groupRelation "xor" is read as "and", as Sysmon does',
    '4: unknown condition "matches" on <QueryName>; Sysmon refuses the file; filter ignored',
    '5: only the first event element of a RuleGroup counts (<DnsQuery> at line 4); <FileCreate> is ignored',
    '7: <ProcessCreate> has no onmatch attribute; Sysmon refuses the file; ignored',
    '9: text inside <ProcessTerminate> is ignored',
    '10: condition "Contains" is not Sysmon\'s spelling; read as "contains"',
    '10: value of <Image> starts or ends with white space, which Sysmon compares as written',
    "11: value of <Image> contains '%': Sysmon may expand it as an environment variable; compared as written here",
    '12: <Rule> without filters is ignored, as Sysmon keeps nothing of it',
    '13: a <Rule> inside a <Rule> is ignored',
    '15: RuleGroup holds no event element',
  ]);
  assert.deepEqual(
    config.eventTypes.map((type) => type.element),
    ['ProcessTerminate', 'DnsQuery'],
  );
  assert.equal(config.eventTypes[1]?.exclude[0]?.items.length, 0);
});

test('parseSysmonConfig keeps every rule set of a type and warns when there are several', () => {
  const config = parseSysmonConfig(
    [
      '<Sysmon schemaversion="4.90"><EventFiltering>',
      '<RuleGroup groupRelation="or"><DriverLoad onmatch="include"><Signed>false</Signed></DriverLoad></RuleGroup>',
      '<RuleGroup groupRelation="or"><DriverLoad onmatch="include"><Hashes>x</Hashes></DriverLoad></RuleGroup>',
      '<FileCreate onmatch="exclude"><Image>a</Image></FileCreate>',
      '<FileCreate onmatch="exclude"><Image>b</Image></FileCreate>',
      '</EventFiltering></Sysmon>',
    ].join('\n'),
  );

  const driver = rulesForEventId(config, 6);
  assert.deepEqual(
    driver?.include.map((set) => [set.line, set.order]),
    [
      [2, 0],
      [3, 1],
    ],
  );
  assert.deepEqual(messages(config), [
    '3: DriverLoad has 2 include rule sets (lines 2, 3); Sysmon keeps each, and a match in any of them counts',
    '5: FileCreate has 2 exclude rule sets (lines 4, 5); Sysmon keeps each, and a match in any of them counts',
    '5: FileCreate has only exclude rule sets and more than one of them, so Sysmon logs no FileCreate event at all',
  ]);
});

test('rulesForEventId finds RegistryEvent, PipeEvent and WmiEvent by any of their Event IDs', () => {
  const config = parseSysmonConfig(
    '<Sysmon schemaversion="4.90"><EventFiltering><RegistryEvent onmatch="include"/>' +
      '<PipeEvent onmatch="include"/><WmiEvent onmatch="include"/></EventFiltering></Sysmon>',
  );

  for (const [eventId, element] of [
    [12, 'RegistryEvent'],
    [14, 'RegistryEvent'],
    [18, 'PipeEvent'],
    [21, 'WmiEvent'],
  ] as const) {
    assert.equal(rulesForEventId(config, eventId)?.element, element, `Event ID ${eventId}`);
  }
  assert.equal(rulesForEventId(config, 3), undefined);
  assert.equal(rulesForEventId(config, 4), undefined);
});

test('parseSysmonConfig warns about a missing schema version and reads filters with AND', () => {
  const config = parseSysmonConfig('<Sysmon><EventFiltering/></Sysmon>');

  assert.equal(config.schemaVersion, undefined);
  assert.equal(config.defaultRelation, 'and');
  assert.deepEqual(messages(config), ['1: <Sysmon> has no schemaversion attribute']);
});

test('parseSysmonConfig throws SysmonConfigError naming the file, line and column', () => {
  const cases: [string, string | undefined, string, number][] = [
    [
      '<Sysmon>\n  <EventFiltering>\n</Sysmon>',
      'bad.xml',
      'Cannot read Sysmon configuration "bad.xml": expected </EventFiltering> (opened at line 2) but found </Sysmon> at line 3, column 1',
      3,
    ],
    [
      '<?xml version="1.0"?>\n<Config/>',
      undefined,
      'Cannot read Sysmon configuration text: the root element is <Config>, not <Sysmon> at line 2, column 1',
      2,
    ],
  ];

  for (const [text, name, message, line] of cases) {
    assert.throws(
      () => parseSysmonConfig(text, name),
      (error: unknown) =>
        error instanceof SysmonConfigError && error.message === message && error.line === line,
    );
  }
});

test('parseSysmonConfig lists at most ten lines when a type has many rule sets', () => {
  const sets = Array.from(
    { length: 30 },
    () => '<DnsQuery onmatch="include"><QueryName>a</QueryName></DnsQuery>',
  );
  const rules = parseSysmonConfig(
    ['<Sysmon schemaversion="4.90"><EventFiltering>', ...sets, '</EventFiltering></Sysmon>'].join(
      '\n',
    ),
  );

  assert.deepEqual(
    rules.warnings.map((warning) => warning.message),
    [
      'DnsQuery has 30 include rule sets (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, ...); Sysmon keeps each, and a match in any of them counts',
    ],
  );
});
