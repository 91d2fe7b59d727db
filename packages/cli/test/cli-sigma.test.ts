/**
 * `evtxhunt sigma` and `hunt --rules` over the SigmaHQ regression samples in
 * test/fixtures/sigma (see its README for their origin).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { REORDER_LIMIT } from '@evtxhunt/sigma';

import { REPO, runEvtxhunt, withoutAccount } from './run-cli.js';

const FIXTURES = `${REPO}packages/cli/test/fixtures/sigma`;
const BITSADMIN = `${FIXTURES}/proc_creation_win_bitsadmin_download.evtx`;
const ANYDESK = `${FIXTURES}/file_event_win_anydesk_artefact.evtx`;
const CERTUTIL = `${FIXTURES}/proc_creation_win_certutil_certificate_installation.evtx`;

test('sigma: one line per match with time, computer, record, level, title and fields', async () => {
  const run = await runEvtxhunt('sigma', '--rules', FIXTURES, BITSADMIN, ANYDESK, CERTUTIL);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(withoutAccount(run.stderr), 'sigma: 3 rules loaded, 0 did not load\n');
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 5);
  assert.equal(
    lines.find((line) => line.includes('Bitsadmin')),
    `2025-12-10T04:33:20.5627827Z  swachchhanda  ${BITSADMIN}#18463  medium  File Download Via Bitsadmin  Image=C:\\Windows\\System32\\bitsadmin.exe OriginalFileName=bitsadmin.exe CommandLine=bitsadmin  /transfer n https://www.atomicredteam.io/atomic-red-team/atomics/T1218.011 hello.html`,
  );
  assert.equal(lines.filter((line) => line.includes('Anydesk Temporary Artefact')).length, 3);
  assert.equal(
    lines.filter((line) => line.includes('New Root Certificate Installed Via Certutil.EXE')).length,
    1,
  );
});

test('sigma --format json: rule counts and every match with its rule and fields', async () => {
  const run = await runEvtxhunt('sigma', '--rules', FIXTURES, '--format', 'json', ANYDESK);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as {
    rules: { loaded: number; failed: number };
    matches: {
      rule: { id: string; level: string };
      recordId: string;
      eventId: number;
      fields: Record<string, string>;
    }[];
  };
  assert.deepEqual(report.rules, { loaded: 3, correlations: 0, failed: 0, failures: [] });
  assert.deepEqual(
    report.matches.map((match) => [
      match.rule.id,
      match.eventId,
      match.recordId,
      match.fields['TargetFilename'],
    ]),
    [
      [
        '0b9ad457-2554-44c1-82c2-d56a99c42377',
        11,
        '14985',
        'C:\\Users\\Administrator\\AppData\\Roaming\\AnyDesk\\user.conf.new',
      ],
      [
        '0b9ad457-2554-44c1-82c2-d56a99c42377',
        11,
        '14988',
        'C:\\Users\\Administrator\\AppData\\Roaming\\AnyDesk\\user.conf~RF2d9c20d.TMP',
      ],
      [
        '0b9ad457-2554-44c1-82c2-d56a99c42377',
        11,
        '14990',
        'C:\\Users\\Administrator\\AppData\\Roaming\\AnyDesk\\user.conf.new',
      ],
    ],
  );
});

test('sigma: rules that do not load are named with the reason; --rules is required', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evtxhunt-sigma-'));
  try {
    writeFileSync(
      join(dir, 'bad.yml'),
      'title: t\nlogsource:\n  category: process_creation\ndetection:\n  s:\n    Image|often: x\n  condition: s and\n',
    );
    const run = await runEvtxhunt('sigma', '--rules', dir, BITSADMIN);
    assert.equal(run.stdout, '');
    assert.equal(
      withoutAccount(run.stderr),
      `sigma: 0 rules loaded, 1 did not load\nsigma: ${join(dir, 'bad.yml')}: unknown modifier 'often'\n`,
    );
    const missing = await runEvtxhunt('sigma', BITSADMIN);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /sigma needs --rules DIR/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hunt --rules: sigma findings beside the hunt findings, in JSON', async () => {
  const run = await runEvtxhunt('hunt', '--rules', FIXTURES, '--format', 'json', ANYDESK);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as {
    findings: {
      kind: string;
      count: number;
      severity: string;
      sigma?: { id: string; techniques: string[] };
    }[];
  };
  const sigma = report.findings.filter((finding) => finding.kind === 'sigma');
  assert.equal(sigma.length, 1);
  assert.equal(sigma[0]?.count, 3);
  assert.equal(sigma[0]?.severity, 'medium');
  assert.equal(sigma[0]?.sigma?.id, '0b9ad457-2554-44c1-82c2-d56a99c42377');
  assert.deepEqual(sigma[0]?.sigma?.techniques, ['T1219.002']);
});

test('hunt --rules: the text, HTML and ECS reports show the rule', async () => {
  const text = await runEvtxhunt('hunt', '--rules', FIXTURES, ANYDESK);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^1\. \[MEDIUM\] sigma on ar-win-dc\.attackrange\.local$/m);
  assert.match(text.stdout, /^ {2}rule {9}Anydesk Temporary Artefact \(medium\)$/m);
  assert.match(text.stdout, /^ {2}rule id {6}0b9ad457-2554-44c1-82c2-d56a99c42377$/m);
  assert.match(text.stdout, /^ {2}att&ck {7}T1219\.002$/m);

  const html = await runEvtxhunt('hunt', '--rules', FIXTURES, '--format', 'html', ANYDESK);
  assert.match(html.stdout, /<dt>Rule<\/dt><dd>Anydesk Temporary Artefact \(medium\)<\/dd>/);
  assert.match(html.stdout, /<dt>ATT&amp;CK<\/dt><dd>T1219\.002<\/dd>/);

  const ecs = await runEvtxhunt('hunt', '--rules', FIXTURES, '--format', 'ecs', ANYDESK);
  interface EcsAlert {
    rule: { name: string; id?: string; ruleset?: string };
    threat?: { technique: { id: string[] } };
  }
  const documents = ecs.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as EcsAlert);
  const sigma = documents.filter((document) => document.rule.ruleset === 'sigma');
  assert.equal(sigma.length, 1);
  assert.equal(sigma[0]?.rule.id, '0b9ad457-2554-44c1-82c2-d56a99c42377');
  assert.equal(sigma[0]?.rule.name, 'Anydesk Temporary Artefact');
  assert.deepEqual(sigma[0]?.threat?.technique.id, ['T1219.002']);
});

/** One Sysmon 1 event of our own JSONL, with the command line given. */
function processLine(recordId: string, commandLine: string): string {
  return JSON.stringify({
    file: 'x.evtx',
    recordId,
    timeCreated: `2024-01-01T00:00:0${recordId}.0000000Z`,
    eventId: 1,
    provider: 'Microsoft-Windows-Sysmon',
    channel: 'Microsoft-Windows-Sysmon/Operational',
    computer: 'h',
    data: { Image: 'C:\\x.exe', CommandLine: commandLine },
  });
}

