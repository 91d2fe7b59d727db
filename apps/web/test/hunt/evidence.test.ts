import { test } from 'node:test';
import assert from 'node:assert/strict';

import { evidenceRows } from '../../src/hunt/evidence.js';
import { PAGE_PACER } from '../../src/hunt/slices.js';
import { EventStore } from '../../src/store/event-store.js';
import { row } from '../support/rows.js';

function twoFiles(): EventStore {
  const store = new EventStore();
  const a = store.addFile('a.evtx');
  const b = store.addFile('b.evtx');
  store.append(a, [row({}, { recordId: '1' }), row({}, { recordId: '2', eventId: 1 })]);
  store.append(b, [row({}, { recordId: '1' }), row({}, { recordId: '2' })]);
  store.append(a, [row({}, { recordId: '3' })]);
  return store;
}

const at = (file: string, recordId: string, eventId = 3) => ({
  file,
  recordId,
  eventId,
  time: '2024-05-01T10:00:00.0000000Z',
});

test('evidenceRows finds rows by file, record id and event id, in the evidence order', async () => {
  const store = twoFiles();

  const found = await evidenceRows(
    store,
    [at('a.evtx', '3'), at('b.evtx', '1'), at('a.evtx', '1'), at('a.evtx', '2', 1)],
    PAGE_PACER,
  );

  assert.deepEqual(Array.from(found?.rows ?? []), [4, 2, 0, 1]);
  assert.equal(found?.missing, 0);
});

test('evidenceRows counts evidence with no row: another event id, file or record', async () => {
  const store = twoFiles();

  const found = await evidenceRows(
    store,
    [at('a.evtx', '2', 3), at('c.evtx', '1'), at('b.evtx', '9'), at('b.evtx', '2')],
    PAGE_PACER,
  );

  assert.deepEqual(Array.from(found?.rows ?? []), [3]);
  assert.equal(found?.missing, 3);
});

test('evidenceRows resolves to undefined once no longer wanted', async () => {
  const found = await evidenceRows(twoFiles(), [at('a.evtx', '1')], PAGE_PACER, () => false);

  assert.equal(found, undefined);
});
