/**
 * The bookmarks report on the bundled sample (python-evtx's issue_43.evtx): WannaCry's Tor
 * client taskhsvc.exe starting (record 1605) and connecting (record 1607), its parent chain
 * read from the loaded process starts.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';

import type { Finding } from '@evtxhunt/hunt';

import { Bookmarks } from '../../src/session/bookmarks.js';
import { eventStarrable, findingStarrable } from '../../src/session/bookmarks-open.js';
import {
  jsonlReport,
  markdownReport,
  reportSource,
  type ReportSource,
} from '../../src/session/bookmarks-report.js';
import type { EventStore } from '../../src/store/event-store.js';
import { ISSUE43, SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';
import { storeOfFiles } from '../support/store.js';

/** Store rows of records 1607 (Sysmon 3) and 1605 (Sysmon 1) in issue43, in file order. */
const NETWORK_ROW = 1606;
const START_ROW = 1604;
const TASKHSVC_GUID = '{0b8f529f-9ae9-59ed-0000-0010ecec9601}';
const PACER = { now: () => 0, pause: async () => undefined };

let store: EventStore;
let source: ReportSource;

before(async () => {
  store = await storeOfFiles(ISSUE43);
  source = await reportSource(store, PACER);
});

function starred(rows: readonly number[], notes: readonly string[] = []): Bookmarks {
  const bookmarks = new Bookmarks();
  for (const row of rows) {
    const { target, time } = eventStarrable(store, row);
    bookmarks.toggle(target, time);
  }
  bookmarks.list.value.forEach((bookmark, at) => bookmarks.setNote(bookmark.key, notes[at] ?? ''));
  return bookmarks;
}

const CHAIN = [
  '1. `C:\\Windows\\explorer.exe`, `C:\\Windows\\Explorer.EXE` (start not in the logs)',
  '2. `C:\\tool-test\\tools\\tasksche\\tasksche.exe`, ' +
    '`"C:\\tool-test\\tools\\tasksche\\tasksche.exe" ` (started in record `774`)',
  '3. `C:\\tool-test\\tools\\tasksche\\@WanaDecryptor@.exe`, `@WanaDecryptor@.exe co` ' +
    '(started in record `1570`)',
  '4. `C:\\tool-test\\tools\\tasksche\\TaskData\\Tor\\taskhsvc.exe`, ' +
    '`TaskData\\Tor\\taskhsvc.exe` (this process; started in record `1605`)',
  '',
  'The start of the oldest process above is not in the loaded logs.',
];

const EXPECTED = [
  '# evtxhunt bookmarks',
  '',
  '2 bookmarks, in time order. Times are UTC. ' +
    'Values from the logs are shown as code, never as links or markup.',
  '',
  '## 1. 2017-10-23T07:31:53.1257932Z · event 1 · Process created',
  '',
  '- File: `sysmon-issue43.evtx`, record `1605`',
  '- Computer: `DESKTOP-DF4ULDE`',
  '- Provider: `Microsoft-Windows-Sysmon`',
  '- Image: `C:\\tool-test\\tools\\tasksche\\TaskData\\Tor\\taskhsvc.exe`',
  '- CommandLine: `TaskData\\Tor\\taskhsvc.exe`',
  '- User: `DESKTOP-DF4ULDE\\MNWPRO`',
  '- ParentImage: `C:\\tool-test\\tools\\tasksche\\@WanaDecryptor@.exe`',
  '- ParentCommandLine: `@WanaDecryptor@.exe co`',
  '',
  '### Process story',
  '',
  ...CHAIN,
  '',
  '### Note',
  '',
  '> Tor client \\<b\\>started\\</b\\> by the',
  '> \\# ransomware, see http\\://evil.example',
  '',
  '## 2. 2017-10-23T07:32:01.0129272Z · event 3 · Network connection',
  '',
  '- File: `sysmon-issue43.evtx`, record `1607`',
  '- Computer: `DESKTOP-DF4ULDE`',
  '- Provider: `Microsoft-Windows-Sysmon`',
  '- Image: `C:\\tool-test\\tools\\tasksche\\TaskData\\Tor\\taskhsvc.exe`',
  '- Destination: `127.0.0.1:51180`',
  '- DestinationHostname: `DESKTOP-DF4ULDE`',
  '- Protocol: `tcp`',
  '- User: `DESKTOP-DF4ULDE\\MNWPRO`',
  '',
  '### Process story',
  '',
  ...CHAIN,
  '',
].join('\n');

test('markdownReport writes two issue43 events in time order with fields, story and note', () => {
  const note = 'Tor client <b>started</b> by the\n# ransomware, see http://evil.example';
  const bookmarks = starred([NETWORK_ROW, START_ROW], [note]);

  assert.equal(markdownReport(bookmarks.list.value, source), EXPECTED);
});

