import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';

import { FIXTURES, readAll } from '../helpers.js';

const CSV = new Uint8Array(readFileSync(FIXTURES + 'evtxecmd-sysmon.csv'));

test('EvtxECmd CSV: System columns by header name, EventData from Payload', async () => {
  for (const size of [1, 50, 1 << 20]) {
    const { records, diagnostics } = await readAll(CSV, size);
    assert.deepEqual(diagnostics, []);
    assert.equal(records.length, 2);

    const [connection] = records;
    assert.equal(connection?.recordId, '14922');
    assert.equal(connection?.timeCreated, '2019-05-14T17:42:53.8543815Z');
    assert.equal(connection?.eventId, 3);
    assert.equal(connection?.computer, 'DC1.insecurebank.local');
    assert.equal(connection?.processId, 1808);
    assert.equal(connection?.userId, 'S-1-5-18');
    assert.equal(connection?.data['RuleName'], '');
    assert.equal(connection?.data['DestinationPort'], '49304');
    assert.equal(connection?.data['Initiated'], 'False');
    assert.equal(Object.keys(connection?.data ?? {}).length, 18);
  }
});

test('EvtxECmd CSV: quotes, commas and line breaks inside a field survive', async () => {
  const { records } = await readAll(CSV, 13);
  assert.equal(records[1]?.data['Image'], 'C:\\Users\\bob\\AppData\\Local\\Temp\\a,b "x".exe');
  assert.equal(records[1]?.data['CommandLine'], 'a.exe\r\n-second line');
});

test('EvtxECmd CSV: a Payload that is not JSON is a warning; the row is kept', async () => {
  const header = 'EventRecordId,TimeCreated,EventId,Channel,Payload\r\n';
  const { records, diagnostics } = await readAll(
    `${header}7,2020-01-01 00:00:00.0000000,4,X,{oops\r\n`,
  );
  assert.equal(records[0]?.recordId, '7');
  assert.equal(diagnostics[0]?.line, 2);
  assert.equal(diagnostics[0]?.offset, header.length);
  assert.match(diagnostics[0]?.message ?? '', /^Payload is not JSON/);
});

test('EvtxECmd CSV re-saved with semicolons or tabs gives the same records', async () => {
  const text = new TextDecoder().decode(CSV);
  const comma = await readAll(CSV);
  for (const separator of [';', '\t']) {
    // Fields that hold a comma are quoted already; only the separators between fields change.
    const rows = text.split('\r\n').map((line) => resplit(line, separator));
    const { records, diagnostics } = await readAll(rows.join('\r\n'));

    assert.deepEqual(diagnostics, comma.diagnostics);
    assert.deepEqual(records, comma.records);
  }
});

/** `line` with every comma outside double quotes replaced by `separator`. */
function resplit(line: string, separator: string): string {
  let quoted = false;
  let out = '';
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    out += char === ',' && !quoted ? separator : char;
  }
  return out;
}
