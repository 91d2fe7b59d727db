/**
 * Every text output of the CLI on a log crafted to attack the analyst (@evtxhunt/generate's
 * hostile log, under a file name that is an attack too): no control character, escape sequence
 * or bidi override reaches the terminal, `dump --format xml` is one well-formed event per line,
 * and `pivot --csv` neutralises formulas and says so.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseXml } from '@evtxhunt/hunt';
import { hostilePayloads, hostileSysmonLog } from '@evtxhunt/generate';

import { runEvtxhunt, type CliRun } from './run-cli.js';

const REMOTE = 'http://127.0.0.2:9';
const PAYLOADS = hostilePayloads(REMOTE);

/** C0 but line feed, DEL, C1, bidi marks and overrides, separators, BOM, U+FFF9-U+FFFF. */
const RAW_CONTROL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]/u;

/** A temp folder with the hostile log (twice: one copy cut short) under hostile names. */
async function hostileFolder(t: TestContext): Promise<{ dir: string; log: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-hostile-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const bytes = hostileSysmonLog(REMOTE);
  const log = join(dir, 'log\x1b]0;title\x07\u202eexe.evtx');
  await writeFile(log, bytes);
  await writeFile(join(dir, 'cut\x1b[2J\x9b1m.evtx'), bytes.subarray(0, 5000));
  await copyFile(log, join(dir, 'copy\r.evtx'));
  return { dir, log };
}

function assertNoRawControl(run: CliRun, what: string): void {
  for (const [stream, text] of [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
  ] as const) {
    // A CSV line ends in CR LF, which a terminal only takes as the end of the line.
    const found = RAW_CONTROL.exec(text.replaceAll('\r\n', '\n'));
    const context = found ? JSON.stringify(text.slice(found.index - 40, found.index + 20)) : '';
    assert.ok(found === null, `${what} ${stream} carries a raw control: ${context}`);
  }
}

test('every text command on the hostile log and file names emits no raw control', async (t) => {
  const { dir, log } = await hostileFolder(t);
  const runs: [string, CliRun][] = [
    ['info', await runEvtxhunt('info', dir)],
    ['info --json', await runEvtxhunt('info', '--json', log)],
    ['pivot', await runEvtxhunt('pivot', dir)],
    ['pivot --json', await runEvtxhunt('pivot', '--json', dir)],
    ['pivot --csv', await runEvtxhunt('pivot', '--csv', '--all-events', dir)],
    ['hunt', await runEvtxhunt('hunt', dir)],
    ['hunt --format json', await runEvtxhunt('hunt', '--format', 'json', dir)],
    ['timeline', await runEvtxhunt('timeline', '--image', 'rundll32.exe', dir)],
    ['dump', await runEvtxhunt('dump', dir)],
    ['dump --format xml', await runEvtxhunt('dump', '--format', 'xml', dir)],
    ['usage error', await runEvtxhunt('pivot', '--by', '\x1b[2J', '--nope\x07', dir)],
  ];

  for (const [what, run] of runs) assertNoRawControl(run, what);
  const hunt = runs.find(([what]) => what === 'hunt')![1];
  assert.match(hunt.stdout, /by kind: 1 chain, 1 lolbin-outbound, 1 user-writable-outbound/);
  assert.ok(hunt.stdout.includes('\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202etxt.exe\\x7f\\r'));
  assert.match(hunt.stdout, /file {9}\S+\/cut\\x1b\[2J\\x9b1m\.evtx\n/);
  const info = runs[0]![1];
  assert.ok(info.stdout.includes('log\\x1b]0;title\\x07\\u202eexe.evtx\n  size'));
  assert.ok(info.stderr.includes('copy\\r.evtx') || info.stdout.includes('copy\\r.evtx'));
});

test('dump --format xml writes each event on one line, and each line parses', async (t) => {
  const { log } = await hostileFolder(t);
  const run = await runEvtxhunt('dump', '--format', 'xml', log);
  const lines = run.stdout.split('\n').filter((line) => line !== '');

  assert.equal(run.status, 0);
  assert.equal(lines.length, 7);
  for (const line of lines) assert.doesNotThrow(() => parseXml(line), line);
  assert.ok(lines[0]!.includes('&lt;script&gt;(window.__pwned'));
  assert.ok(lines[0]!.includes(']]&gt;&amp;amp;&lt;![CDATA[_x0001__x001F__xFFFE_'));
  assert.ok(lines[0]!.includes('_x001B_[2J_x001B_]0;pwned_x0007_&#x9b;31m&#x202e;txt.exe&#x7f;'));
});

test('pivot --csv neutralises every formula a field starts with and says how', async (t) => {
  const { log } = await hostileFolder(t);
  const by = 'Company,CurrentDirectory,ParentUser,CommandLine';
  const run = await runEvtxhunt('pivot', '--csv', '--all-events', '--by', by, log);
  const [note, header, ...rows] = run.stdout.split('\r\n');
  const [formula, plus, minus, at] = PAYLOADS.formulas;
  const quoted = (cell: string) => `"${cell.replaceAll('"', '""')}"`;

  assert.equal(run.status, 0);
  assert.match(note!, /^"# Formula neutralisation: any cell whose first character/);
  assert.match(note!, /4 cells were changed this way\. Control characters.* such as \\x1b\."$/);
  assert.equal(header, `count,${by},ports,hostnames,firstSeen (UTC),lastSeen (UTC)`);
  const lolbin = rows.find((row) => row.includes('rundll32.exe javascript:'));
  assert.ok(lolbin?.startsWith(`1,${quoted(`'${formula}`)},'${minus},'${at},rundll32.exe `));
  const dropped = rows.find((row) => row.startsWith('1,Microsoft Corporation,'));
  assert.match(dropped ?? '', new RegExp(`,CORP\\\\analyst,'\\${plus},,,2024`));
});
