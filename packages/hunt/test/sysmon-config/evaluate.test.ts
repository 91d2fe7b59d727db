import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseSysmonConfig } from '../../src/sysmon-config/config.js';
import { wouldLog } from '../../src/sysmon-config/evaluate.js';
import { eventTypeState } from '../../src/sysmon-config/state.js';

/** A configuration whose EventFiltering body starts on line 2, one element per line. */
function config(lines: readonly string[], version = '4.90') {
  return parseSysmonConfig(
    [
      `<Sysmon schemaversion="${version}"><EventFiltering>`,
      ...lines,
      '</EventFiltering></Sysmon>',
    ].join('\n'),
  );
}

function fields(values: Record<string, string>): (name: string) => string | undefined {
  return (name) => (Object.hasOwn(values, name) ? values[name] : undefined);
}

const CHROME = {
  Image: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  DestinationIp: '8.8.8.8',
  DestinationPort: '443',
  DestinationHostname: 'dns.google',
};

const INCLUDE_AND_EXCLUDE = [
  '<RuleGroup groupRelation="or">',
  '<NetworkConnect onmatch="include">',
  '<Image name="Usermode" condition="begin with">C:\\Users</Image>',
  '<Image condition="image">certutil.exe</Image>',
  '<DestinationPort name="Proxy" condition="is">8080</DestinationPort>',
  '</NetworkConnect>',
  '</RuleGroup>',
  '<RuleGroup groupRelation="or">',
  '<NetworkConnect onmatch="exclude">',
  '<Image condition="end with">\\Teams.exe</Image>',
  '<DestinationIp condition="is">127.0.0.1</DestinationIp>',
  '</NetworkConnect>',
  '</RuleGroup>',
];

test('wouldLog: an include set logs only what it matches, with the RuleName it records', () => {
  const rules = config(INCLUDE_AND_EXCLUDE);

  assert.deepEqual(wouldLog(rules, 3, fields(CHROME)), {
    logged: false,
    reason: 'no NetworkConnect include rule matches',
  });
  assert.deepEqual(wouldLog(rules, 3, fields({ ...CHROME, Image: 'C:\\Users\\bob\\x.exe' })), {
    logged: true,
    reason: 'included by NetworkConnect include rule Image begin with C:\\Users (line 4)',
    ruleName: 'Usermode',
  });
  assert.deepEqual(wouldLog(rules, 3, fields({ ...CHROME, Image: 'D:\\CERTUTIL.EXE' })), {
    logged: true,
    reason: 'included by NetworkConnect include rule Image image certutil.exe (line 5)',
  });
});

test('wouldLog: exclude wins over a matching include rule', () => {
  const rules = config(INCLUDE_AND_EXCLUDE);
  const teams = { ...CHROME, Image: 'C:\\Users\\bob\\AppData\\Local\\Microsoft\\Teams\\Teams.exe' };

  assert.deepEqual(wouldLog(rules, 3, fields(teams)), {
    logged: false,
    reason: 'excluded by NetworkConnect exclude rule Image end with \\Teams.exe (line 11)',
  });
  assert.equal(
    wouldLog(rules, 3, fields({ ...CHROME, DestinationPort: '8080', DestinationIp: '127.0.0.1' }))
      .logged,
    false,
  );
  assert.equal(wouldLog(rules, 3, fields({ ...CHROME, DestinationPort: '8080' })).logged, true);
});

test('wouldLog: an exclude-only type logs everything its rules do not drop', () => {
  const rules = config([
    '<NetworkConnect onmatch="exclude">',
    '<Image condition="end with">chrome.exe</Image>',
    '</NetworkConnect>',
  ]);

  assert.deepEqual(wouldLog(rules, 3, fields({ ...CHROME, Image: 'C:\\x\\beacon.exe' })), {
    logged: true,
    reason:
      'no NetworkConnect exclude rule matches, and NetworkConnect has only exclude rules, so everything else is logged',
  });
  assert.deepEqual(wouldLog(rules, 3, fields(CHROME)), {
    logged: false,
    reason: 'excluded by NetworkConnect exclude rule Image end with chrome.exe (line 3)',
  });
});

