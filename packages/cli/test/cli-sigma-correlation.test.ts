/**
 * Sigma correlation rules through `evtxhunt sigma` and `hunt --rules`, over real samples in
 * test/fixtures/sigma-correlation and test/fixtures/sigma (see their READMEs for the origin
 * and the counts checked by hand).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { REPO, runEvtxhunt, withoutAccount } from './run-cli.js';

const FIXTURES = `${REPO}packages/cli/test/fixtures/sigma-correlation`;
const BRUTE_FORCE = `${FIXTURES}/security_4625_openssh_bruteforce.evtx`;
const ANYDESK = `${REPO}packages/cli/test/fixtures/sigma/file_event_win_anydesk_artefact.evtx`;
const FAILED_LOGONS = readFileSync(`${FIXTURES}/mr_failed_logons.yml`, 'utf8');

test('sigma: a correlation window per line after the matches of generated rules', async () => {
  const run = await runEvtxhunt('sigma', '--rules', FIXTURES, BRUTE_FORCE, ANYDESK);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(
    withoutAccount(run.stderr),
    'sigma: 2 rules and 3 correlations loaded, 0 did not load\n',
  );
  const lines = run.stdout.trimEnd().split('\n');
  // anydesk_distinct_files says generate: true, so its rule's three matches are listed too;
  // failed_logon is used by its correlation only.
  assert.equal(lines.filter((line) => line.includes('  AnyDesk user.conf written  ')).length, 3);
  assert.equal(lines.length, 6);
  assert.deepEqual(lines.slice(3), [
    '2021-05-21T20:43:22.5628712Z..2021-05-21T20:43:50.8661080Z  fs01.offsec.lan  high  Failed logon burst for one account  event_count=5  TargetUserName=admmig@offsec.lan  5 events',
    '2025-10-24T23:34:34.6491296Z..2025-10-24T23:34:34.6534762Z  ar-win-dc.attackrange.local  low  AnyDesk configuration files  value_count=2  ComputerName=ar-win-dc.attackrange.local  2 events',
    '2025-10-24T23:34:34.6491296Z..2025-10-24T23:34:34.6551919Z  ar-win-dc.attackrange.local  high  AnyDesk configuration burst  event_count=3  Image=C:\\Users\\Administrator\\Desktop\\AnyDesk.exe  3 events',
  ]);
});

/** The correlations of the failed-logon rule with another timespan and count, in JSON. */
async function failedLogons(timespan: string, count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'evtxhunt-corr-'));
  try {
    const text = FAILED_LOGONS.replace('timespan: 30s', `timespan: ${timespan}`).replace(
      'gte: 5',
      `gte: ${count}`,
    );
    writeFileSync(join(dir, 'mr_failed_logons.yml'), text);
    const run = await runEvtxhunt('sigma', '--rules', dir, '--format', 'json', BRUTE_FORCE);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      matches: unknown[];
      correlations: {
        start: string;
        end: string;
        eventCount: number;
        events: { recordId: string }[];
      }[];
    };
    assert.deepEqual(report.matches, []);
    return report.correlations;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('sigma --format json: the window slides; the condition counts within the timespan', async () => {
  const all = await failedLogons('30s', 5);
  assert.equal(all.length, 1);
  assert.equal(all[0]?.eventCount, 5);
  assert.deepEqual(
    all[0]?.events.map((event) => event.recordId),
    ['1865227', '1865228', '1865229', '1865230', '1865231'],
  );
  // The first failure is 28.3 s before the last: 20 s hold the last four only.
  assert.deepEqual(await failedLogons('20s', 5), []);
  const four = await failedLogons('20s', 4);
  assert.deepEqual(
    four.map((window) => [window.start, window.end, window.eventCount]),
    [['2021-05-21T20:43:49.3457320Z', '2021-05-21T20:43:50.8661080Z', 4]],
  );
});

test('sigma: a correlation refused names its reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'evtxhunt-corr-'));
  try {
    writeFileSync(join(dir, 'mr.yml'), FAILED_LOGONS.replace('- failed_logon', '- nobody'));
    const run = await runEvtxhunt('sigma', '--rules', dir, BRUTE_FORCE);
    // Nothing loaded uses the failed_logon rule any more: its five matches are listed.
    assert.equal(run.stdout.trimEnd().split('\n').length, 5);
    assert.match(run.stdout, /#1865227 {2}medium {2}Failed logon {2}EventID=4625\n/);
    assert.equal(
      withoutAccount(run.stderr),
      `sigma: 1 rules loaded, 1 did not load\nsigma: ${join(dir, 'mr.yml')}: unknown rule 'nobody' (no rule has that name or id)\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hunt --rules: a correlation window is a sigma finding with its group', async () => {
  const run = await runEvtxhunt('hunt', '--rules', FIXTURES, '--format', 'json', BRUTE_FORCE);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as {
    findings: {
      kind: string;
      count: number;
      severity: string;
      firstSeen: string;
      lastSeen: string;
      evidence: unknown[];
      sigma?: { title: string; techniques: string[]; fields: Record<string, string> };
    }[];
  };
  const sigma = report.findings.filter((finding) => finding.kind === 'sigma');
  assert.equal(sigma.length, 1);
  assert.equal(sigma[0]?.sigma?.title, 'Failed logon burst for one account');
  assert.equal(sigma[0]?.severity, 'high');
  assert.equal(sigma[0]?.count, 5);
  assert.equal(sigma[0]?.evidence.length, 5);
  assert.equal(sigma[0]?.firstSeen, '2021-05-21T20:43:22.5628712Z');
  assert.equal(sigma[0]?.lastSeen, '2021-05-21T20:43:50.8661080Z');
  assert.deepEqual(sigma[0]?.sigma?.fields, { TargetUserName: 'admmig@offsec.lan' });
  assert.deepEqual(sigma[0]?.sigma?.techniques, ['T1110.001']);
});
