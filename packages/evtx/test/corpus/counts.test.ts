import { test } from 'node:test';
import assert from 'node:assert/strict';

import { countProblemsFor, problemReport, referenceCount } from './counts.js';
import type { CountedFile, FileExpectation } from './counts.js';
import type { InventoryRow } from './inventory.js';

/** An inventory row for a clean two-record file; fields the rules ignore are blank. */
function row(overrides: Partial<InventoryRow> = {}): InventoryRow {
  return {
    path: 'x/a.evtx',
    bytes: 69632,
    sha256: '',
    sourceRepo: '',
    recordsByEvtxexport: 2,
    recordsByPythonEvtx: 2,
    eventIds: new Map([[3, 2]]),
    pythonEventIds: new Map([[3, 2]]),
    channels: [],
    providers: [],
    notes: '',
    evtxinfoRecords: undefined,
    evtxexportAborted: false,
    recoveredRecords: 0,
    evtxinfoFlags: [],
    headerChunkCount: 1,
    fileChunks: 1,
    recordIdMin: '10',
    recordIdMax: '11',
    timeMinUtc: '',
    timeMaxUtc: '',
    license: '',
    selectionReason: '',
    ...overrides,
  };
}

function expectation(overrides: Partial<FileExpectation> = {}): FileExpectation {
  return { row: row(), pin: undefined, unreadable: undefined, disagreements: [], ...overrides };
}

function ours(overrides: Partial<CountedFile> = {}): CountedFile {
  return {
    records: 2,
    eventIds: new Map([[3, 2]]),
    eventIdById: new Map([
      ['10', 3],
      ['11', 3],
    ]),
    headerIds: new Set(['1', '2']),
    recordErrors: [],
    malformedXml: [],
    ranges: { recordIdMin: 10n, recordIdMax: 11n },
    ...overrides,
  };
}

test('countProblemsFor passes a clean file read exactly', () => {
  assert.deepEqual(countProblemsFor(expectation(), ours()), []);
});

test('countProblemsFor reports too few records and a different histogram on a clean file', () => {
  const problems = countProblemsFor(
    expectation(),
    ours({ records: 1, eventIds: new Map([[3, 1]]), eventIdById: new Map([['10', 3]]) }),
  );

  assert.deepEqual(problems, [
    'records: reference 2, ours 1',
    'Event IDs: evtxexport 3:2, ours 3:1',
  ]);
});

test('countProblemsFor lets a damaged file hold more, never fewer, of each Event ID', () => {
  const damaged = expectation({ row: row({ notes: 'evtxinfo flags=dirty' }) });
  const more = ours({
    records: 3,
    eventIds: new Map([
      [3, 2],
      [5, 1],
    ]),
  });

  assert.deepEqual(countProblemsFor(damaged, more), []);
  assert.match(
    countProblemsFor(
      damaged,
      ours({
        eventIds: new Map([
          [3, 1],
          [5, 1],
        ]),
      }),
    ).join('\n'),
    /Event IDs below evtxexport's \(3: 1 < 2\)/,
  );
});

test('countProblemsFor holds a pinned file to its count and its not-records', () => {
  const pin = {
    path: 'x/a.evtx',
    records: 2,
    source: 'chunk walk' as const,
    reason: 'r',
    notRecords: ['2'],
  };

  assert.deepEqual(countProblemsFor(expectation({ pin }), ours({ headerIds: new Set(['1']) })), []);
  assert.deepEqual(countProblemsFor(expectation({ pin }), ours()), [
    'read records the pin says are not real: 2',
  ]);
  assert.deepEqual(
    countProblemsFor(expectation({ pin }), ours({ records: 3, headerIds: new Set() })),
    ['records: pinned 2, ours 3'],
  );
});

test("countProblemsFor uses evtxinfo's count where evtxexport aborted", () => {
  const aborted = row({ evtxexportAborted: true, evtxinfoRecords: 6, recordsByEvtxexport: 0 });

  assert.equal(referenceCount({ row: aborted, pin: undefined }), 6);
  assert.deepEqual(countProblemsFor(expectation({ row: aborted }), ours()), [
    'records: reference 6, ours 2',
  ]);
});

test('countProblemsFor wants every only_in_evtxexport record, with its Event ID', () => {
  const disagreements = [
    {
      path: 'x/a.evtx',
      kind: 'only_in_evtxexport',
      recordId: '11',
      eventId: 5,
      field: '',
      evtxexport: 'present',
      pythonEvtx: '',
    },
    {
      path: 'x/a.evtx',
      kind: 'only_in_evtxexport',
      recordId: '12',
      eventId: 3,
      field: '',
      evtxexport: 'present',
      pythonEvtx: '',
    },
  ];

  assert.deepEqual(countProblemsFor(expectation({ disagreements }), ours()), [
    'record 11: Event ID evtxexport 5, ours 3',
    'record 12 (evtxexport read it) is missing',
  ]);
});

test('countProblemsFor reports crashes, malformed XML and ranges', () => {
  const problems = countProblemsFor(
    expectation(),
    ours({
      readError: 'EvtxError: boom',
      recordErrors: ['record 1: TypeError: x'],
      malformedXml: ['record 10: bad'],
      ranges: { recordIdMin: 9n, recordIdMax: 11n },
    }),
  );

  assert.deepEqual(problems, [
    'reading threw EvtxError: boom',
    'rendering threw for record 1: TypeError: x',
    'XML not well-formed: record 10: bad',
    'smallest EventRecordID: evtxexport 10, ours 9',
  ]);
});

test('countProblemsFor lets a non-EVTX file fail to open but not yield records', () => {
  const unreadable = { path: 'x/a.evtx', reason: 'a 0-byte file' };
  const nothing = ours({ records: 0, openError: 'EvtxError: too small' });

  assert.deepEqual(countProblemsFor(expectation({ unreadable }), nothing), []);
  assert.deepEqual(countProblemsFor(expectation({ unreadable }), ours()), [
    'read 2 records from a non-EVTX file',
  ]);
});

test('problemReport names the file and caps the list', () => {
  const report = problemReport('x/a.evtx', ['a', 'b', 'c'], 2);

  assert.equal(report, 'x/a.evtx: 3 problem(s)\n  - a\n  - b\n  ... and 1 more');
});
