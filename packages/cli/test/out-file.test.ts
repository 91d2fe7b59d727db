import { test } from 'node:test';
import assert from 'node:assert/strict';
import { link, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { InputError } from '../src/errors.js';
import { refuseOverwritingInput } from '../src/out-file.js';

test('refuseOverwritingInput refuses the same path, a symbolic link and a hard link', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-out-'));
  const evidence = join(dir, 'evidence.evtx');
  await writeFile(evidence, 'ElfFile');
  await symlink(evidence, join(dir, 'soft.html'));
  await link(evidence, join(dir, 'hard.html'));

  for (const out of [
    evidence,
    join(dir, 'soft.html'),
    join(dir, 'hard.html'),
    `${dir}/./evidence.evtx`,
  ]) {
    await assert.rejects(refuseOverwritingInput(out, [join(dir, 'other.evtx'), evidence]), {
      name: 'InputError',
      message: `refusing to write the report to ${out}: it is the input ${evidence}`,
    });
  }
  await rm(dir, { recursive: true, force: true });
});

test('refuseOverwritingInput lets through a new file and a different existing one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-out-'));
  const evidence = join(dir, 'evidence.evtx');
  const old = join(dir, 'old-report.html');
  await writeFile(evidence, 'ElfFile');
  await writeFile(old, '<!DOCTYPE html>');

  await refuseOverwritingInput(join(dir, 'new.html'), [evidence]);
  await refuseOverwritingInput(old, [evidence, join(dir, 'missing.evtx')]);
  assert.ok(new InputError('x') instanceof Error);
  await rm(dir, { recursive: true, force: true });
});
