import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { Diagnostic, FileSummary } from '@evtxhunt/evtx';

import { formatDiagnostic } from '../src/diagnostics.js';
import { memorySink } from '../src/io.js';
import { fileStatus } from '../src/reading.js';
import { Reporter } from '../src/reporter.js';

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

const BAD_SIGNATURE: Diagnostic = {
  severity: 'error',
  structure: 'chunk header',
  offset: 0x11000,
  chunkIndex: 1,
  message: 'no chunk signature',
};

test('formatDiagnostic names file, severity, structure, hex offset, chunk and record', () => {
  const withRecord = { ...BAD_SIGNATURE, structure: 'record', offset: 0x1234, recordId: '77' };

  assert.equal(
    formatDiagnostic('a.evtx', BAD_SIGNATURE),
    'a.evtx: error: chunk header at 0x11000 (chunk 1): no chunk signature',
  );
  assert.equal(
    formatDiagnostic('a.evtx', withRecord),
    'a.evtx: error: record at 0x1234 (chunk 1, record 77): no chunk signature',
  );
  assert.equal(
    formatDiagnostic('evil\x1b[2J.evtx', { ...BAD_SIGNATURE, message: 'bad \x07' }),
    'evil\\x1b[2J.evtx: error: chunk header at 0x11000 (chunk 1): bad \\x07',
  );
});

test('fileStatus: 0 clean, 1 when something was lost, 2 when nothing was readable', () => {
  const crcOnly = { slots: 2, found: 2, valid: 1, damaged: 1, empty: 0, unreadable: 0 };
  const unreadable = { slots: 2, found: 1, valid: 1, damaged: 0, empty: 0, unreadable: 1 };

  assert.equal(fileStatus(summary(), true), 0);
  assert.equal(fileStatus(summary({ records: { read: 9, failed: 1, missing: 0 } }), true), 1);
  assert.equal(fileStatus(summary({ chunks: crcOnly }), true), 0);
  assert.equal(fileStatus(summary({ chunks: unreadable }), true), 1);
  assert.equal(fileStatus(summary({ diagnostics: [BAD_SIGNATURE] }), true), 1);
  assert.equal(fileStatus(summary({ lost: true }), true), 1);
  assert.equal(fileStatus(summary(), false), 1);
  assert.equal(fileStatus(summary({ records: { read: 0, failed: 0, missing: 0 } }), false), 2);
});

test('Reporter prints each new diagnostic once and shows no progress off a terminal', async () => {
  const err = memorySink();
  const reporter = new Reporter({ out: memorySink(), err, errIsTty: false });
  const diagnostics: Diagnostic[] = [BAD_SIGNATURE];

  await reporter.startFile(1, 1, 'a.evtx');
  for (let i = 0; i < 600; i++) await reporter.record(summary({ file: 'a.evtx', diagnostics }));
  await reporter.diagnostics(summary({ file: 'a.evtx', diagnostics }));

  assert.equal(
    err.text(),
    'a.evtx: error: chunk header at 0x11000 (chunk 1): no chunk signature\n',
  );
});

test('Reporter on a terminal rewrites one progress line and clears it before a warning', async () => {
  const err = memorySink();
  const reporter = new Reporter({ out: memorySink(), err, errIsTty: true });

  await reporter.startFile(2, 5, 'a.evtx');
  await reporter.line('a.evtx: warning: something');

  assert.equal(
    err.text(),
    '\rfile 2/5, records 0' + '\r' + ' '.repeat(19) + '\r' + 'a.evtx: warning: something\n',
  );
});