test('sigma: a regular expression that backtracks exponentially ends, with the right answer', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evtxhunt-sigma-re-'));
  try {
    const rule = join(dir, 'evil.yml');
    const events = join(dir, 'evil.jsonl');
    writeFileSync(
      rule,
      [
        'title: backtracking',
        'logsource: {category: process_creation, product: windows}',
        'detection:',
        "  nested: {CommandLine|re: '^(a+)+$'}",
        "  alternation: {CommandLine|re: '(a|aa)+b'}",
        '  condition: nested or alternation',
      ].join('\n'),
    );
    // Forty `a`s and a `!`: hours of backtracking for either pattern on RegExp.
    writeFileSync(
      events,
      `${processLine('1', `${'a'.repeat(40)}!`)}\n${processLine('2', 'aaaa')}\n`,
    );

    const run = await runEvtxhunt('sigma', '--rules', rule, '--format', 'json', events);
    assert.equal(run.status, 0, run.stderr);
    const matches = (JSON.parse(run.stdout) as { matches: { recordId: string }[] }).matches;
    assert.deepEqual(
      matches.map((match) => match.recordId),
      ['2'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sigma: a rule id in two files is a warning naming both, and each copy reports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evtxhunt-sigma-ids-'));
  try {
    const rule = readFileSync(`${FIXTURES}/proc_creation_win_bitsadmin_download.yml`, 'utf8');
    writeFileSync(join(dir, 'a.yml'), rule);
    writeFileSync(join(dir, 'b.yml'), rule);

    const run = await runEvtxhunt('sigma', '--rules', dir, BITSADMIN);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      withoutAccount(run.stderr),
      'sigma: 2 rules loaded, 0 did not load\n' +
        `sigma: warning: rule id ${ruleId(rule)} is in 2 files, each reports its matches: ` +
        `${join(dir, 'a.yml')}, ${join(dir, 'b.yml')}\n`,
    );
    assert.equal(run.stdout.trimEnd().split('\n').length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sigma: YAML files that are not rules (a regression info.yml) are counted apart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evtxhunt-sigma-notrules-'));
  try {
    const rule = readFileSync(`${FIXTURES}/proc_creation_win_bitsadmin_download.yml`, 'utf8');
    writeFileSync(join(dir, 'a.yml'), rule);
    writeFileSync(join(dir, 'info.yml'), 'id: 1\ndescription: N/A\nregression_tests_info: []\n');

    const run = await runEvtxhunt('sigma', '--rules', dir, BITSADMIN);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      withoutAccount(run.stderr),
      'sigma: 1 rules loaded, 0 did not load\n' +
        'sigma: 1 file is not a Sigma rule (no title or detection), not counted: ' +
        `${join(dir, 'info.yml')}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function ruleId(rule: string): string {
  return /^id: (\S+)$/m.exec(rule)?.[1] ?? '';
}

test('sigma --placeholder: the values of an expand placeholder, repeated for more', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evtxhunt-sigma-expand-'));
  try {
    const rule = join(dir, 'expand.yml');
    const events = join(dir, 'events.jsonl');
    writeFileSync(
      rule,
      [
        'title: expanded',
        'logsource: {category: process_creation, product: windows}',
        'detection:',
        "  sel: {CommandLine|expand: '%cmd%'}",
        '  condition: sel',
      ].join('\n'),
    );
    writeFileSync(events, `${processLine('1', 'whoami')}\n${processLine('2', 'aaaa')}\n`);

    const args = ['sigma', '--rules', rule, '--format', 'json'];
    const run = await runEvtxhunt(
      ...args,
      '--placeholder',
      'cmd=x',
      '--placeholder=cmd=aaaa',
      events,
    );
    assert.equal(run.status, 0, run.stderr);
    const matches = (JSON.parse(run.stdout) as { matches: { recordId: string }[] }).matches;
    assert.deepEqual(
      matches.map((match) => match.recordId),
      ['2'],
    );

    const without = await runEvtxhunt(...args, events);
    assert.match(without.stderr, /placeholder %cmd% has no values \(expand\)/);
    const bad = await runEvtxhunt(...args, '--placeholder', 'cmd', events);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--placeholder takes NAME=VALUE, not cmd/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sigma: a keyword searches every field of an EVTX record, as of an export', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evtxhunt-sigma-keyword-'));
  try {
    const rules = join(dir, 'rules');
    mkdirSync(rules);
    // The keyword is in ProcessGuid, which no rule names; the other rule names TargetFilename.
    writeFileSync(
      join(rules, 'keyword.yml'),
      [
        'title: keyword in a field no rule names',
        'logsource: {category: file_event, product: windows}',
        'detection:',
        "  keywords: ['5aa13a44-0d08-68fc-dd1d']",
        '  condition: keywords',
      ].join('\n'),
    );
    writeFileSync(join(rules, 'anydesk.yml'), readFileSync(ANYDESK.replace('.evtx', '.yml')));
    const dump = await runEvtxhunt('dump', ANYDESK);
    const exported = join(dir, 'anydesk.jsonl');
    writeFileSync(exported, dump.stdout);

    const keywordIds = async (path: string): Promise<string[]> => {
      const run = await runEvtxhunt('sigma', '--rules', rules, '--format', 'json', path);
      assert.equal(run.status, 0, run.stderr);
      const { matches } = JSON.parse(run.stdout) as {
        matches: { rule: { title: string }; recordId: string }[];
      };
      return matches.flatMap((m) => (m.rule.title.startsWith('keyword') ? [m.recordId] : []));
    };
    assert.deepEqual(await keywordIds(ANYDESK), ['14985', '14988', '14990']);
    assert.deepEqual(await keywordIds(exported), ['14985', '14988', '14990']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hunt --rules --allow: sigma findings are suppressed and counted as the engine does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evtxhunt-sigma-allow-'));
  try {
    const allow = join(dir, 'allow.txt');
    writeFileSync(allow, 'kind=sigma computer=ar-win-dc.attackrange.local\nkind=beacon\n');
    const args = ['hunt', '--rules', FIXTURES, '--format', 'json', BITSADMIN, ANYDESK];
    const run = await runEvtxhunt(...args, '--allow', allow);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      findings: { kind: string; computer: string }[];
      suppressed: unknown[];
    };
    assert.deepEqual(
      report.findings.map((finding) => [finding.kind, finding.computer]),
      [['sigma', 'swachchhanda']],
    );
    assert.deepEqual(report.suppressed, [
      {
        rule: 'kind=sigma computer=ar-win-dc.attackrange.local',
        line: 1,
        count: 1,
        kinds: ['sigma'],
      },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hunt --rules: the time span covers every record read, not only activities', async () => {
  const log = `${REPO}packages/cli/test/fixtures/sigma-correlation/security_4625_openssh_bruteforce.evtx`;
  const rules = `${REPO}packages/cli/test/fixtures/sigma-correlation`;
  const input = async (...args: string[]) => {
    const run = await runEvtxhunt('hunt', '--format', 'json', ...args, log);
    assert.equal(run.status, 0, run.stderr);
    const { firstTime, lastTime } = (JSON.parse(run.stdout) as { input: HuntInputTimes }).input;
    return [firstTime, lastTime];
  };
  // Two of the 11 records are activities of the engine; the last failed logon is at 20:43:50.
  assert.deepEqual(await input(), ['2021-05-21T20:43:07.0850392Z', '2021-05-21T20:43:07.1560394Z']);
  assert.deepEqual(await input('--rules', rules), [
    '2021-05-21T20:43:07.0850392Z',
    '2021-05-21T20:43:50.8661080Z',
  ]);
});

interface HuntInputTimes {
  readonly firstTime?: string;
  readonly lastTime?: string;
}

test('hunt --rules: stderr says how many matches came too late for the correlations', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evtxhunt-sigma-late-'));
  try {
    const rule = join(dir, 'burst.yml');
    writeFileSync(
      rule,
      [
        'title: any process',
        'name: any_process',
        'logsource: {category: process_creation, product: windows}',
        "detection: {selection: {Image|endswith: '.exe'}, condition: selection}",
        '---',
        'title: many processes',
        'correlation:',
        '  type: event_count',
        '  rules: [any_process]',
        '  group-by: [Computer]',
        '  timespan: 1h',
        '  condition: {gte: 1000000}',
      ].join('\n'),
    );
    // One more match than the run holds back, then one a day older than all of them.
    const lines = Array.from({ length: REORDER_LIMIT + 1 }, (_, i) => processAt(i + 1, '02'));
    lines.push(processAt(REORDER_LIMIT + 2, '01'));
    const events = join(dir, 'late.jsonl');
    writeFileSync(events, `${lines.join('\n')}\n`);

    const run = await runEvtxhunt('hunt', '--rules', rule, '--format', 'json', events);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(
      withoutAccount(run.stderr),
      'sigma: 1 rules and 1 correlations loaded, 0 did not load\n' +
        'sigma: 1 matches came too far out of time order for the correlations\n',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A Sysmon 1 event of our own JSONL on 2024-01-DD at midnight. */
function processAt(recordId: number, day: string): string {
  return JSON.stringify({
    recordId: String(recordId),
    timeCreated: `2024-01-${day}T00:00:00.0000000Z`,
    eventId: 1,
    provider: 'Microsoft-Windows-Sysmon',
    channel: 'Microsoft-Windows-Sysmon/Operational',
    computer: 'h',
    data: { Image: 'C:\\x.exe' },
  });
}

test('sigma: a forwarded event keeps its own channel, and its service rules fire on it', async () => {
  const dir = `${REPO}packages/cli/test/fixtures/sigma-forwarded`;
  const run = await runEvtxhunt(
    'sigma',
    '--rules',
    dir,
    '--format',
    'json',
    `${dir}/MSExchange_Management_wec.evtx`,
  );
  assert.equal(run.status, 0, run.stderr);
  const { matches } = JSON.parse(run.stdout) as {
    matches: { rule: { title: string }; channel: string; computer: string; recordId: string }[];
  };
  assert.deepEqual(
    matches.map((match) => [match.rule.title, match.channel, match.computer, match.recordId]),
    [
      [
        'Mailbox forwarding set to an SMTP address',
        'MSExchange Management',
        'WEC.ave.local',
        '3229',
      ],
    ],
  );
});

test('sigma and hunt --rules: a record read twice (the same log copied) counts once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evtxhunt-sigma-twice-'));
  try {
    const copy = join(dir, 'copy.evtx');
    writeFileSync(copy, readFileSync(ANYDESK));
    const sigma = await runEvtxhunt('sigma', '--rules', FIXTURES, ANYDESK, copy);
    assert.equal(sigma.status, 0, sigma.stderr);
    assert.equal(sigma.stdout.trimEnd().split('\n').length, 3);
    assert.equal(
      withoutAccount(sigma.stderr),
      'sigma: 3 rules loaded, 0 did not load\n' +
        'sigma: 5 records skipped: an identical one was read before\n',
    );

    const hunt = await runEvtxhunt('hunt', '--rules', FIXTURES, '--format', 'json', ANYDESK, copy);
    assert.equal(hunt.status, 0, hunt.stderr);
    const report = JSON.parse(hunt.stdout) as {
      input: { duplicates: number };
      findings: { kind: string; count: number; evidence: unknown[] }[];
    };
    assert.equal(report.input.duplicates, 5);
    assert.deepEqual(
      report.findings.map((finding) => [finding.kind, finding.count, finding.evidence.length]),
      [['sigma', 3, 3]],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
