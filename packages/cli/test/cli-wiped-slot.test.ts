/**
 * A chunk slot zeroed in the middle of a real log (a copy in a temp dir): `info` and `hunt`
 * name the slot, its offset and the record ids lost with it, and exit 1.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  ISSUE43,
  SHARED,
  SKIP_SHARED,
  accountRows,
  runEvtxhunt,
  withoutAccount,
} from './run-cli.js';

const SLOT = 0x10000;
const FIRST_SLOT = 0x1000;

/** A copy of `original` in a fresh temp dir with chunk slot `index` overwritten by zeros. */
async function zeroedCopy(t: TestContext, original: string, index: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-wiped-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, `slot-${index}-zeroed.evtx`);
  await copyFile(original, path);

  const handle = await open(path, 'r+');
  await handle.write(new Uint8Array(SLOT), 0, SLOT, FIRST_SLOT + index * SLOT);
  await handle.close();
  return path;
}

test('info: a zeroed slot is wiped, its records counted missing, exit 1', async (t) => {
  const path = await zeroedCopy(t, ISSUE43, 3);
  const run = await runEvtxhunt('info', path);

  assert.equal(run.status, 1);
  assert.match(
    run.stdout,
    /^ {2}records {9}1655 read, 0 failed, 75 missing \(ids the log names but does not hold/m,
  );
  assert.match(
    run.stdout,
    /^ {2}chunk slots {5}33: 22 found, 22 valid, 0 damaged, 10 empty, 1 unreadable$/m,
  );
  assert.match(run.stdout, /^ {6}3 {2}0x31000 +wiped +- +- +-$/m);
  assert.equal(
    run.stderr.split('\n')[0],
    `${path}: error: chunk at 0x31000 (chunk 3): the slot is all zeros (wiped or never ` +
      'written); records 224-298 are missing, 75 in all (chunk 2 ends at 223 and chunk 4 ' +
      'starts at 299, both by their chunk headers)',
  );
});

test('info --json: the wiped slot and the missing count in the summary', async (t) => {
  const path = await zeroedCopy(t, ISSUE43, 3);
  const run = await runEvtxhunt('info', '--json', path);
  const [report] = JSON.parse(run.stdout);

  assert.equal(run.status, 1);
  assert.deepEqual(report.summary.records, { read: 1655, failed: 0, missing: 75 });
  assert.equal(report.summary.lost, true);
  assert.equal(report.chunks[3].status, 'wiped');
  assert.equal(report.chunks[3].damaged, true);
  assert.equal(report.chunks[23].status, 'empty', 'the unused tail stays empty');
});

test('hunt: the lost records are named on stderr and the exit status is 1', async (t) => {
  const path = await zeroedCopy(t, ISSUE43, 3);
  const run = await runEvtxhunt('hunt', '--format', 'json', path);

  assert.equal(run.status, 1);
  assert.ok(JSON.parse(run.stdout), 'the report is still written');
  assert.ok(
    run.stderr.includes(`${path}: error: chunk at 0x31000 (chunk 3): the slot is all zeros`),
    run.stderr,
  );
  assert.ok(run.stderr.includes('records 224-298 are missing'), run.stderr);
});

test(
  'hunt: chunk 2 of the 13-chunk sytemmoon Sysmon log zeroed: records 111-184 named as lost',
  { skip: SKIP_SHARED },
  async (t) => {
    const path = await zeroedCopy(t, `${SHARED}/sytemmoon-ctf/sysmon.evtx`, 2);
    const run = await runEvtxhunt('hunt', '--format', 'json', path);

    assert.equal(run.status, 1);
    assert.deepEqual(withoutAccount(run.stderr).trimEnd().split('\n'), [
      `${path}: error: chunk at 0x21000 (chunk 2): the slot is all zeros (wiped or never ` +
        'written); records 111-184 are missing, 74 in all (chunk 1 ends at 110 and chunk 3 ' +
        'starts at 185, both by their chunk headers)',
      `${path}: info: file chunks at 0x0: header names 13 chunks, only 12 found: each slot ` +
        'inside the log without one is reported with its records',
    ]);
    const [account] = accountRows(run.stderr);
    assert.deepEqual(
      [account?.state, account?.missing, account?.chunksUnreadable],
      ['lost', 74, 1],
    );
  },
);

test('info: a chunk copied over another slot is listed as repeating it', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-repeat-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'chunk-3-over-9.evtx');
  const bytes = await readFile(ISSUE43);
  bytes.copyWithin(FIRST_SLOT + 9 * SLOT, FIRST_SLOT + 3 * SLOT, FIRST_SLOT + 4 * SLOT);
  await writeFile(path, bytes);

  const run = await runEvtxhunt('info', path);

  assert.match(run.stdout, /^ +9 {2}0x91000 {3}repeats chunk 3 {2}224-298 /m);
  assert.match(run.stderr, /chunk 9\): chunk repeats chunk 3 \(same CRCs, records 224-298\)/);
});

test('info: a chunk whose records were partly zeroed shows as damaged, as the account counts it', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-part-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'chunk-4-part-zeroed.evtx');
  await copyFile(ISSUE43, path);
  const handle = await open(path, 'r+');
  // 16 KiB of chunk 4's records: its data CRC fails and records there are lost.
  await handle.write(new Uint8Array(0x4000), 0, 0x4000, FIRST_SLOT + 4 * SLOT + 0x8000);
  await handle.close();

  const run = await runEvtxhunt('info', path);

  assert.match(run.stdout, /^ {6}4 {2}0x41000 +damaged +\d+-\d+ +valid +BAD$/m);
  assert.match(run.stdout, /^ {6}3 {2}0x31000 +ok +224-298 +valid +valid$/m);
  assert.match(run.stdout, /, 22 valid, 1 damaged, 10 empty, 0 unreadable$/m);
});
