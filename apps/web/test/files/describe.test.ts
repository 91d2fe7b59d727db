import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { FileSummary } from '@evtxhunt/evtx';

import {
  byteSize,
  damageBanner,
  describeDiagnostic,
  failureReasons,
  statusLine,
} from '../../src/files/describe.js';
import type { LoadedFile } from '../../src/files/loaded-file.js';
import { BAD_CHUNK_MAGIC, ISSUE43, SKIP_SHARED } from '../support/paths.js';
import { parseFile } from '../support/parse.js';

function loaded(summary: FileSummary, name = 'x.evtx'): LoadedFile {
  return {
    index: 0,
    name,
    size: summary.size,
    state: 'done',
    records: summary.records.read,
    bytes: summary.size,
    summary,
    diagnosticsOmitted: 0,
  };
}

test('statusLine of a clean file counts records and chunks', async () => {
  const { outcome } = await parseFile(ISSUE43);

  assert.equal(
    statusLine(loaded(outcome.summary)),
    '1,730 records read · 23 chunks, none damaged · no record lost',
  );
  assert.equal(damageBanner(loaded(outcome.summary)), undefined);
});

test('statusLine of a damaged file says what was lost and why', { skip: SKIP_SHARED }, async () => {
  const { outcome } = await parseFile(BAD_CHUNK_MAGIC);
  const file = loaded(outcome.summary, 'bad.evtx');

  assert.equal(
    statusLine(file),
    '298 records read · 3 of 4 chunks damaged, 12 chunk slots unreadable · 3 records could not ' +
      'be read: record partly overwritten (3) · 1,548 records missing with wiped chunks',
  );
  assert.equal(
    damageBanner(file),
    'bad.evtx: the log was not closed cleanly (dirty), so every chunk slot was scanned; parts of ' +
      'it are damaged: the table holds every record that could be read.',
  );
  assert.deepEqual(failureReasons(outcome.summary.diagnostics), [['record partly overwritten', 3]]);
  assert.equal(
    describeDiagnostic(outcome.summary.diagnostics[2] ?? assert.fail('no third diagnostic')),
    'error: record at 0x2fc0 (chunk 0, record 46741): trailing size copy 0 differs from size ' +
      '472; record partly overwritten',
  );
});

test('statusLine while waiting, reading, cancelled and failed', () => {
  const base: LoadedFile = {
    index: 0,
    name: 'a.evtx',
    size: 1000,
    state: 'reading',
    records: 1234,
    bytes: 456,
    diagnosticsOmitted: 0,
  };

  assert.equal(statusLine({ ...base, state: 'waiting' }), 'Waiting to be read');
  assert.equal(statusLine(base), 'Reading: 1,234 records so far, 45% of the file');
  assert.equal(
    statusLine({ ...base, state: 'cancelled', records: 1 }),
    'Cancelled after 1 record; the rest of the file was not read',
  );
  assert.equal(
    statusLine({ ...base, state: 'failed', error: 'the file was moved' }),
    'Could not be read: the file was moved',
  );
});

test('byteSize shows bytes in binary units', () => {
  assert.equal(byteSize(512), '512 B');
  assert.equal(byteSize(2166784), '2.1 MB');
  assert.equal(byteSize(5 * 1024 ** 3), '5.0 GB');
});
