import { test } from 'node:test';
import assert from 'node:assert/strict';

import { VIEW_STATE_MAX_CHARS } from '@evtxhunt/hunt';

import {
  readColumnLayout,
  readKeptLog,
  readFileRecord,
  readSavedSearch,
  readSessionRecord,
  sessionKey,
} from '../../src/session/session-records.js';

const HASH_A = 'a'.repeat(64);
const HASH_B = '0123456789abcdef'.repeat(4);

function fileRecord(change: Record<string, unknown> = {}): Record<string, unknown> {
  const bookmark = {
    recordId: '1607',
    recovered: false,
    time: '2017-10-23T07:32:01.0129272Z',
    note: 'n',
  };
  return { sha256: HASH_A, name: 'a.evtx', size: 2166784, bookmarks: [bookmark], ...change };
}

function bookmarkRecord(change: Record<string, unknown>): Record<string, unknown> {
  const [bookmark] = fileRecord().bookmarks as Record<string, unknown>[];
  return fileRecord({ bookmarks: [{ ...bookmark, ...change }] });
}

test('readFileRecord keeps a good record as it is', () => {
  assert.deepEqual(readFileRecord(fileRecord()), fileRecord());
  const untimed = bookmarkRecord({ time: '', recovered: true });
  assert.deepEqual(readFileRecord(untimed), untimed);
});

test('readFileRecord refuses each bad field, naming it', () => {
  const cases: [unknown, string][] = [
    [null, 'file record is null, not an object'],
    [[], 'file record is a list, not an object'],
    [fileRecord({ sha256: 'A'.repeat(64) }), 'sha256 is not a SHA-256 in hex'],
    [fileRecord({ sha256: 5 }), 'sha256 is a number, not text'],
    [fileRecord({ name: 'x'.repeat(1025) }), 'name is 1025 characters long; the limit is 1024'],
    [fileRecord({ size: -1 }), 'size is not a byte count'],
    [fileRecord({ size: 2 ** 53 }), 'size is not a byte count'],
    [fileRecord({ bookmarks: {} }), 'bookmarks is an object, not a list'],
    [
      fileRecord({ bookmarks: Array(10_001).fill(0) }),
      'bookmarks holds 10001 items; the limit is 10000',
    ],
    [fileRecord({ bookmarks: ['x'] }), 'bookmarks[0] is text, not an object'],
    [bookmarkRecord({ recordId: '16a7' }), 'bookmarks[0].recordId is not a number'],
    [
      bookmarkRecord({ recordId: '1'.repeat(21) }),
      'bookmarks[0].recordId is 21 characters long; the limit is 20',
    ],
    [bookmarkRecord({ recovered: 'no' }), 'bookmarks[0].recovered is text, not true or false'],
    [bookmarkRecord({ time: '2017-10-23 07:32:01' }), 'bookmarks[0].time is not a UTC time'],
    [
      bookmarkRecord({ note: 'n'.repeat(10_001) }),
      'bookmarks[0].note is 10001 characters long; the limit is 10000',
    ],
    [bookmarkRecord({ note: undefined }), 'bookmarks[0].note is missing, not text'],
  ];
  for (const [value, message] of cases) {
    assert.throws(() => readFileRecord(value), { name: 'KeptDataError', message }, message);
  }
});

test('sessionKey names a set of files whatever their order, each once', () => {
  assert.equal(sessionKey([HASH_B, HASH_A, HASH_B]), `${HASH_B},${HASH_A}`);
  assert.equal(sessionKey([HASH_A, HASH_B]), sessionKey([HASH_B, HASH_A]));
});

test('readSessionRecord checks its key against its files and keeps the view as text', () => {
  const files = [
    { sha256: HASH_A, name: 'a.evtx', size: 1 },
    { sha256: HASH_B, name: '<b>.evtx', size: 2 },
  ];
  const good = { key: sessionKey([HASH_A, HASH_B]), files, view: 'v=1&q=eventId%3A3' };
  assert.deepEqual(readSessionRecord(good), { ...good, findings: [] });
  const finding = { key: '["beacon","HOST"]', time: '2020-01-01T00:00:00.0000000Z', note: 'c2' };
  const withFinding = { ...good, findings: [finding] };
  assert.deepEqual(readSessionRecord(withFinding), withFinding);
  assert.throws(() => readSessionRecord({ ...good, findings: [{ ...finding, time: 'now' }] }), {
    message: 'findings[0].time is not a UTC time',
  });
  assert.throws(() => readSessionRecord({ ...good, findings: Array(1001).fill(finding) }), {
    message: 'findings holds 1001 items; the limit is 1000',
  });
  assert.throws(() => readSessionRecord({ ...good, key: HASH_A }), {
    message: 'key does not name the hashes of its files',
  });
  const long = VIEW_STATE_MAX_CHARS + 1;
  assert.throws(() => readSessionRecord({ ...good, view: 'x'.repeat(long) }), {
    message: `view is ${long} characters long; the limit is ${VIEW_STATE_MAX_CHARS}`,
  });
  assert.throws(() => readSessionRecord({ ...good, files: [{ ...files[0], size: '1' }] }), {
    message: 'files[0].size is not a byte count',
  });
});

test('readSavedSearch and readColumnLayout refuse empty, long and control-character names', () => {
  assert.deepEqual(readSavedSearch({ name: '<img src=x>', view: 'v=1' }), {
    name: '<img src=x>',
    view: 'v=1',
  });
  const bad: [unknown, string][] = [
    [{ name: '  ', view: 'v=1' }, 'saved search.name is empty'],
    [{ name: 'a\u0007b', view: 'v=1' }, 'saved search.name holds a control character'],
    [
      { name: 'x'.repeat(201), view: 'v=1' },
      'saved search.name is 201 characters long; the limit is 200',
    ],
    [{ name: 'q' }, 'saved search.view is missing, not text'],
  ];
  for (const [value, message] of bad) assert.throws(() => readSavedSearch(value), { message });

  assert.deepEqual(readColumnLayout({ name: 'net', columns: ['eventId', 'DestinationIp'] }), {
    name: 'net',
    columns: ['eventId', 'DestinationIp'],
  });
  assert.throws(() => readColumnLayout({ name: 'net', columns: Array(257).fill('a') }), {
    message: 'column layout.columns holds 257 items; the limit is 256',
  });
  assert.throws(() => readColumnLayout({ name: 'net', columns: [7] }, 'layouts[2]'), {
    message: 'layouts[2].columns[0] is a number, not text',
  });
});

test('readKeptLog takes a Blob of the size it claims and nothing else', () => {
  const blob = new Blob(['EVTX']);
  const log = { sha256: HASH_A, name: 'a.evtx', size: 4, blob };
  assert.deepEqual(readKeptLog(log), log);
  assert.throws(() => readKeptLog({ ...log, blob: 'EVTX' }), {
    message: 'blob is text, not a file',
  });
  assert.throws(() => readKeptLog({ ...log, size: 5 }), { message: 'blob holds 4 bytes, not 5' });
  assert.throws(() => readKeptLog({ ...log, sha256: undefined }), {
    message: 'sha256 is missing, not text',
  });
});
