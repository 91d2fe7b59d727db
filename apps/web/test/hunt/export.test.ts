import { test } from 'node:test';
import assert from 'node:assert/strict';

import { describeFormulaNeutralisation, type Finding } from '@evtxhunt/hunt';

import { exportFindings, exportRows } from '../../src/hunt/export.js';
import { PAGE_PACER } from '../../src/hunt/slices.js';
import { EventStore } from '../../src/store/event-store.js';
import { indexView } from '../../src/store/view.js';
import { row } from '../support/rows.js';

function store(): EventStore {
  const events = new EventStore();
  events.append(events.addFile('a.evtx'), [
    row({ CommandLine: '=HYPERLINK("http://x")', User: 'me' }, { recordId: '1' }),
    row({ CommandLine: 'cmd, /c "dir"' }, { recordId: '2', level: 0, eventId: 1 }),
    row({ CommandLine: 'skipped' }, { recordId: '3' }),
  ]);
  return events;
}

const COLUMNS = ['timeCreated', 'recordId', 'eventId', 'level', 'CommandLine'];

test('exportRows writes the view rows as CSV: note line, zone in the header, formulas inert', async () => {
  const events = store();
  const view = indexView(Uint32Array.of(1, 0));

  const file = await exportRows(
    { store: events, view, columns: COLUMNS, format: 'csv', timeZone: 'UTC' },
    PAGE_PACER,
  );

  const note = `"# ${describeFormulaNeutralisation().replaceAll('"', '""')}"`;
  assert.equal(
    await file?.blob.text(),
    `${note}\r\n` +
      'timeCreated (UTC),recordId,eventId,level,CommandLine\r\n' +
      '2024-05-01T10:00:00.1234567Z,2,1,Information,"cmd, /c ""dir"""\r\n' +
      `2024-05-01T10:00:00.1234567Z,1,3,Information,"'=HYPERLINK(""http://x"")"\r\n`,
  );
  assert.equal(file?.lines, 2);
  assert.equal(file?.fileName, 'evtxhunt-events.csv');
  assert.match(file?.note ?? '', /1 cell was changed this way\. Times are in UTC\.$/);
});

test('exportRows writes times in the zone asked for and names it', async () => {
  const events = store();

  const file = await exportRows(
    {
      store: events,
      view: indexView(Uint32Array.of(0)),
      columns: ['timeCreated'],
      format: 'csv',
      timeZone: 'Europe/Berlin',
    },
    PAGE_PACER,
  );

  const lines = (await file?.blob.text())?.split('\r\n');
  assert.deepEqual(lines?.slice(1), [
    'timeCreated (Europe/Berlin)',
    '2024-05-01T12:00:00.1234567+02:00',
    '',
  ]);
});

test('exportRows writes JSON Lines with every field and the level', async () => {
  const file = await exportRows(
    {
      store: store(),
      view: indexView(Uint32Array.of(0)),
      columns: COLUMNS,
      format: 'jsonl',
      timeZone: 'UTC',
    },
    PAGE_PACER,
  );

  assert.deepEqual(JSON.parse((await file?.blob.text()) ?? ''), {
    file: 'a.evtx',
    recordId: '1',
    timeCreated: '2024-05-01T10:00:00.1234567Z',
    eventId: 3,
    provider: 'Microsoft-Windows-Sysmon',
    channel: 'Microsoft-Windows-Sysmon/Operational',
    computer: 'HOST-A',
    data: { CommandLine: '=HYPERLINK("http://x")', User: 'me' },
    level: 'Information',
  });
  assert.equal(file?.blob.type, 'application/x-ndjson;charset=utf-8');
});

test('exportRows stops when no longer wanted; a bad zone throws', async () => {
  const spec = { store: store(), view: indexView(Uint32Array.of(0)), columns: COLUMNS } as const;

  assert.equal(
    await exportRows({ ...spec, format: 'csv', timeZone: 'UTC' }, PAGE_PACER, () => false),
    undefined,
  );
  await assert.rejects(
    exportRows({ ...spec, format: 'csv', timeZone: 'Mars/Base' }, PAGE_PACER),
    /Mars\/Base/,
  );
});

test('exportFindings writes one JSON line per finding, times in the zone', async () => {
  const finding: Finding = {
    kind: 'beacon',
    severity: 'medium',
    computer: 'PC',
    firstSeen: '2024-05-01T10:00:00.0000000Z',
    lastSeen: '2024-05-01T11:00:00.0000000Z',
    count: 2,
    evidence: [],
    why: 'regular',
  };

  const file = exportFindings([finding, finding], 'Asia/Tokyo');

  const lines = (await file.blob.text()).split('\n');
  assert.equal(lines.length, 3);
  assert.equal(JSON.parse(lines[0] ?? '').firstSeen, '2024-05-01T19:00:00.0000000+09:00');
  assert.equal(JSON.parse(lines[1] ?? '').timeZone, 'Asia/Tokyo');
  assert.equal(file.lines, 2);
});
