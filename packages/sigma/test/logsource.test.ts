import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SigmaRuleSet, UNMAPPED_4688 } from '../src/index.js';
import { event, fires, loadFailure, oneRule, sysmon } from './support.js';

const SELECT = "selection:\n  Image|endswith: '\\evil.exe'\ncondition: selection";

test('a rule fires only on the channel and event IDs of its log source', () => {
  const network = oneRule(SELECT, {}, 'category: network_connection');
  assert.equal(fires(network, sysmon({ Image: 'C:\\evil.exe' }, 3)), true);
  assert.equal(fires(network, sysmon({ Image: 'C:\\evil.exe' }, 1)), false);
  assert.equal(fires(network, sysmon({ Image: 'C:\\evil.exe' }, 22)), false);
  assert.equal(fires(network, event('Security', 3, { Image: 'C:\\evil.exe' })), false);

  const dns = oneRule(
    "selection:\n  QueryName|endswith: '.evil'\ncondition: selection",
    {},
    'category: dns_query',
  );
  assert.equal(fires(dns, sysmon({ QueryName: 'a.evil' }, 22)), true);
  assert.equal(fires(dns, sysmon({ QueryName: 'a.evil' }, 3)), false);

  const file = oneRule(
    "selection:\n  TargetFilename|endswith: '.ps1'\ncondition: selection",
    {},
    'category: file_event',
  );
  assert.equal(fires(file, sysmon({ TargetFilename: 'C:\\a.ps1' }, 11)), true);
  assert.equal(fires(file, sysmon({ TargetFilename: 'C:\\a.ps1' }, 23)), false);

  const registry = oneRule(
    "selection:\n  TargetObject|contains: 'Run'\ncondition: selection",
    {},
    'category: registry_event',
  );
  for (const id of [12, 13, 14])
    assert.equal(fires(registry, sysmon({ TargetObject: 'HKLM\\Run' }, id)), true);
});

test('services bind to their channel, any event ID', () => {
  const system = oneRule(
    "selection:\n  Provider_Name: 'Service Control Manager'\n  EventID: 7045\ncondition: selection",
    {},
    'service: system',
  );
  assert.equal(
    fires(system, { ...event('System', 7045, {}), provider: 'Service Control Manager' }),
    true,
  );
  assert.equal(
    fires(system, { ...event('Security', 7045, {}), provider: 'Service Control Manager' }),
    false,
  );
  const ps = oneRule(
    "selection:\n  ScriptBlockText|contains: 'Invoke-'\ncondition: selection",
    {},
    'category: ps_script',
  );
  assert.equal(
    fires(
      ps,
      event('Microsoft-Windows-PowerShell/Operational', 4104, { ScriptBlockText: 'Invoke-X' }),
    ),
    true,
  );
  assert.equal(
    fires(ps, event('PowerShellCore/Operational', 4104, { ScriptBlockText: 'Invoke-X' })),
    true,
  );
  assert.equal(
    fires(
      ps,
      event('Microsoft-Windows-PowerShell/Operational', 4103, { ScriptBlockText: 'Invoke-X' }),
    ),
    false,
  );
});

test('process_creation reads Security 4688 through the field map', () => {
  const rule = oneRule(
    "selection:\n  Image|endswith: '\\whoami.exe'\n  ParentImage|endswith: '\\cmd.exe'\n  User|contains: 'CORP\\'\n  IntegrityLevel: High\n  ProcessId: 4660\ncondition: selection",
  );
  const security = event('Security', 4688, {
    NewProcessName: 'C:\\Windows\\System32\\whoami.exe',
    ParentProcessName: 'C:\\Windows\\System32\\cmd.exe',
    SubjectUserName: 'bob',
    SubjectDomainName: 'CORP',
    MandatoryLabel: 'S-1-16-12288',
    NewProcessId: '0x1234',
  });
  assert.equal(fires(rule, security), true);
  const [match] = rule.match(security);
  assert.deepEqual(match?.fields, {
    Image: 'C:\\Windows\\System32\\whoami.exe',
    ParentImage: 'C:\\Windows\\System32\\cmd.exe',
    User: 'CORP\\bob',
    IntegrityLevel: 'High',
    ProcessId: '4660',
  });
  assert.equal(fires(rule, { ...security, eventId: 4689 }), false);
  // Sysmon-only fields read as absent on 4688.
  assert.ok(UNMAPPED_4688.includes('OriginalFileName'));
  const original = oneRule("selection:\n  OriginalFileName: 'whoami.exe'\ncondition: selection");
  assert.equal(fires(original, event('Security', 4688, { OriginalFileName: 'whoami.exe' })), false);
  assert.equal(fires(original, sysmon({ OriginalFileName: 'whoami.exe' })), true);
});

test('a log source that binds to nothing names itself', () => {
  assert.equal(
    loadFailure(SELECT, 'category: teleport'),
    "unknown log source product='windows' category='teleport'",
  );
  assert.equal(
    loadFailure(SELECT, 'category: file_access'),
    "log source product='windows' category='file_access' is an ETW provider, not an EVTX channel",
  );
  assert.equal(
    loadFailure(SELECT, 'service: nosuch'),
    "unknown log source product='windows' service='nosuch'",
  );
});

test('the rule set counts what loaded and names the files that did not', () => {
  const set = new SigmaRuleSet([
    {
      file: 'good.yml',
      text: 'title: t\nlogsource:\n  category: process_creation\ndetection:\n  s:\n    Image: x\n  condition: s',
    },
    {
      file: 'bad.yml',
      text: 'title: t\nlogsource:\n  category: process_creation\ndetection:\n  s:\n    Image|nope: x\n  condition: s',
    },
    { file: 'yaml.yml', text: 'title: [unclosed' },
    { file: 'two.yml', text: 'title: a\n---\ntitle: b' },
    { file: 'corr.yml', text: 'title: c\ncorrelation:\n  type: event_count' },
  ]);
  assert.equal(set.rules.length, 1);
  assert.deepEqual(
    set.failures.map((failure) => `${failure.file}: ${failure.reason}`),
    [
      "bad.yml: unknown modifier 'nope'",
      'yaml.yml: YAML error at line 1, column 17: BAD_INDENT',
      'two.yml: document 1: the rule has no logsource map',
      'two.yml: document 2: the rule has no logsource map',
      'corr.yml: correlation has no rules',
    ],
  );
});

test('only the fields the rules name are asked of a record that reads by name', () => {
  const set = oneRule(SELECT, {}, 'category: network_connection');
  assert.deepEqual(set.fieldsRead(sysmon({}, 3)), ['Image']);
  assert.deepEqual(set.fieldsRead(sysmon({}, 1)), []);
  let asked: readonly string[] = [];
  const record = {
    ...sysmon({}, 3),
    withFields: (names: readonly string[]) => (
      (asked = names),
      sysmon({ Image: 'a\\evil.exe' }, 3)
    ),
  };
  assert.equal(set.match(record).length, 1);
  assert.deepEqual(asked, ['Image']);
});
