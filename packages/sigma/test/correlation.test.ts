import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { EventRecord, FieldValue } from '@evtxhunt/hunt';

import { SigmaRuleSet, SigmaScan, correlationFindings } from '../src/index.js';
import { event } from './support.js';

/** The specification's example: failed logins followed by a successful one (one file). */
const BRUTE_FORCE = `title: Correlation - Multiple Failed Logins Followed by Successful Login
id: b180ead8-d58f-40b2-ae54-c8940995b9b6
correlation:
    type: temporal_ordered
    rules:
        - multiple_failed_login
        - successful_login
    group-by:
        - User
    timespan: 10m
level: high
tags:
    - attack.credential_access
    - attack.t1110
---
title: Multiple failed logons
id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
name: multiple_failed_login
correlation:
    type: event_count
    rules:
        - failed_login
    group-by:
        - User
    timespan: 10m
    condition:
        gte: 10
---
title: Single failed login
id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
name: failed_login
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID:
            - 529
            - 4625
    condition: selection
---
title: Successful login
id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
name: successful_login
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID:
            - 528
            - 4624
    condition: selection
`;

/** A Security event at a minute and second past 10:00 on 2024-03-05. */
function logon(eventId: number, minute: number, data: Record<string, FieldValue>): EventRecord {
  const at = `2024-03-05T10:${String(minute).padStart(2, '0')}:00.0000001Z`;
  return { ...event('Security', eventId, data), timeCreated: at };
}

function loaded(...texts: string[]): SigmaRuleSet {
  const set = new SigmaRuleSet(texts.map((text, at) => ({ file: `mr_${at}.yml`, text })));
  assert.deepEqual(set.failures, []);
  return set;
}

function scan(set: SigmaRuleSet, records: readonly EventRecord[]) {
  const run = new SigmaScan(set);
  const single = records.flatMap((record) => run.add(record));
  return { single, correlated: run.finish() };
}

test('SigmaRuleSet: a multi-document file loads its correlations and rules', () => {
  const set = loaded(BRUTE_FORCE);
  assert.equal(set.rules.length, 2);
  assert.deepEqual(
    set.correlations.map((c) => c.title),
    ['Multiple failed logons', 'Correlation - Multiple Failed Logins Followed by Successful Login'],
  );
});

test('SigmaScan: ten failed logins then a success within 10m fire the chain, once', () => {
  const failed = Array.from({ length: 10 }, (_, at) => logon(4625, at, { User: 'alice' }));
  const others = [logon(4625, 1, { User: 'bob' }), logon(4624, 10, { User: 'bob' })];
  const { single, correlated } = scan(loaded(BRUTE_FORCE), [
    ...failed,
    ...others,
    logon(4624, 9, { User: 'alice' }),
  ]);

  // The rules used by the correlation are not reported on their own (no `generate`).
  assert.equal(single.length, 0);
  assert.equal(correlated.length, 1);
  const match = correlated[0]!;
  assert.equal(match.correlation.type, 'temporal_ordered');
  assert.deepEqual(match.group, { User: 'alice' });
  assert.equal(match.start, '2024-03-05T10:00:00.0000001Z');
  assert.equal(match.end, '2024-03-05T10:09:00.0000001Z');
  assert.equal(match.eventCount, 11);
  assert.equal(match.events.length, 11);

  const finding = correlationFindings(correlated)[0]!;
  assert.equal(finding.kind, 'sigma');
  assert.equal(finding.severity, 'high');
  assert.deepEqual(finding.sigma?.techniques, ['T1110']);
  assert.equal(
    finding.why,
    'Sigma correlation "Correlation - Multiple Failed Logins Followed by Successful Login" ' +
      '(a high temporal_ordered rule, 10m) held for 11 events from 2024-03-05T10:00:00.0000001Z ' +
      'to 2024-03-05T10:09:00.0000001Z of User=alice (value 2).',
  );
});

