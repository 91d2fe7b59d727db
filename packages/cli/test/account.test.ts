import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FileSummary } from '@evtxhunt/evtx';

import { accountLines, accountOf, strictStatus } from '../src/account.js';
import { accountRows, ISSUE43, REPO, runEvtxhunt, withoutAccount } from './run-cli.js';

const ONE_RECORD = `${REPO}packages/evtx/test/fixtures/Security_1_record.evtx`;
/** Root reads a file whatever its mode, so a chmod 000 file is unreadable only to others. */
const ROOT = process.getuid?.() === 0;

function summary(fields: Partial<FileSummary> = {}): FileSummary {
  return {
    file: 'x.evtx',
    size: 69632,
    chunks: { slots: 1, found: 1, valid: 1, damaged: 0, empty: 0, unreadable: 0 },
    records: { read: 10, failed: 0, missing: 0 },
    diagnostics: [],
    lost: false,
    ...fields,
  };
}

test('accountOf: complete, damaged by a CRC alone, lost to a limit, unreadable with the reason', () => {
  const crc = { slots: 1, found: 1, valid: 0, damaged: 1, empty: 0, unreadable: 0 };
  const limitsHit = { maxElementDepth: 2, maxSubstitutions: 1 };
  const failed = { read: 10, failed: 3, missing: 0 };
  const recovered = { read: 10, failed: 0, missing: 0, recovered: 3 };
  // A message that reads like a limit is not counted: only the parser's count is.
  const lookalike = {
    severity: 'warning' as const,
    structure: 'binxml',
    offset: 0x1234,
    message: 'Image "x over the limit maxDepth (64)"',
  };

  assert.equal(accountOf('a', 0, { summary: summary() }).state, 'complete');
  assert.equal(accountOf('a', 0, { summary: summary({ chunks: crc }) }).state, 'damaged');
  const limited = accountOf('a', 1, { summary: summary({ limitsHit, records: failed }) });
  assert.deepEqual([limited.state, limited.limitsHit, limited.limits], ['lost', 3, limitsHit]);
  assert.equal(accountOf('a', 0, { summary: summary({ diagnostics: [lookalike] }) }).limitsHit, 0);
  assert.equal(accountOf('a', 0, { summary: summary({ records: recovered }) }).recovered, 3);
  assert.deepEqual(accountOf('b', 2, { problem: 'cannot open: EACCES: permission denied' }), {
    file: 'b',
    state: 'unreadable',
    read: 0,
    recovered: 0,
    failed: 0,
    missing: 0,
    duplicates: 0,
    chunksDamaged: 0,
    chunksUnreadable: 0,
    limitsHit: 0,
    problem: 'cannot open: EACCES: permission denied',
  });
});

test('accountLines: a row per input, a total, file names escaped; strictStatus raises to 1', () => {
  const clean = accountOf('good.evtx', 0, { summary: summary() });
  const crc = { slots: 1, found: 1, valid: 0, damaged: 1, empty: 0, unreadable: 0 };
  const damaged = accountOf('bad\x1b[2J.evtx', 0, { summary: summary({ chunks: crc }) });
  const repeats = { read: 10, failed: 0, missing: 0, duplicates: 4 };
  const repeated = accountOf('rep.evtx', 0, { summary: summary({ records: repeats }) });

  assert.deepEqual(accountLines([clean, damaged, repeated]), [
    'account of 3 files:',
    '  state                read  recovered  failed  missing  duplicates  chunks damaged  chunks unreadable  limits hit  file',
    '  complete               10          0       0        0           0               0                  0           0  good.evtx',
    '  damaged                10          0       0        0           0               1                  0           0  bad\\x1b[2J.evtx',
    '  complete               10          0       0        0           4               0                  0           0  rep.evtx',
    '  1 of 3 not complete    30          0       0        0           4               1                  0           0  total',
  ]);
  // A duplicate is not a loss: it repeats a record that was read.
  assert.equal(strictStatus({ status: 0, accounts: [repeated] }), 0);
  assert.equal(strictStatus({ status: 0, accounts: [clean] }), 0);
  assert.equal(strictStatus({ status: 0, accounts: [clean, damaged] }), 1);
  assert.equal(strictStatus({ status: 2, accounts: [clean, damaged] }), 2);
});

