import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readFile } from 'node:fs/promises';

import type { FileSummary } from '@evtxhunt/evtx';

import {
  damageBanner,
  describeDiagnostic,
  exportName,
  failureReasons,
  plural,
  statusLine,
} from '../../src/files/describe.js';
import type { LoadedFile } from '../../src/files/loaded-file.js';
import { translator } from '../../src/i18n/translator.js';
import { BAD_CHUNK_MAGIC, ISSUE43, SKIP_SHARED } from '../support/paths.js';
import { parseBytes, parseFile } from '../support/parse.js';

const EN = translator('en');
const DE = translator('de');

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
    statusLine(loaded(outcome.summary), EN),
    '1,730 records read · 23 chunks, none damaged · no record lost',
  );
  assert.equal(damageBanner(loaded(outcome.summary), EN), undefined);
});

test('statusLine of a damaged file says what was lost and why', { skip: SKIP_SHARED }, async () => {
  const { outcome } = await parseFile(BAD_CHUNK_MAGIC);
  const file = loaded(outcome.summary, 'bad.evtx');

  assert.equal(
    statusLine(file, EN),
    '267 records read, 113 recovered (marked, not live) · 3 of 4 chunks damaged, 12 chunk ' +
      'slots unreadable · 3 chunk headers name more records than were read · 3 records could ' +
      'not be read: record partly overwritten (3) · 1,632 records missing',
  );
  assert.deepEqual(damageBanner(file, EN), {
    text:
      'bad.evtx: the log was not closed cleanly (dirty), so every chunk slot was scanned; ' +
      'records lost: the table holds every record that could be read.',
    severity: 'error',
  });
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

  assert.equal(statusLine({ ...base, state: 'waiting' }, EN), 'Waiting to be read');
  assert.equal(statusLine(base, EN), 'Reading: 1,234 records so far, 45% of the file');
  assert.equal(
    statusLine({ ...base, state: 'cancelled', records: 1 }, EN),
    'Cancelled after 1 record; the rest of the file was not read',
  );
  assert.equal(
    statusLine({ ...base, state: 'failed', error: 'the file was moved' }, EN),
    'Could not be read: the file was moved',
  );
});

test('statusLine in German formats counts the German way and keeps the plural right', async () => {
  const { outcome } = await parseFile(ISSUE43);

  assert.equal(
    statusLine(loaded(outcome.summary), DE),
    '1.730 Datensätze gelesen · 23 Chunks, keiner beschädigt · kein Datensatz verloren',
  );
  assert.equal(
    statusLine({ ...loaded(outcome.summary), state: 'cancelled', records: 1 }, DE),
    'Abgebrochen nach 1 Datensatz; der Rest der Datei wurde nicht gelesen',
  );
});

test('statusLine of a file cut off mid-chunk says so and counts the short chunk', async () => {
  // The first 361,776 bytes of the sample: 6 of the 23 chunks its header names, the last cut.
  const bytes = new Uint8Array(await readFile(ISSUE43)).subarray(0, 361776);
  const { outcome } = await parseBytes(bytes, 'cut.evtx');
  const file = loaded(outcome.summary, 'cut.evtx');

  assert.equal(
    statusLine(file, EN),
    '392 records read · 1 of 6 chunks damaged · file cut off: header names 23 chunks, 6 found · ' +
      "chunk 5's header names 69 records, 28 read · 1 record could not be read · 1,337 records missing",
  );
  assert.deepEqual(damageBanner(file, EN), {
    text: 'cut.evtx: records lost: the table holds every record that could be read.',
    severity: 'error',
  });
});

test('statusLine shows records missing whatever their source', () => {
  const summary: FileSummary = {
    file: 'm.evtx',
    size: 200704,
    chunks: { slots: 3, found: 3, valid: 3, damaged: 0, empty: 0, unreadable: 0 },
    records: { read: 100, failed: 0, missing: 41 },
    diagnostics: [],
    lost: false,
  };

  assert.equal(
    statusLine(loaded(summary), EN),
    '100 records read · 3 chunks, none damaged · 41 records missing',
  );
  assert.equal(damageBanner(loaded(summary), EN)?.severity, 'error');
});