test('SigmaScan: nine failed logins, or a success before the tenth, fire nothing', () => {
  const nine = Array.from({ length: 9 }, (_, at) => logon(4625, at, { User: 'alice' }));
  assert.equal(scan(loaded(BRUTE_FORCE), [...nine, logon(4624, 9, {})]).correlated.length, 0);
  const early = [...nine, logon(4624, 9, { User: 'alice' }), logon(4625, 9, { User: 'alice' })];
  // The success at 10:09 is read before the tenth failure of the same time.
  assert.equal(scan(loaded(BRUTE_FORCE), early).correlated.length, 0);
});

test('SigmaScan: matches out of record order are put in time order', () => {
  const failed = Array.from({ length: 10 }, (_, at) => logon(4625, at, { User: 'alice' }));
  const records = [logon(4624, 10, { User: 'alice' }), ...failed.reverse()];
  assert.equal(scan(loaded(BRUTE_FORCE), records).correlated.length, 1);
});

/** The value_count example: distinct users per computer and workstation in a day. */
const FAILED_USERS = `title: Failed login
id: 0e95725d-7320-415d-80f7-004da920fc12
correlation:
    type: value_count
    rules:
        - 5638f7c0-ac70-491d-8465-2a65075e0d86
    group-by:
        - ComputerName
        - WorkstationName
    timespan: 1d
    condition:
        field: User
        gte: 3
`;

const FAILED_RULE = `title: Failed logon
id: 5638f7c0-ac70-491d-8465-2a65075e0d86
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4625
    condition: selection
`;

test('SigmaScan: value_count counts distinct users per group, by rule id across files', () => {
  const users = ['alice', 'bob', 'alice', 'carol'];
  const records = users.map((User, at) => logon(4625, at, { User, WorkstationName: 'WS1' }));
  const other = logon(4625, 5, { User: 'dave', WorkstationName: 'WS2' });
  const { correlated } = scan(loaded(FAILED_USERS, FAILED_RULE), [...records, other]);
  assert.equal(correlated.length, 1);
  assert.deepEqual(correlated[0]!.group, { ComputerName: 'host1', WorkstationName: 'WS1' });
  assert.equal(correlated[0]!.value, 3);
  assert.equal(correlated[0]!.eventCount, 4);
  assert.equal(correlated[0]!.end, '2024-03-05T10:03:00.0000001Z');
});

test('SigmaScan: value_count needs the users within the timespan', () => {
  const text = FAILED_USERS.replace('timespan: 1d', 'timespan: 2m');
  const users = ['alice', 'bob', 'carol'];
  const records = users.map((User, at) => logon(4625, at * 2, { User, WorkstationName: 'W' }));
  assert.equal(scan(loaded(text, FAILED_RULE), records).correlated.length, 0);
  assert.equal(scan(loaded(text, FAILED_RULE), records.slice(0, 2)).correlated.length, 0);
});

/** The temporal example, with aliases: recon commands by one user in any order. */
const RECON = `title: Recon burst
correlation:
    type: temporal
    rules:
        - recon_whoami
        - recon_net
    group-by:
        - account
    aliases:
        account:
            recon_whoami: User
            recon_net: SubjectUserName
    timespan: 5m
level: critical
---
title: whoami
name: recon_whoami
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection
---
title: net
name: recon_net
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4799
    condition: selection
`;

test('SigmaScan: temporal joins two sources through aliases, in either order', () => {
  const sysmonAt = (minute: number, user: string): EventRecord => ({
    ...event('Microsoft-Windows-Sysmon/Operational', 1, { Image: 'C:\\w\\whoami.exe', User: user }),
    timeCreated: `2024-03-05T10:0${minute}:00.0000000Z`,
  });
  const records = [
    logon(4799, 3, { SubjectUserName: 'eve' }),
    sysmonAt(1, 'eve'),
    sysmonAt(2, 'mallory'),
    logon(4799, 9, { SubjectUserName: 'mallory' }),
  ];
  const { correlated } = scan(loaded(RECON), records);
  assert.equal(correlated.length, 1);
  assert.deepEqual(correlated[0]!.group, { account: 'eve' });
  assert.equal(correlated[0]!.start, '2024-03-05T10:01:00.0000000Z');
  assert.equal(correlated[0]!.correlation.level, 'critical');
});

