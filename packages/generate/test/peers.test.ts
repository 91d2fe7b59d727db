/**
 * libevtx (`evtxexport`) and python-evtx (`evtx_dump.py`) read a generated log with the record
 * count we wrote. Each check is skipped, saying so, when its tool is not installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { generate } from './support/generate.js';

const folder = mkdtempSync(join(tmpdir(), 'evtxhunt-peers-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** A log of 64 chunks for libevtx, so that chunk-filling faults show, and a small one for
 * python-evtx, which reads about 200 records a second. */
const large = written('large.evtx', { seed: 11, sizeBytes: 4 * 1024 * 1024, hosts: 6 });
const small = written('small.evtx', { seed: 12, sizeBytes: 192 * 1024, hosts: 4, beaconCount: 20 });

function written(name: string, options: Parameters<typeof generate>[0]) {
  const log = generate(options);
  const path = join(folder, name);
  writeFileSync(path, log.bytes);
  return { path, records: log.records };
}

/** Runs a peer; undefined when it is not installed. */
function run(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error !== undefined && 'code' in result.error && result.error.code === 'ENOENT') {
    return undefined;
  }
  assert.equal(result.status, 0, `${command} failed: ${result.stderr}`);
  return result.stdout;
}

function count(text: string, pattern: RegExp): number {
  return text.split('\n').filter((line) => pattern.test(line)).length;
}

test('evtxexport (libevtx) reads every record of a generated log', (t) => {
  const out = run('evtxexport', [large.path]);
  if (out === undefined) {
    t.skip('evtxexport is not installed (Debian package libevtx-utils)');
    return;
  }
  assert.equal(count(out, /^Event number\s*:/), large.records);
});

test('evtx_dump.py (python-evtx) reads every record of a generated log', (t) => {
  const out = run('evtx_dump.py', [small.path]);
  if (out === undefined) {
    t.skip('evtx_dump.py is not installed (Debian package python3-evtx)');
    return;
  }
  assert.equal(count(out, /^<Event xmlns=/), small.records);
});
