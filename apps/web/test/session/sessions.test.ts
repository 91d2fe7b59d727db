import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { ParsePool, type WorkerPort } from '../../src/pool/worker-pool.js';
import type { WorkerReply, WorkerRequest } from '../../src/protocol.js';
import { eventStarrable } from '../../src/session/bookmarks-open.js';
import { createHashHandler } from '../../src/session/hash-handler.js';
import { FileHasher, type HashPort } from '../../src/session/hasher.js';
import type { SessionStore } from '../../src/session/session-db.js';
import {
  KeptDataError,
  readFileRecord,
  readSessionRecord,
  type FileRecord,
  type SessionRecord,
} from '../../src/session/session-records.js';
import { SessionKeeper } from '../../src/session/sessions.js';
import { Workbench } from '../../src/session/workbench.js';
import { filteredIndex } from '../../src/store/filter.js';
import { createWorkerHandler } from '../../src/worker/handler.js';
import { ISSUE43 } from '../support/paths.js';

/**
 * Two maps stand in for IndexedDB: values are cloned in and read back through the readers
 * SessionDb uses, a value that fails them left out (undefined) as SessionDb leaves it out.
 */
class MapStore implements SessionStore {
  readonly files = new Map<string, unknown>();
  readonly sessions = new Map<string, unknown>();

  async file(sha256: string): Promise<FileRecord | undefined> {
    const value = this.files.get(sha256);
    return readBack(value, readFileRecord);
  }

  async session(key: string): Promise<SessionRecord | undefined> {
    const value = this.sessions.get(key);
    return readBack(value, readSessionRecord);
  }

  async putFile(record: FileRecord): Promise<void> {
    this.files.set(record.sha256, structuredClone(record));
  }

  async putSession(record: SessionRecord): Promise<void> {
    this.sessions.set(record.key, structuredClone(record));
  }

  async forget(): Promise<void> {
    this.files.clear();
    this.sessions.clear();
  }
}

function readBack<T>(value: unknown, read: (value: unknown) => T): T | undefined {
  if (value === undefined) return undefined;
  try {
    return read(structuredClone(value));
  } catch (error) {
    if (error instanceof KeptDataError) return undefined;
    throw error;
  }
}

function parsePort(): WorkerPort {
  const port: WorkerPort = {
    onmessage: null,
    terminate: () => undefined,
    postMessage: (request: WorkerRequest) => queueMicrotask(() => void handle(request)),
  };
  const handle = createWorkerHandler((reply: WorkerReply) => port.onmessage?.({ data: reply }));
  return port;
}

function hashPort(): HashPort {
  const port: HashPort = { onmessage: null, postMessage: (request) => handle(request) };
  const handle = createHashHandler((reply) =>
    queueMicrotask(() => port.onmessage?.({ data: reply })),
  );
  return port;
}

/** A workbench and its keeper on in-process workers; `settle` runs tasks until `done()`. */
function keptBench(store: SessionStore) {
  const tasks: (() => void)[] = [];
  const schedule = (task: () => void) => void tasks.push(task);
  const bench = new Workbench({
    pool: new ParsePool(parsePort, 2),
    hasher: new FileHasher(hashPort()),
    schedule,
    now: () => 0,
  });
  const keeper = new SessionKeeper(bench, Promise.resolve(store), schedule);
  const settle = async (done: () => boolean) => {
    for (let round = 0; round < 2000; round++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      for (const task of tasks.splice(0)) task();
      if (done() && tasks.length === 0 && !keeper.pending.peek()) return;
    }
    throw new Error('the workbench did not settle');
  };
  return { bench, keeper, settle };
}

/** The store row of record `recordId` of file `file`. */
function rowOf(bench: Workbench, file: number, recordId: string): number {
  const rows = filteredIndex(
    bench.store,
    (row) => bench.store.fileOf(row) === file && bench.store.cell(row, 'recordId') === recordId,
  );
  assert.equal(rows.length, 1);
  return rows[0] as number;
}

const hashed = (bench: Workbench) => () =>
  bench.files.value.length > 0 && bench.files.value.every((file) => file.sha256 !== undefined);

test('SessionKeeper brings back bookmarks, notes and the view for the same file', async () => {
  const store = new MapStore();
  const bytes = await readFile(ISSUE43);
  const first = keptBench(store);
  first.bench.open([{ blob: new Blob([bytes]), name: 'a.evtx' }]);
  await first.settle(hashed(first.bench));
  const { target, time } = eventStarrable(first.bench.store, rowOf(first.bench, 0, '1607'));
  first.bench.bookmarks.toggle(target, time);
  const [bookmark] = first.bench.bookmarks.list.value;
  first.bench.bookmarks.setNote(bookmark?.key ?? '', 'Tor <b>client</b>');
  first.bench.filter.setQuery('eventId:3');
  await first.settle(() => first.keeper.saves.value >= 2);
  assert.equal(store.files.size, 1);

  // Another page, the same file under another name: it is the hash that counts.
  const second = keptBench(store);
  second.bench.open([{ blob: new Blob([bytes]), name: 'renamed.evtx' }]);
  await second.settle(() => second.keeper.restored.value !== undefined);
  assert.deepEqual(second.keeper.restored.value, {
    bookmarks: 1,
    missing: 0,
    view: true,
    findings: 0,
  });
  assert.equal(second.bench.filter.query.value, 'eventId:3');
  const restored = second.bench.bookmarks.list.value;
  assert.deepEqual(
    restored.map((kept) => [kept.target.kind, kept.time, kept.note]),
    [['event', '2017-10-23T07:32:01.0129272Z', 'Tor <b>client</b>']],
  );
  const restoredTarget = restored[0]?.target;
  assert.equal(restoredTarget?.kind === 'event' && restoredTarget.event.file, 'renamed.evtx');
});

test('SessionKeeper keeps a bookmark whose record is not read, and skips a refused record', async () => {
  const store = new MapStore();
  const bytes = await readFile(ISSUE43);
  const probe = keptBench(store);
  probe.bench.open([{ blob: new Blob([bytes]), name: 'a.evtx' }]);
  await probe.settle(hashed(probe.bench));
  const sha256 = probe.bench.files.value[0]?.sha256 ?? '';

  const gone = { recordId: '99999', recovered: false, time: '', note: 'not in this file' };
  const here = { recordId: '5', recovered: false, time: '', note: 'five' };
  store.files.set(sha256, { sha256, name: 'a.evtx', size: bytes.length, bookmarks: [gone, here] });
  const page = keptBench(store);
  page.bench.open([{ blob: new Blob([bytes]), name: 'a.evtx' }]);
  await page.settle(() => page.keeper.restored.value !== undefined);
  assert.deepEqual(page.keeper.restored.value, {
    bookmarks: 1,
    missing: 1,
    view: false,
    findings: 0,
  });
  await page.settle(() => page.keeper.saves.value >= 1);
  const written = (store.files.get(sha256) as FileRecord).bookmarks;
  assert.deepEqual(
    written.map((kept) => [kept.recordId, kept.note]),
    [
      ['5', 'five'],
      ['99999', 'not in this file'],
    ],
  );

  // A record that fails its checks reads as a failure, and the page goes on without it.
  store.files.set(sha256, { sha256, bookmarks: 'every one' });
  const third = keptBench(store);
  third.bench.open([{ blob: new Blob([bytes]), name: 'a.evtx' }]);
  await third.settle(
    () => third.keeper.saves.value >= 1 || third.keeper.status.value.kind !== 'on',
  );
  assert.equal(third.bench.bookmarks.list.value.length, 0);
  assert.equal(third.bench.rowCount.value, 1730);
});