/** A chain of rule, value_sum and an upper bound judged when the window closes. */
function metric(type: string, condition: string): string {
  return `title: Bytes ${type}
correlation:
    type: ${type}
    rules: [upload]
    group-by: [Computer]
    timespan: 1h
    condition:
${condition}
---
title: upload
name: upload
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 5156
    condition: selection
`;
}

test('SigmaScan: value_sum, value_avg, ranges and value_percentile give their values', () => {
  const records = [10, 20, 30, 40].map((bytes, at) =>
    logon(5156, at, { Bytes: String(bytes), Image: at === 3 ? 'rare.exe' : 'common.exe' }),
  );
  const valueOf = (type: string, condition: string) =>
    scan(loaded(metric(type, condition)), records).correlated.map((match) => match.value);
  assert.deepEqual(valueOf('value_sum', '        field: Bytes\n        gt: 50'), [60]);
  assert.deepEqual(valueOf('value_sum', '        field: Bytes\n        gt: 100'), []);
  assert.deepEqual(valueOf('value_avg', '        field: Bytes\n        gte: 25'), [25]);
  assert.deepEqual(valueOf('value_avg', '        field: Bytes\n        gt: 25'), []);
  assert.deepEqual(valueOf('event_count', '        gt: 3\n        lte: 4'), [4]);
  assert.deepEqual(valueOf('event_count', '        neq: 4'), []);
  const rare = scan(
    loaded(metric('value_percentile', '        field: Image\n        lte: 30')),
    records,
  );
  assert.deepEqual(
    rare.correlated.map((match) => [match.value, match.values]),
    [[25, ['rare.exe']]],
  );
});

test('SigmaRuleSet: generate: true also reports the rules on their own', () => {
  const text = BRUTE_FORCE.replace(
    '    timespan: 10m\nlevel',
    '    timespan: 10m\n    generate: true\nlevel',
  );
  const { single } = scan(loaded(text), [logon(4624, 1, { User: 'x' }), logon(4625, 1, {})]);
  assert.deepEqual(
    single.map((match) => match.rule.title),
    ['Successful login'],
  );
});

test('SigmaRuleSet: correlations that cannot load say why', () => {
  const reasons = (text: string) =>
    new SigmaRuleSet([{ file: 'mr.yml', text }]).failures.map((failure) => failure.reason);
  assert.deepEqual(reasons(FAILED_USERS), [
    "unknown rule '5638f7c0-ac70-491d-8465-2a65075e0d86' (no rule has that name or id)",
  ]);
  assert.deepEqual(
    reasons(FAILED_USERS.replace('timespan: 1d', 'timespan: 1w') + '---\n' + FAILED_RULE),
    ["document 1: bad timespan '1w': a number and one of s, m, h, d (like 5m)"],
  );
  assert.deepEqual(reasons(FAILED_USERS.replace('gte: 3', 'most: 3') + '---\n' + FAILED_RULE), [
    "document 1: unknown condition 'most' (gt, gte, lt, lte, eq, neq or field)",
  ]);
  const cycle = `title: A\nname: a\ncorrelation:\n  type: temporal\n  rules: [b]\n  timespan: 1m
---\ntitle: B\nname: b\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 1m
  condition:\n    gt: 1\n`;
  assert.deepEqual(reasons(cycle), [
    "the correlation chain refers back to itself: 'A' -> 'B' -> 'A'",
    "the correlation chain refers back to itself: 'A' -> 'B' -> 'A'",
  ]);
  const broken = BRUTE_FORCE.replace('- 4625\n', '- 4625\n    other:\n        Image|nope: x\n');
  assert.deepEqual(reasons(broken), [
    "document 3: unknown modifier 'nope'",
    "it refers to 'failed_login', which did not load",
    "it refers to 'multiple_failed_login', which did not load",
  ]);
});

test('SigmaScan: a window lists the first and last events, and counts them all', () => {
  const text = metric('event_count', '        gte: 25');
  const records = Array.from({ length: 25 }, (_, at) =>
    logon(5156, Math.floor(at / 2), { n: String(at) }),
  );
  const { correlated } = scan(loaded(text), records);
  assert.equal(correlated.length, 1);
  assert.equal(correlated[0]!.eventCount, 25);
  const ids = correlated[0]!.events.map((record) => Number(record.recordId));
  assert.equal(ids.length, 20);
  assert.equal(ids[9]! - ids[0]!, 9);
  assert.equal(ids[19]! - ids[10]!, 9);
  assert.equal(ids[10]! - ids[0]!, 15);
  assert.equal(correlationFindings(correlated)[0]!.evidenceOmitted, 5);
});