/** A folder of good logs and every kind of broken one; removed after the test. */
async function brokenFolder(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-broken-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const sample = await readFile(ISSUE43);

  await copyFile(ISSUE43, join(dir, 'a-good.evtx'));
  await copyFile(ONE_RECORD, join(dir, 'b-good.evtx'));
  await writeFile(join(dir, 'c-truncated.evtx'), sample.subarray(0, 30000));
  await writeFile(join(dir, 'd-random.evtx'), seededBytes(100_000));
  await writeFile(join(dir, 'e-empty.evtx'), '');
  await mkdir(join(dir, 'f-directory.evtx'));
  await symlink(join(dir, 'nowhere.evtx'), join(dir, 'g-dangling.evtx'));
  await copyFile(ONE_RECORD, join(dir, 'h-no-permission.evtx'));
  await chmod(join(dir, 'h-no-permission.evtx'), 0o000);
  return dir;
}

function seededBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

test('a folder with broken files among good ones: every good record out, each broken one named', async (t) => {
  const dir = await brokenFolder(t);
  const run = await runEvtxhunt('dump', dir);
  const rows = accountRows(run.stderr).map((row) => [row.state, row.read, row.file]);

  // 1730 + 1 from the good logs, 28 from the truncated one, 1 more when root can read the
  // chmod 000 file anyway.
  assert.equal(run.stdout.trimEnd().split('\n').length, ROOT ? 1760 : 1759);
  assert.equal(run.status, 2);
  assert.deepEqual(rows, [
    ['unreadable', 0, `${dir}/g-dangling.evtx: ENOENT: no such file or directory`],
    ['complete', 1730, `${dir}/a-good.evtx`],
    ['complete', 1, `${dir}/b-good.evtx`],
    ['lost', 28, `${dir}/c-truncated.evtx`],
    [
      'unreadable',
      0,
      `${dir}/d-random.evtx: not an EVTX file: bad signature "Ó§Ö\\rÂ>Í¯", expected "ElfFile"`,
    ],
    ['unreadable', 0, `${dir}/e-empty.evtx: not an EVTX file: file is 0 bytes, a header needs 128`],
    ROOT
      ? ['complete', 1, `${dir}/h-no-permission.evtx`]
      : ['unreadable', 0, `${dir}/h-no-permission.evtx: cannot open: EACCES: permission denied`],
    [ROOT ? '4 of 7 not complete' : '5 of 7 not complete', ROOT ? 1760 : 1759, 'total'],
  ]);
});

test('--strict: a CRC mismatch alone exits 1 instead of 0, after the same output', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-strict-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'crc.evtx');
  const bytes = await readFile(ISSUE43);
  bytes[4096 + 200] = 0x5a; // chunk 0's unused header area: its header CRC fails, records intact
  await writeFile(path, bytes);

  const lenient = await runEvtxhunt('dump', path);
  const strict = await runEvtxhunt('dump', '--strict', path);
  const clean = await runEvtxhunt('pivot', '--strict', ISSUE43);

  assert.equal(lenient.status, 0);
  assert.equal(strict.status, 1);
  assert.equal(strict.stdout, lenient.stdout);
  assert.equal(strict.stdout.trimEnd().split('\n').length, 1730);
  assert.match(withoutAccount(strict.stderr), /header CRC mismatch/);
  assert.equal(accountRows(strict.stderr)[0]?.state, 'damaged');
  assert.equal(clean.status, 0);
});

test('--strict keeps 2 for an unreadable file, and every reading command takes it', async () => {
  for (const command of ['dump', 'info', 'pivot', 'hunt', 'timeline']) {
    const run = await runEvtxhunt(command, '--strict', '/nonexistent/missing.evtx', ISSUE43);
    assert.equal(run.status, 2, `${command}: ${run.stderr}`);
    assert.deepEqual(
      accountRows(run.stderr).map((row) => row.state),
      ['unreadable', 'complete', '1 of 2 not complete'],
      command,
    );
  }
});

test('the account shows a repeated chunk as duplicates, and --strict does not count them lost', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-repeat-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'repeat.evtx');
  const bytes = await readFile(ISSUE43);
  // The sample's 23 chunks fill slots 0-22; slot 23, unused, gets a copy of chunk 0 (ids 1-78).
  bytes.copy(bytes, 4096 + 23 * 65536, 4096, 4096 + 65536);
  await writeFile(path, bytes);

  const run = await runEvtxhunt('dump', '--strict', path);
  const [row] = accountRows(run.stderr);

  assert.equal(run.status, 0);
  assert.equal(run.stdout.trimEnd().split('\n').length, 1730);
  assert.deepEqual(row, {
    state: 'complete',
    read: 1730,
    recovered: 0,
    failed: 0,
    missing: 0,
    duplicates: 78,
    chunksDamaged: 0,
    chunksUnreadable: 0,
    limitsHit: 0,
    file: path,
  });
});