test('wouldLog: an unconfigured type is off or on as Sysmon defaults it, and 4, 16, 255 always log', () => {
  const rules = config([]);

  assert.deepEqual(wouldLog(rules, 3, fields(CHROME)), {
    logged: false,
    reason: 'NetworkConnect is not configured, so Event ID 3 is never logged',
  });
  assert.deepEqual(wouldLog(rules, 1, fields({})), {
    logged: true,
    reason: 'ProcessCreate is not configured, and Sysmon logs every ProcessCreate event by default',
  });
  assert.deepEqual(wouldLog(rules, 16, fields({})), {
    logged: true,
    reason: 'Event ID 16 (configuration change) is always logged; no configuration filters it',
  });
  assert.deepEqual(wouldLog(rules, 99, fields({})), {
    logged: false,
    reason: 'Event ID 99 is not an event type Sysmon configurations describe',
  });
});

test('wouldLog: groupRelation and needs every field, filters on one field being alternatives', () => {
  const rules = config([
    '<RuleGroup groupRelation="and">',
    '<NetworkConnect onmatch="include">',
    '<Image condition="image">powershell.exe</Image>',
    '<Image condition="image">pwsh.exe</Image>',
    '<DestinationPort condition="is">443</DestinationPort>',
    '</NetworkConnect>',
    '</RuleGroup>',
  ]);
  const pwsh = { ...CHROME, Image: 'C:\\Program Files\\PowerShell\\7\\pwsh.exe' };

  assert.deepEqual(wouldLog(rules, 3, fields(pwsh)), {
    logged: true,
    reason:
      'included by NetworkConnect include rules Image image pwsh.exe (line 5) and DestinationPort is 443 (line 6)',
  });
  assert.equal(wouldLog(rules, 3, fields({ ...pwsh, DestinationPort: '80' })).logged, false);
  assert.equal(wouldLog(rules, 3, fields(CHROME)).logged, false);
});

test('wouldLog: without groupRelation, schema 4.10 combines with OR and 4.90 with AND', () => {
  const lines = [
    '<NetworkConnect onmatch="include">',
    '<Image condition="image">powershell.exe</Image>',
    '<DestinationPort condition="is">443</DestinationPort>',
    '</NetworkConnect>',
  ];

  assert.equal(wouldLog(config(lines, '4.10'), 3, fields(CHROME)).logged, true);
  assert.equal(wouldLog(config(lines, '4.90'), 3, fields(CHROME)).logged, false);
});

test('wouldLog: a compound Rule needs all its filters, same field included, and names the rule', () => {
  const rules = config([
    '<RuleGroup groupRelation="or">',
    '<ProcessCreate onmatch="include">',
    '<Rule name="encoded powershell" groupRelation="and">',
    '<Image condition="image">powershell.exe</Image>',
    '<CommandLine condition="contains">-enc</CommandLine>',
    '<CommandLine condition="contains">http</CommandLine>',
    '<User condition="is not">SYSTEM</User>',
    '</Rule>',
    '</ProcessCreate>',
    '</RuleGroup>',
  ]);
  const process = {
    Image: 'C:\\w\\powershell.exe',
    CommandLine: 'powershell -enc AAA http://x',
    User: 'bob',
  };

  assert.deepEqual(wouldLog(rules, 1, fields(process)), {
    logged: true,
    reason:
      'included by ProcessCreate include rule Rule "encoded powershell" (line 4: Image image powershell.exe and CommandLine contains -enc and CommandLine contains http and 1 more)',
    ruleName: 'encoded powershell',
  });
  assert.equal(
    wouldLog(rules, 1, fields({ ...process, CommandLine: 'powershell -enc AAA' })).logged,
    false,
  );
});