test('SigmaScan: firings of one group within the timespan are one burst, counting them all', () => {
  const text = metric('event_count', '        gte: 5').replace('timespan: 1h', 'timespan: 10m');
  const at = (hour: number, minute: number) => ({
    ...logon(5156, minute, {}),
    timeCreated: `2024-03-05T${hour}:${String(minute).padStart(2, '0')}:00.0000001Z`,
  });
  const first = Array.from({ length: 12 }, (_, minute) => at(10, minute));
  const second = Array.from({ length: 5 }, (_, minute) => at(14, minute));
  const { correlated } = scan(loaded(text), [...first, ...second]);

  // The first burst holds at its 5th and 10th event; its last two events reach no count.
  assert.deepEqual(
    correlated.map((match) => [match.value, match.eventCount, match.windows, match.start]),
    [
      [10, 10, 2, '2024-03-05T10:00:00.0000001Z'],
      [5, 5, undefined, '2024-03-05T14:00:00.0000001Z'],
    ],
  );
  assert.equal(correlated[0]!.end, '2024-03-05T10:09:00.0000001Z');
  assert.match(correlationFindings(correlated)[0]!.why, / held 2 times for 10 events from /);
});

test('SigmaRuleSet: timespans are a number and s, m, h or d, above zero, at most a year', () => {
  const reason = (span: string) =>
    new SigmaRuleSet([
      { file: 'mr.yml', text: metric('event_count', '        gt: 1').replace('1h', span) },
    ]).failures[0]?.reason;
  assert.equal(reason('90m'), undefined);
  assert.equal(reason('366d'), "document 1: bad timespan '366d': over a year");
  assert.equal(reason('0s'), "document 1: bad timespan '0s': it is zero");
  assert.equal(
    reason('5M'),
    "document 1: bad timespan '5M': a number and one of s, m, h, d (like 5m)",
  );
  assert.equal(
    reason('1h30m'),
    "document 1: bad timespan '1h30m': a number and one of s, m, h, d (like 5m)",
  );
});

test('SigmaScan: temporal and temporal_ordered conditions ask for some of the rules', () => {
  const ordered = (condition: string) =>
    RECON.replace('type: temporal', 'type: temporal_ordered').replace(
      '    timespan: 5m\n',
      `    timespan: 5m\n${condition}`,
    );
  const records = [
    logon(4799, 1, { SubjectUserName: 'eve' }),
    {
      ...event('Microsoft-Windows-Sysmon/Operational', 1, { Image: 'C:\\whoami.exe', User: 'eve' }),
      timeCreated: '2024-03-05T10:02:00.0000000Z',
    },
  ];
  // whoami must come first: net then whoami is not in order.
  assert.equal(scan(loaded(ordered('')), records).correlated.length, 0);
  const one = scan(loaded(ordered('    condition:\n        gte: 1\n')), records).correlated;
  assert.deepEqual(
    one.map((match) => [match.value, match.start]),
    [[1, '2024-03-05T10:02:00.0000000Z']],
  );
  const temporal = RECON.replace(
    '    timespan: 5m\n',
    '    timespan: 5m\n    condition:\n        gte: 1\n',
  );
  // It holds at each event; two minutes apart within 5m, the two firings are one burst.
  const burst = scan(loaded(temporal), records).correlated;
  assert.deepEqual(
    burst.map((match) => [match.windows, match.eventCount, match.start, match.end]),
    [[2, 2, '2024-03-05T10:01:00.0000001Z', '2024-03-05T10:02:00.0000000Z']],
  );
  assert.deepEqual(
    new SigmaRuleSet([
      { file: 'mr.yml', text: ordered('    condition:\n        lt: 2\n') },
    ]).failures.map((f) => f.reason),
    ['document 1: a temporal_ordered condition can only ask for at least some rules (gt, gte)'],
  );
});