test('markdownReport says so when there are no bookmarks', () => {
  assert.equal(
    markdownReport([], source),
    '# evtxhunt bookmarks\n\n0 bookmarks, in time order. Times are UTC. ' +
      'Values from the logs are shown as code, never as links or markup.\n',
  );
});

/** A chain finding with hostile text where the logs put it; its process is taskhsvc.exe. */
const HOSTILE: Finding = {
  kind: 'chain',
  severity: 'high',
  computer: 'DESKTOP-DF4ULDE',
  image: 'C:\\x\\`evil`<script>.exe',
  processGuid: TASKHSVC_GUID,
  destinationIp: '127.0.0.1',
  destinationPort: 9050,
  firstSeen: '2017-10-23T07:31:53.1257932Z',
  lastSeen: '2017-10-23T07:32:01.0129272Z',
  count: 2,
  evidence: [],
  why: 'Started [here](http://evil.example) then <img src=x> connected.',
  story: [
    {
      step: 'network',
      time: '2017-10-23T07:32:01.0129272Z',
      summary: '127.0.0.1:9050\n\n# pwned',
      evidence: { recordId: '1607', eventId: 3, time: '2017-10-23T07:32:01.0129272Z' },
    },
  ],
};

test('markdownReport writes a finding as code spans and escaped prose, with its story', () => {
  const bookmarks = new Bookmarks();
  const { target, time } = findingStarrable(HOSTILE);
  bookmarks.toggle(target, time);
  const lines = markdownReport(bookmarks.list.value, source).split('\n');

  assert.deepEqual(lines.slice(4, 15), [
    '## 1. 2017-10-23T07:31:53.1257932Z · finding chain (high)',
    '',
    '- Severity: high',
    '- Computer: `DESKTOP-DF4ULDE`',
    '- Image: ``C:\\x\\`evil`<script>.exe``',
    '- Destination: `127.0.0.1:9050`',
    '- Seen: 2 times, 2017-10-23T07:31:53.1257932Z to 2017-10-23T07:32:01.0129272Z',
    '- Why: Started \\[here\\](http\\://evil.example) then \\<img src=x\\> connected.',
    '',
    '### Process story',
    '',
  ]);
  assert.equal(
    lines[15],
    '1. Connection at 2017-10-23T07:32:01.0129272Z, record `1607`: ' +
      '`127.0.0.1:9050\\u{a}\\u{a}# pwned`',
  );
  assert.equal(lines[17], CHAIN[0]);
  assert.equal(lines[22], CHAIN[5]);
  assert.equal(lines.length, 24);
});

test('jsonlReport writes one line per bookmark with the whole record, note and chain', () => {
  const bookmarks = starred([NETWORK_ROW, START_ROW], ['', 'line one\nline two']);
  const lines = jsonlReport(bookmarks.list.value, source).split('\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[2], '');

  const [start, network] = lines.slice(0, 2).map((line) => JSON.parse(line));
  assert.equal(start.bookmark, 'event');
  assert.equal(start.note, '');
  assert.equal(start.record.recordId, '1605');
  assert.equal(network.note, 'line one\nline two');
  assert.equal(network.record.timeCreated, '2017-10-23T07:32:01.0129272Z');
  assert.equal(network.record.data.DestinationPort, '51180');
  assert.equal(network.record.data.SourcePort, '51181');
  assert.deepEqual(
    network.processChain.map((process: { startRecordId?: string }) => process.startRecordId),
    [undefined, '774', '1570', '1605'],
  );
  assert.equal(network.processChain[3].processGuid, TASKHSVC_GUID);
});

test(
  'markdownReport names the Image of a connection whose process start is not loaded',
  { skip: SKIP_SHARED },
  async () => {
    // vstoAbuse record 69477: Sysmon 3 by powershell.exe, whose start is not in the log.
    const vsto = await storeOfFiles(`${SHARED_EVTX}/sysmonresources/vstoAbuse.evtx`);
    const row = Array.from({ length: vsto.rowCount }, (_, at) => at).find(
      (at) => vsto.cell(at, 'recordId') === '69477',
    );
    if (row === undefined) assert.fail('record 69477 is missing');
    const bookmarks = new Bookmarks();
    const { target, time } = eventStarrable(vsto, row);
    bookmarks.toggle(target, time);
    const report = markdownReport(bookmarks.list.value, await reportSource(vsto, PACER));

    assert.match(
      report,
      /^1\. `C:\\Windows\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe` \(this process; start not in the logs\)$/m,
    );
    assert.doesNotMatch(report, /image unknown/);
  },
);
