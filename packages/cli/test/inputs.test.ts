import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { collectInputs, isEvtxName } from '../src/inputs.js';

test('isEvtxName ignores case and needs the extension at the end', () => {
  assert.equal(isEvtxName('Security.EVTX'), true);
  assert.equal(isEvtxName('a.evtx'), true);
  assert.equal(isEvtxName('a.evtx.bak'), false);
  assert.equal(isEvtxName('evtx'), false);
});

test('collectInputs walks directories for .evtx files, keeps named files, reports missing', async () => {
  const root = await mkdtemp(join(tmpdir(), 'evtxhunt-inputs-'));
  try {
    await mkdir(join(root, 'sub'));
    await writeFile(join(root, 'b.EVTX'), '');
    await writeFile(join(root, 'notes.txt'), '');
    await writeFile(join(root, 'sub', 'a.evtx'), '');
    await symlink(root, join(root, 'sub', 'loop'));

    const named = join(root, 'notes.txt');
    const inputs = await collectInputs([root, named, join(root, 'missing.evtx')]);

    assert.deepEqual(inputs.files, [join(root, 'b.EVTX'), join(root, 'sub', 'a.evtx'), named]);
    assert.equal(inputs.problems.length, 1);
    assert.equal(inputs.problems[0]?.path, join(root, 'missing.evtx'));
    assert.match(inputs.problems[0]?.message ?? '', /^ENOENT: no such file or directory$/);
  } finally {
    await rm(root, { recursive: true });
  }
});

test('collectInputs names a dangling link and a pipe named .evtx, and walks a directory named .evtx', async () => {
  const root = await mkdtemp(join(tmpdir(), 'evtxhunt-inputs-'));
  try {
    await mkdir(join(root, 'logs.evtx'));
    await writeFile(join(root, 'logs.evtx', 'inner.evtx'), '');
    await symlink(join(root, 'nowhere'), join(root, 'dangling.evtx'));
    const fifo = spawnSync('mkfifo', [join(root, 'pipe.evtx')]);
    assert.equal(fifo.status, 0, 'mkfifo is needed to make a pipe');

    const inputs = await collectInputs([root]);

    assert.deepEqual(inputs.files, [join(root, 'logs.evtx', 'inner.evtx')]);
    assert.deepEqual(inputs.problems, [
      { path: join(root, 'dangling.evtx'), message: 'ENOENT: no such file or directory' },
      { path: join(root, 'pipe.evtx'), message: 'not a regular file; skipped' },
    ]);
  } finally {
    await rm(root, { recursive: true });
  }
});
