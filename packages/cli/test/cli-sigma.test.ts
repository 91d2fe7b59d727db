/**
 * `evtxhunt sigma` and `hunt --rules` over the SigmaHQ regression samples in
 * test/fixtures/sigma (see its README for their origin).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

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
