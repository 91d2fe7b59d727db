/**
 * The same events read from an EVTX file and from another tool's export of it give the same
 * records. What an export loses is undone before comparing, and named: evtx_dump keeps
 * microseconds and trims trailing spaces of values; Windows' XML writes a value's CR LF as LF.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import test from 'node:test';

import { EvtxFile, openFileSource } from '@evtxhunt/evtx/node';

import type { ImportedRecord } from '../src/types.js';
import { FIXTURES, readAll } from './helpers.js';

const SHARED =
  process.env['EVTXHUNT_SHARED'] ?? new URL('../../../../../shared', import.meta.url).pathname;
const EVTX = `${SHARED}/samples/evtx`;
const SKIP_SHARED = existsSync(EVTX) ? false : `no shared samples at ${EVTX}`;

type Loss = (record: ComparableRecord) => ComparableRecord;
type ComparableRecord = Omit<ImportedRecord, 'file' | 'headerRecordId' | 'writtenTime'>;

async function evtxRecords(path: string): Promise<ComparableRecord[]> {
  const source = await openFileSource(path);
  const records: ComparableRecord[] = [];
  try {
    const evtx = await EvtxFile.open(source);
    for await (const batch of evtx.recordBatches()) {
      for (const record of batch) records.push(comparable(record.toStructured()));
    }
  } finally {
    await source.close();
  }
  return records;
}

async function exportRecords(path: string): Promise<ComparableRecord[]> {
  const { records, diagnostics } = await readAll(new Uint8Array(readFileSync(path)));
  assert.deepEqual(diagnostics, [], path);
  return records.map(comparable);
}

function comparable(record: ComparableRecord): ComparableRecord {
  const copy: Partial<ImportedRecord> = { ...record, data: { ...record.data } };
  // What an export cannot hold: the path read, and the EVTX record header's own facts.
  delete copy.file;
  delete copy.headerRecordId;
  delete copy.writtenTime;
  return copy as ComparableRecord;
}

/** Both sides by record id, each with the export's losses applied. */
async function assertSameRecords(
  evtxPath: string,
  exportPath: string,
  losses: Loss[],
): Promise<number> {
  const lose = (record: ComparableRecord) => losses.reduce((value, loss) => loss(value), record);
  const fromEvtx = new Map(
    (await evtxRecords(evtxPath)).map((record) => [record.recordId, lose(record)]),
  );
  const fromExport = (await exportRecords(exportPath)).map(lose);
  assert.equal(fromExport.length, fromEvtx.size, exportPath);
  for (const record of fromExport)
    assert.deepEqual(record, fromEvtx.get(record.recordId), exportPath);
  return fromExport.length;
}

const mapValues = (
  record: ComparableRecord,
  change: (value: string) => string,
): ComparableRecord => {
  const data = Object.fromEntries(
    Object.entries(record.data).map(([name, value]) => [
      name,
      typeof value === 'string' ? change(value) : value.map(change),
    ]),
  );
  return { ...record, data };
};
const microseconds: Loss = (record) =>
  record.timeCreated === undefined
    ? record
    : { ...record, timeCreated: record.timeCreated.slice(0, 26) + '0Z' };
const trimmedEnds: Loss = (record) => mapValues(record, (value) => value.trimEnd());
const lineFeeds: Loss = (record) => mapValues(record, (value) => value.replaceAll('\r\n', '\n'));

test('evtx_dump JSON of a Sysmon event gives the EVTX record (fixture pair)', async () => {
  const count = await assertSameRecords(
    FIXTURES + 'sigma-0f60b28c.evtx',
    FIXTURES + 'sigma-0f60b28c.evtx-rs.json',
    [microseconds],
  );
  assert.equal(count, 1);
});

test(
  'evtx_dump JSON of every SigmaHQ regression sample gives its EVTX records',
  { skip: SKIP_SHARED },
  async () => {
    const dir = `${EVTX}/sigma-regression`;
    const pairs = readdirSync(dir).filter((name) => name.endsWith('.evtx'));
    let records = 0;
    for (const name of pairs) {
      records += await assertSameRecords(`${dir}/${name}`, `${dir}/${name}-rs.json`, [
        microseconds,
        trimmedEnds,
      ]);
    }
    assert.equal(pairs.length, 30);
    assert.equal(records, 31);
  },
);

test(
  "Windows' own XML of Application.evtx and Security.evtx gives their records",
  { skip: SKIP_SHARED },
  async () => {
    const dir = `${EVTX}/ts-evtx`;
    assert.equal(
      await assertSameRecords(`${dir}/Application.evtx`, `${dir}/Application.windows.xml`, [
        lineFeeds,
      ]),
      366,
    );
    assert.equal(
      await assertSameRecords(`${dir}/Security.evtx`, `${dir}/Security.windows.xml`, [lineFeeds]),
      1715,
    );
  },
);

test(
  'Event Viewer "Save All Events As XML" of Application.evtx gives its records',
  { skip: SKIP_SHARED },
  async () => {
    const xml = `${SHARED}/samples/other-formats/event-viewer-xml/Application.xml`;
    assert.equal(
      await assertSameRecords(`${EVTX}/ts-evtx/Application.evtx`, xml, [lineFeeds]),
      366,
    );
  },
);