test('wouldLog: a Rule with groupRelation or needs one of its filters', () => {
  const rules = config([
    '<NetworkConnect onmatch="exclude">',
    '<Rule groupRelation="or">',
    '<DestinationIp condition="is">127.0.0.1</DestinationIp>',
    '<DestinationIp condition="begin with">fe80:</DestinationIp>',
    '</Rule>',
    '</NetworkConnect>',
  ]);

  assert.equal(wouldLog(rules, 3, fields({ DestinationIp: 'fe80::1' })).logged, false);
  assert.equal(wouldLog(rules, 3, fields({ DestinationIp: '10.0.0.1' })).logged, true);
});

test('wouldLog: with several include sets a match in any includes, and no match logs nothing', () => {
  const rules = config([
    '<RuleGroup groupRelation="or"><NetworkConnect onmatch="include">',
    '<Image condition="image">certutil.exe</Image>',
    '</NetworkConnect></RuleGroup>',
    '<RuleGroup groupRelation="or"><NetworkConnect onmatch="include">',
    '<DestinationPort condition="is">4444</DestinationPort>',
    '</NetworkConnect></RuleGroup>',
  ]);

  assert.deepEqual(wouldLog(rules, 3, fields({ ...CHROME, DestinationPort: '4444' })), {
    logged: true,
    reason: 'included by NetworkConnect include rule DestinationPort is 4444 (line 6)',
  });
  assert.equal(wouldLog(rules, 3, fields(CHROME)).logged, false);
});

test('wouldLog: two exclude-only sets for one type log nothing, matched or not', () => {
  const rules = config([
    '<FileCreate onmatch="exclude"><Image>a.exe</Image></FileCreate>',
    '<FileCreate onmatch="exclude"><Image>b.exe</Image></FileCreate>',
  ]);

  assert.deepEqual(wouldLog(rules, 11, fields({ Image: 'c.exe' })), {
    logged: false,
    reason:
      'no FileCreate exclude rule matches, but with 2 FileCreate exclude rule sets and no include set Sysmon logs nothing unmatched',
  });
});

test('wouldLog: an include set without rules logs nothing; last in the file it switches collection off', () => {
  const empty = config(['<NetworkConnect onmatch="include"/>']);
  assert.deepEqual(wouldLog(empty, 3, fields(CHROME)), {
    logged: false,
    reason:
      'the last NetworkConnect rule set (line 2) is an include set without rules, which switches collection off, so Event ID 3 is never logged',
  });

  const fileCreate = config(['<FileCreate onmatch="include"/>']);
  assert.deepEqual(wouldLog(fileCreate, 11, fields({ TargetFilename: 'x' })), {
    logged: false,
    reason: 'the FileCreate include set (line 2) has no rules, so Event ID 11 is never logged',
  });

  const switchedOff = config([
    '<RuleGroup groupRelation="or"><NetworkConnect onmatch="include"><DestinationPort>443</DestinationPort></NetworkConnect></RuleGroup>',
    '<RuleGroup groupRelation="or"><NetworkConnect onmatch="include"/></RuleGroup>',
  ]);
  assert.equal(wouldLog(switchedOff, 3, fields(CHROME)).logged, false);
});

test('wouldLog: fields the caller does not give match no filter and are reported', () => {
  const rules = config(INCLUDE_AND_EXCLUDE);

  assert.deepEqual(wouldLog(rules, 3, fields({ Image: 'C:\\Users\\bob\\a.exe' })), {
    logged: true,
    reason:
      'included by NetworkConnect include rule Image begin with C:\\Users (line 4) (fields not given, taken as absent: DestinationIp)',
    ruleName: 'Usermode',
    missingFields: ['DestinationIp'],
  });

  const negative = config([
    '<NetworkConnect onmatch="include"><User condition="is not">SYSTEM</User></NetworkConnect>',
  ]);
  assert.equal(wouldLog(negative, 3, fields({})).logged, false);
  assert.equal(wouldLog(negative, 3, fields({ User: 'bob' })).logged, true);
});

