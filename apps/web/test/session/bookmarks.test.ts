import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { Finding } from '@evtxhunt/hunt';

import {
  Bookmarks,
  NOTE_LIMIT,
  noteWithinLimit,
  bookmarkKey,
  eventBookmarkKey,
  type BookmarkTarget,
} from '../../src/session/bookmarks.js';

function event(recordId: string, row: number, recovered = false): BookmarkTarget {
  return { kind: 'event', event: { file: 'a.evtx', recordId, recovered }, row };
}

const FINDING: Finding = {
  kind: 'beacon',
  severity: 'high',
  computer: 'WS1',
  image: 'C:\\x.exe',
  destinationIp: '203.0.113.9',
  destinationPort: 443,
  firstSeen: '2024-01-01T00:00:05.0000000Z',
  lastSeen: '2024-01-01T01:00:00.0000000Z',
  count: 40,
  evidence: [],
  why: 'regular',
};

test('Bookmarks.toggle stars a target, keeps the list in time order, and unstars it', () => {
  const bookmarks = new Bookmarks();
  assert.equal(bookmarks.toggle(event('7', 6), '2024-01-01T00:00:09.0000000Z'), true);
  assert.equal(bookmarks.toggle(event('3', 2), '2024-01-01T00:00:01.0000000Z'), true);
  assert.equal(bookmarks.toggle({ kind: 'finding', finding: FINDING }, FINDING.firstSeen), true);

  const records = bookmarks.list.value.map((b) =>
    b.target.kind === 'event' ? b.target.event.recordId : b.target.finding.kind,
  );
  assert.deepEqual(records, ['3', 'beacon', '7']);
  assert.equal(bookmarks.toggle(event('3', 99), '2024-01-01T00:00:01.0000000Z'), false);
  assert.deepEqual(
    bookmarks.list.value.map((b) => b.time),
    [FINDING.firstSeen, '2024-01-01T00:00:09.0000000Z'],
  );
});

test('Bookmarks.toggle keeps stars of one time in the order they were starred', () => {
  const bookmarks = new Bookmarks();
  const time = '2024-01-01T00:00:01.0000000Z';
  for (const id of ['5', '2', '9']) bookmarks.toggle(event(id, 0), time);
  const ids = bookmarks.list.value.map((b) =>
    b.target.kind === 'event' ? b.target.event.recordId : '',
  );
  assert.deepEqual(ids, ['5', '2', '9']);
});

test('eventBookmarkKey names the file and record, not the store row, and tells recovered apart', () => {
  assert.equal(bookmarkKey(event('3', 2)), bookmarkKey(event('3', 500)));
  assert.equal(bookmarkKey(event('3', 2)), '["event","a.evtx","3",false]');
  assert.notEqual(bookmarkKey(event('3', 2)), bookmarkKey(event('3', 2, true)));
  assert.notEqual(
    eventBookmarkKey({ file: 'a.evtx', recordId: '3', recovered: false }),
    eventBookmarkKey({ file: 'b.evtx', recordId: '3', recovered: false }),
  );
});

test('Bookmarks.setNote writes the note of one bookmark and cuts it at NOTE_LIMIT', () => {
  const bookmarks = new Bookmarks();
  bookmarks.toggle(event('1', 0), '2024-01-01T00:00:01.0000000Z');
  bookmarks.toggle(event('2', 1), '2024-01-01T00:00:02.0000000Z');
  const [first, second] = bookmarks.list.value.map((b) => b.key);
  assert.ok(first !== undefined && second !== undefined);

  bookmarks.setNote(first, 'beacon to <b>C2</b>');
  assert.equal(bookmarks.get(first)?.note, 'beacon to <b>C2</b>');
  assert.equal(bookmarks.get(second)?.note, '');
  bookmarks.setNote(second, 'x'.repeat(NOTE_LIMIT + 5));
  assert.equal(bookmarks.get(second)?.note.length, NOTE_LIMIT);
  bookmarks.setNote('["event","a.evtx","404",false]', 'lost');
  assert.equal(bookmarks.list.value.length, 2);
});

test('Bookmarks.setNote never splits a character made of a surrogate pair at NOTE_LIMIT', () => {
  const bookmarks = new Bookmarks();
  bookmarks.toggle(event('1', 0), '2024-01-01T00:00:01.0000000Z');
  const [key] = bookmarks.list.value.map((b) => b.key);
  assert.ok(key !== undefined);

  // The fox (U+1F98A, two units) would straddle the limit: it goes whole.
  bookmarks.setNote(key, 'x'.repeat(NOTE_LIMIT - 1) + '\u{1F98A}tail');
  assert.equal(bookmarks.get(key)?.note, 'x'.repeat(NOTE_LIMIT - 1));
  assert.equal(noteWithinLimit('x'.repeat(NOTE_LIMIT - 2) + '\u{1F98A}!').length, NOTE_LIMIT);
  assert.doesNotMatch(JSON.stringify(bookmarks.get(key)?.note), /\\ud83e/i);
});

test('Bookmarks.toggle keeps the note of an unstarred bookmark and brings it back when starred', () => {
  const bookmarks = new Bookmarks();
  const time = '2024-01-01T00:00:01.0000000Z';
  bookmarks.toggle(event('1', 0), time);
  const key = bookmarkKey(event('1', 0));
  bookmarks.setNote(key, 'beacon every 60 s');

  assert.equal(bookmarks.toggle(event('1', 0), time), false);
  assert.equal(bookmarks.get(key), undefined);
  assert.equal(bookmarks.unstarredNote(key), 'beacon every 60 s');
  assert.equal(bookmarks.toggle(event('1', 0), time), true);
  assert.equal(bookmarks.get(key)?.note, 'beacon every 60 s');
  assert.equal(bookmarks.unstarredNote(key), undefined);

  bookmarks.remove(key);
  assert.equal(bookmarks.toggle(event('1', 0), time), true);
  assert.equal(bookmarks.get(key)?.note, 'beacon every 60 s');
});

test('Bookmarks.step walks the list both ways and wraps round the ends', () => {
  const bookmarks = new Bookmarks();
  for (const id of ['1', '2', '3']) bookmarks.toggle(event(id, 0), `2024-01-01T00:00:0${id}Z`);
  const id = (step: 1 | -1) => {
    const found = bookmarks.step(step);
    return found?.target.kind === 'event' ? found.target.event.recordId : undefined;
  };
  assert.deepEqual([id(1), id(1), id(1), id(1)], ['1', '2', '3', '1']);
  assert.deepEqual([id(-1), id(-1)], ['3', '2']);

  bookmarks.remove(bookmarks.current.value ?? '');
  assert.equal(bookmarks.current.value, undefined);
  assert.equal(id(-1), '3');
});

test('Bookmarks.step finds nothing in an empty list', () => {
  const bookmarks = new Bookmarks();
  assert.equal(bookmarks.step(1), undefined);
  assert.equal(bookmarks.current.value, undefined);
});
