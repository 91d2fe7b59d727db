/** The summary line many opened files fold under. */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { LoadedFile } from '../../src/files/loaded-file.js';
import { translator } from '../../src/i18n/translator.js';
import { foldSummary } from '../../src/ui/file-list.js';

function file(index: number, change: Partial<LoadedFile> = {}): LoadedFile {
  return {
    index,
    name: `f${index}.evtx`,
    size: 1024,
    state: 'done',
    records: 1000,
    bytes: 1024,
    diagnosticsOmitted: 0,
    ...change,
  };
}

test('foldSummary counts files and records, and says which still read or failed', () => {
  const en = translator('en');
  const done = [1, 2, 3, 4].map((index) => file(index));
  assert.equal(foldSummary(done, en), '4 files · 4,000 records read');

  const mixed = [
    ...done,
    file(5, { state: 'reading', records: 1 }),
    file(6, { state: 'failed', records: 0 }),
  ];
  assert.equal(
    foldSummary(mixed, en),
    '6 files · 4,001 records read · 1 still reading · 1 with a warning or damage (unfold to see)',
  );
  assert.equal(
    foldSummary(mixed, translator('de')),
    '6 Dateien · 4.001 Datensätze gelesen · 1 wird noch gelesen · 1 mit Warnung oder Schaden (aufklappen zum Ansehen)',
  );
});
