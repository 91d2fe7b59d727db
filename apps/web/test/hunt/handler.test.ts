import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  HuntEngine,
  defaultKnowledge,
  type EventRecord,
  type FieldSourceRecord,
} from '@evtxhunt/hunt';

import { createHuntHandler } from '../../src/hunt/handler.js';
import { HuntLink, type HuntPort } from '../../src/hunt/hunter.js';
import type { HuntReply, HuntRequest } from '../../src/hunt/protocol.js';
import { columnsOfRows } from '../../src/row-columns.js';
import { SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';
import { row } from '../support/rows.js';
import { storeOfFiles } from '../support/store.js';

function directPort(): HuntPort {
  const port: HuntPort = {
    onmessage: null,
    postMessage: (request: HuntRequest) => queueMicrotask(() => handle(request)),
  };
  const handle = createHuntHandler((reply: HuntReply) => port.onmessage?.({ data: reply }));
  return port;
}

test(
  'createHuntHandler reports the vstoAbuse beacon from batches of records',
  { skip: SKIP_SHARED },
  async () => {
    const store = await storeOfFiles(`${SHARED_EVTX}/sysmonresources/vstoAbuse.evtx`);
    const hunter = new HuntLink(directPort());
    const batch = (start: number, end: number) => {
      const { columns, files } = store.rowColumns(start, end);
      return { rows: columns, files, fileNames: store.fileNames() };
    };

    assert.equal(store.rowCount, 101);
    assert.equal(await hunter.add(batch(0, 60)), 60);
    assert.equal(await hunter.add(batch(60, 101)), 101);
    const outcome = await hunter.report();

    const beacon = outcome.report.findings.find((finding) => finding.kind === 'beacon');
    assert.equal(beacon?.destinationIp, '172.30.1.253');
    assert.equal(beacon?.destinationPort, 80);
    assert.equal(beacon?.evidence.length, 24);
    assert.equal(outcome.records, 101);
    assert.equal(outcome.skippedCount, 0);
    assert.ok(outcome.addMs >= 0 && outcome.reportMs >= 0);
  },
);

/** An engine that throws on the record with id 7. */
class Throwing extends HuntEngine {
  override add(record: EventRecord | FieldSourceRecord): void {
    if (record.recordId === '7') throw new Error('unreadable data');
    super.add(record);
  }
}

test('createHuntHandler skips a record the engine throws on and names it', async () => {
  const replies: HuntReply[] = [];
  const engine = () => new Throwing({ knowledge: defaultKnowledge() });
  const handle = createHuntHandler((reply) => void replies.push(reply), undefined, engine);
  const rows = columnsOfRows([row({}, { recordId: '6' }), row({}, { recordId: '7' })]);

  handle({ kind: 'add', id: 1, batch: { rows, files: new Uint32Array(2), fileNames: ['x.evtx'] } });
  handle({ kind: 'report', id: 2 });

  assert.deepEqual(replies[0], { kind: 'added', id: 1, records: 2 });
  const report = replies[1];
  assert.equal(report?.kind, 'report');
  if (report?.kind !== 'report') return;
  assert.equal(report.outcome.skippedCount, 1);
  assert.deepEqual(report.outcome.skipped, [
    { file: 'x.evtx', recordId: '7', message: 'unreadable data' },
  ]);
});

test('HuntLink turns a failed reply into a rejection', async () => {
  const port: HuntPort = {
    onmessage: null,
    postMessage: (request) =>
      queueMicrotask(() =>
        port.onmessage?.({
          data: { kind: 'failed', id: request.id, message: 'hunt report: boom' },
        }),
      ),
  };

  await assert.rejects(new HuntLink(port).report(), /^Error: hunt report: boom$/);
});
