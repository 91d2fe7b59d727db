/**
 * Exports read the web app's way: sniffed, read by @evtxhunt/formats in a worker in slices,
 * turned into rows and taken in by the pool batch by batch. Real exports from
 * packages/formats/test/fixtures (their origin is in the README there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

import { ParsePool, type ParseListener, type WorkerPort } from '../../src/pool/worker-pool.js';
import type { CompactRow, ParseOutcome, WorkerReply, WorkerRequest } from '../../src/protocol.js';
import { rowsOf } from '../../src/row-columns-read.js';
import { createWorkerHandler } from '../../src/worker/handler.js';
import { parseFile } from '../support/parse.js';
import { FORMATS_FIXTURES, ISSUE43, REPO } from '../support/paths.js';

/** The zip writer of @evtxhunt/formats' tests (stored or deflated members, zip64 or not). */
const { zipOf } = (await import(`${REPO}packages/formats/dist/test/zip-writer.js`)) as {
  zipOf: (members: { name: string; bytes: Uint8Array; deflate?: boolean }[]) => Uint8Array;
};

/** Ports that run the real worker handler in this process, recording what each was asked. */
function inProcessWorkers() {
  const asked: WorkerRequest[] = [];
  const spawn = (): WorkerPort => {
    const port: WorkerPort = {
      onmessage: null,
      terminate: () => undefined,
      postMessage: (request: WorkerRequest) => {
        asked.push(request);
        queueMicrotask(() => void handle(request));
      },
    };
    const handle = createWorkerHandler((reply: WorkerReply) => port.onmessage?.({ data: reply }));
    return port;
  };
  return { spawn, asked };
}

interface Read {
  rows: CompactRow[];
  done?: ParseOutcome;
  failed?: string;
  pool: ParsePool;
  asked: WorkerRequest[];
}

/** Reads `bytes` as file `name` through a pool of two in-process workers. */
async function pooled(bytes: Uint8Array, name: string): Promise<Read> {
  const workers = inProcessWorkers();
  const pool = new ParsePool(workers.spawn, 2);
  const read: Read = { rows: [], pool, asked: workers.asked };
  await new Promise<void>((finish) => {
    const listener: ParseListener = {
      rows: (rows) => void read.rows.push(...rowsOf(rows)),
      done: (outcome) => void ((read.done = outcome), finish()),
      failed: (message) => void ((read.failed = message), finish()),
      dropped: () => finish(),
    };
    pool.parse(new Blob([bytes as Uint8Array<ArrayBuffer>]), name, listener);
  });
  return read;
}

const fixture = async (name: string) =>
  new Uint8Array(await readFile(`${FORMATS_FIXTURES}/${name}`));

/** What a row says of its event, without where it lies (an export has no chunks). */
function event(row: CompactRow) {
  const { time, eventId, level, provider, channel, computer, recordId, names, values } = row;
  return { time, eventId, level, provider, channel, computer, recordId, names, values };
}

test('an evtx_dump JSON export gives the row of the EVTX it was dumped from', async () => {
  const read = await pooled(await fixture('sigma-0f60b28c.evtx-rs.json'), 'sigma.json');
  const evtx = await parseFile(`${FORMATS_FIXTURES}/sigma-0f60b28c.evtx`);

  assert.equal(read.failed, undefined);
  assert.equal(read.rows.length, 1);
  assert.equal(read.rows.length, evtx.rows.length);
  // evtx_dump keeps microseconds: the seventh fraction digit is lost.
  const micro = (row: CompactRow) => ({ ...event(row), time: row.time?.slice(0, 26) });
  assert.deepEqual(read.rows.map(micro), evtx.rows.map(micro));
  assert.deepEqual(
    read.rows.map((row) => row.system),
    evtx.rows.map((row) => row.system),
  );
  assert.equal(read.done?.format, 'json');
  assert.equal(read.done?.summary.records.read, 1);
  assert.deepEqual(read.done?.summary.diagnostics, []);
  assert.deepEqual(read.done?.progress, { bytes: 2245, size: 2245, records: 1 });
});

test('a Chainsaw JSONL export, gzipped, is read in a worker and its rows carry their place', async () => {
  const plain = await pooled(await fixture('chainsaw_search.jsonl'), 'search.jsonl');
  const gzipped = await pooled(gzipSync(await fixture('chainsaw_search.jsonl')), 'search.gz');

  assert.deepEqual(
    plain.rows.map((row) => [row.recordId, row.eventId, row.computer, row.chunk, row.offset]),
    [
      ['31794', 4624, 'DESKTOP-JK4Q86I', 0, 0x1000],
      ['31799', 4624, 'DESKTOP-JK4Q86I', 1, 0x11000],
    ],
  );
  const target = plain.rows[0]?.values[plain.rows[0].names.indexOf('TargetUserName')];
  assert.equal(target, 'SYSTEM');
  assert.deepEqual(gzipped.rows, plain.rows);
  assert.equal(gzipped.done?.format, 'gzip json');
  // One worker reads the whole export; no chunk-slot task is sent.
  assert.deepEqual(
    plain.asked.map((request) => request.kind),
    ['export', 'more', 'forget'],
  );
});