test('statusLine of a file whose chunks are damaged but every record read says so', () => {
  const summary: FileSummary = {
    file: 'crc.evtx',
    size: 200704,
    chunks: { slots: 3, found: 3, valid: 2, damaged: 1, empty: 0, unreadable: 0 },
    records: { read: 100, failed: 0, missing: 0 },
    diagnostics: [],
    lost: false,
  };

  assert.equal(
    statusLine(loaded(summary), EN),
    '100 records read · 1 of 3 chunks damaged · no record lost',
  );
  assert.deepEqual(damageBanner(loaded(summary, 'crc.evtx'), EN), {
    text: 'crc.evtx: chunks damaged (records still read).',
    severity: 'warning',
  });
});

const NOT_EVTX_INPUTS: readonly (readonly [string, Uint8Array, string])[] = [
  ['empty.evtx', new Uint8Array(0), 'not an EVTX file: file is 0 bytes, a header needs 128'],
  [
    'events.evtx',
    new TextEncoder().encode('<?xml version="1.0"?><Events><Event/></Events>\n'),
    'not an EVTX file: file is 47 bytes, a header needs 128',
  ],
  [
    'readme.evtx',
    new TextEncoder().encode('# evtxhunt\n\n'.padEnd(23108, 'Read Windows event logs. ')),
    'not an EVTX file: bad signature "# evtxhu", expected "ElfFile"',
  ],
];

for (const [name, bytes, line] of NOT_EVTX_INPUTS) {
  test(`statusLine of ${name}, which is not EVTX, says so in a red banner`, async () => {
    const { outcome } = await parseBytes(bytes, name);
    const file = loaded(outcome.summary, name);

    assert.equal(statusLine(file, EN), line);
    assert.deepEqual(damageBanner(file, EN), {
      text:
        `${name}: ${line}; nor is it an export read here (event XML, event JSON or JSONL, ` +
        'EvtxECmd or evtxhunt CSV, gzipped or not, or a zip archive of them); nothing was read from it.',
      severity: 'error',
    });
  });
}

test('statusLine of an export names its format and the records it could not read', () => {
  const summary: FileSummary = {
    file: 'search.jsonl.gz',
    size: 2100,
    chunks: { slots: 0, found: 0, valid: 0, damaged: 0, empty: 0, unreadable: 0 },
    records: { read: 2, failed: 1, missing: 0 },
    diagnostics: [
      { severity: 'error', structure: 'json record', offset: 1530, message: 'line 2: bad JSON' },
    ],
    lost: true,
  };
  const file = { ...loaded(summary, 'search.jsonl.gz'), format: 'gzip json' };

  assert.equal(
    statusLine(file, EN),
    '2 records read from a gzipped JSON export · 1 record could not be read',
  );
  assert.equal(
    statusLine(
      {
        ...file,
        format: 'xml',
        summary: { ...summary, records: { ...summary.records, failed: 0 } },
      },
      EN,
    ),
    '2 records read from an XML export · no record lost',
  );
  assert.deepEqual(damageBanner(file, EN), {
    text: 'search.jsonl.gz: records lost: the table holds every record that could be read.',
    severity: 'error',
  });
});

test('statusLine never says no record lost when the parser says records were lost', () => {
  const summary: FileSummary = {
    file: 'x.evtx',
    size: 4096 + 9 * 65536,
    chunks: { slots: 9, found: 1, valid: 1, damaged: 0, empty: 0, unreadable: 8 },
    records: { read: 358, failed: 0, missing: 0 },
    diagnostics: [],
    lost: true,
  };
  const file = { name: 'x.evtx', size: summary.size, state: 'done', summary } as const;

  assert.equal(
    statusLine(file as unknown as LoadedFile, EN),
    '358 records read · 1 chunk, none damaged, 8 chunk slots unreadable · records lost, how ' +
      'many cannot be told (see the diagnostics)',
  );
});

test('exportName calls a zip an archive and a gzipped EVTX file a log, not an export', () => {
  assert.deepEqual(
    ['zip', 'gzip evtx', 'json', 'gzip xml', 'xml', 'csv'].map((format) => exportName(format, EN)),
    [
      'a zip archive',
      'a gzipped EVTX log',
      'a JSON export',
      'a gzipped XML export',
      'an XML export',
      'a CSV export',
    ],
  );
});

test('plural counts parser diagnostics in the singular for one', () => {
  assert.deepEqual(
    [0, 1, 2, 1200].map((n) => plural(n, 'parser diagnostic')),
    [
      '0 parser diagnostics',
      '1 parser diagnostic',
      '2 parser diagnostics',
      '1,200 parser diagnostics',
    ],
  );
});