test('wouldLog keeps a RuleName recorded by an earlier partial match, as Sysmon does', () => {
  const rules = config([
    '<RuleGroup groupRelation="and"><ProcessCreate onmatch="exclude">',
    '<Image name="stale" condition="image">cmd.exe</Image>',
    '<User condition="is">SYSTEM</User>',
    '</ProcessCreate></RuleGroup>',
    '<RuleGroup groupRelation="or"><ProcessCreate onmatch="include">',
    '<Image condition="image">cmd.exe</Image>',
    '</ProcessCreate></RuleGroup>',
  ]);

  const decision = wouldLog(rules, 1, fields({ Image: 'C:\\w\\cmd.exe', User: 'bob' }));
  assert.equal(decision.logged, true);
  assert.equal(decision.ruleName, 'stale');
});

test('eventTypeState tells off, include-only, exclude-only and include-and-exclude apart', () => {
  const rules = config([
    ...INCLUDE_AND_EXCLUDE,
    '<ProcessCreate onmatch="exclude"><Image>a</Image><Image>b</Image></ProcessCreate>',
    '<FileCreate onmatch="include"><TargetFilename>x</TargetFilename></FileCreate>',
    '<DnsQuery onmatch="include"/>',
    '<ImageLoad onmatch="exclude"/>',
    '<PipeEvent onmatch="exclude"><PipeName>a</PipeName></PipeEvent>',
    '<PipeEvent onmatch="exclude"><PipeName>b</PipeName></PipeEvent>',
  ]);
  const state = (eventId: number) => {
    const found = eventTypeState(rules, eventId);
    return (
      found && [found.mode, found.configured, found.includeRules, found.excludeRules, found.summary]
    );
  };

  assert.deepEqual(state(3), [
    'include-and-exclude',
    true,
    3,
    2,
    'logs what 3 include rules select unless 2 exclude rules drop it',
  ]);
  assert.deepEqual(state(1), [
    'exclude-only',
    true,
    0,
    2,
    'logs everything but what 2 exclude rules drop',
  ]);
  assert.deepEqual(state(11), [
    'include-only',
    true,
    1,
    0,
    'logs only what 1 include rules select',
  ]);
  assert.deepEqual(state(22), [
    'off',
    true,
    0,
    0,
    'collection switched off by an include set without rules (line 17)',
  ]);
  assert.deepEqual(state(7), [
    'exclude-only',
    true,
    0,
    0,
    'logs everything (its exclude set has no rules)',
  ]);
  assert.deepEqual(state(18), [
    'off',
    true,
    0,
    2,
    '2 exclude sets and no include set: nothing is logged',
  ]);
  assert.deepEqual(state(10), [
    'off',
    false,
    0,
    0,
    'not configured; Sysmon does not log this type',
  ]);
  assert.deepEqual(state(5), [
    'exclude-only',
    false,
    0,
    0,
    'not configured; Sysmon logs every event of this type by default',
  ]);
  assert.equal(eventTypeState(rules, 4), undefined);
  assert.deepEqual(eventTypeState(rules, 13)?.eventIds, [12, 13, 14]);
});

test('wouldLog answers for an and-set of 100000 filters on one field without slowing down', () => {
  const filters = Array.from({ length: 100_000 }, (_, i) => `<Image>x${i}.exe</Image>`).join('');
  const rules = config([`<NetworkConnect onmatch="include">${filters}</NetworkConnect>`]);

  assert.equal(wouldLog(rules, 3, fields({ Image: 'other.exe' })).logged, false);
  assert.equal(wouldLog(rules, 3, fields({ Image: 'X99999.EXE' })).logged, true);
});