test('an export row reads its XML again by its position', async () => {
  const read = await pooled(await fixture('application-head.xml'), 'application.xml');
  assert.equal(read.rows.length, 3);
  const third = read.rows[2] as CompactRow;
  const file = new Blob([await fixture('application-head.xml')]);
  const xml = await read.pool.xml(file, 'application.xml', third.chunk, third.offset);
  assert.match(xml, new RegExp(`<EventRecordID>${third.recordId}</EventRecordID>`));
  await assert.rejects(read.pool.xml(file, 'application.xml', 3, 0x31000), {
    message: 'application.xml: record 3 is past the end of the export',
  });
});

test('a bad JSONL line is a diagnostic with its offset and line, and the rest is read', async () => {
  const lines = (await readFile(`${FORMATS_FIXTURES}/chainsaw_search.jsonl`, 'utf8')).split('\n');
  const broken = `${lines[0]}\n{"Event": {"System": \n${lines[1]}\n`;
  const read = await pooled(new TextEncoder().encode(broken), 'broken.jsonl');

  assert.deepEqual(
    read.rows.map((row) => row.recordId),
    ['31794', '31799'],
  );
  const diagnostics = read.done?.summary.diagnostics ?? [];
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]?.severity, 'error');
  assert.equal(diagnostics[0]?.offset, (lines[0] as string).length + 1);
  assert.match(diagnostics[0]?.message ?? '', /^line 2: /);
  assert.equal(read.done?.summary.records.failed, 1);
  assert.equal(read.done?.summary.lost, true);
});

test('cancelling an export keeps the batches taken in and stops its worker', async () => {
  const line = (await readFile(`${FORMATS_FIXTURES}/chainsaw_search.jsonl`, 'utf8')).split('\n')[0];
  const bytes = new TextEncoder().encode(`${line}\n`.repeat(2500));
  const workers = inProcessWorkers();
  const pool = new ParsePool(workers.spawn, 2);
  const rows: CompactRow[] = [];
  const outcome = await new Promise<ParseOutcome>((finish) => {
    const id = pool.parse(new Blob([bytes]), 'many.jsonl', {
      rows: (batch) => void (rows.push(...rowsOf(batch)), pool.cancel(id)),
      done: finish,
      failed: assert.fail,
      dropped: assert.fail,
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 50));

  assert.equal(outcome.cancelled, true);
  assert.equal(rows.length, 1000);
  assert.equal(outcome.progress.records, 1000);
  assert.deepEqual(
    workers.asked.map((request) => request.kind),
    ['export', 'forget', 'more'],
  );
  assert.deepEqual(workers.asked.at(-1), { kind: 'more', id: 1 + 1, stop: true });
});

test('a gzipped EVTX file is read whole by one worker: the rows of the EVTX itself', async () => {
  const plain = await parseFile(ISSUE43);
  const gzipped = await pooled(gzipSync(await readFile(ISSUE43)), 'issue43.evtx.gz');

  assert.equal(gzipped.failed, undefined);
  assert.equal(gzipped.done?.format, 'gzip evtx');
  assert.deepEqual(gzipped.rows.map(event), plain.rows.map(event));
  const row = gzipped.rows[77] as CompactRow;
  const file = new Blob([gzipSync(await readFile(ISSUE43))]);
  const xml = await gzipped.pool.xml(file, 'issue43.evtx.gz', row.chunk, row.offset);
  assert.match(xml, /<EventRecordID>78<\/EventRecordID>/);
});

test('a zip archive of EVTX and exports gives the rows of every member in order, warning of others', async () => {
  const zip = zipOf([
    { name: 'search.jsonl', bytes: await fixture('chainsaw_search.jsonl'), deflate: true },
    { name: 'sysmon/issue43.evtx', bytes: new Uint8Array(await readFile(ISSUE43)), deflate: true },
    { name: 'readme.txt', bytes: new TextEncoder().encode('case 7\n') },
  ]);
  const zipped = await pooled(zip, 'case.zip');
  const plain = await parseFile(ISSUE43);

  assert.equal(zipped.failed, undefined);
  assert.equal(zipped.done?.format, 'zip');
  assert.equal(zipped.rows.length, 2 + 1730);
  assert.deepEqual(
    zipped.rows.slice(0, 2).map((row) => row.recordId),
    ['31794', '31799'],
  );
  assert.deepEqual(zipped.rows.slice(2).map(event), plain.rows.map(event));
  const diagnostics = zipped.done?.summary.diagnostics ?? [];
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0]?.message ?? '', /^member "readme\.txt" skipped: not an event log: /);
});

test('EVTX keeps the chunk-slot path, and content of no known format goes the EVTX way', async () => {
  const evtx = await pooled(new Uint8Array(await readFile(ISSUE43)), 'issue43.evtx');
  assert.equal(evtx.rows.length, 1730);
  assert.equal(evtx.done?.format, undefined);
  assert.ok(evtx.asked.every((request) => request.kind !== 'export'));

  const text = await pooled(new TextEncoder().encode('# evtxhunt\n'.repeat(400)), 'README');
  assert.equal(text.rows.length, 0);
  assert.equal(text.done?.format, undefined);
  assert.equal(
    text.done?.summary.diagnostics[0]?.message,
    'not an EVTX file: bad signature "# evtxhu", expected "ElfFile"',
  );
});
