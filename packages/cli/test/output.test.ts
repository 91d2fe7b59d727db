import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { StructuredRecord } from '@evtxhunt/evtx';

import { recordJsonLine, recordXmlLine } from '../src/commands/dump.js';
import { LineBuffer, colorWanted, memorySink, streamSink } from '../src/io.js';

const RECORD: StructuredRecord = {
  file: 'ignored-by-dump',
  recordId: '42',
  headerRecordId: '42',
  timeCreated: '2024-05-01T10:00:00.0000000Z',
  writtenTime: '2024-05-01T10:00:00.0000000Z',
  eventId: 3,
  provider: 'Microsoft-Windows-Sysmon',
  channel: 'Microsoft-Windows-Sysmon/Operational',
  computer: 'WS01',
  data: { Image: 'C:\\evil\x1b]0;pwned\x07.exe' },
};

test('recordJsonLine puts the given file first and escapes controls', () => {
  const line = recordJsonLine('logs/a.evtx', RECORD);

  assert.ok(line.startsWith('{"file":"logs/a.evtx","recordId":"42",'));
  assert.match(line, /"Image":"C:\\\\evil\\u001b\]0;pwned\\u0007\.exe"/);
  assert.deepEqual(JSON.parse(line).data, RECORD.data);
});

test('recordXmlLine writes terminal controls as references and keeps one event per line', () => {
  const line = recordXmlLine({
    toXml: () => "<Data Name='Image'>C:\\t\ra\u202eb\u009b\x7f\u2028\r\n\t</Data>",
  });

  assert.equal(
    line,
    "<Data Name='Image'>C:\\t&#xd;a&#x202e;b&#x9b;&#x7f;&#x2028;&#xd;&#xa;&#x9;</Data>",
  );
});

test('recordXmlLine gives a C0 control no reference can carry the _xHHHH_ escape', () => {
  const line = recordXmlLine({ toXml: () => '<a>\x1b[2J\x01</a>' });

  assert.equal(line, '<a>_x001B_[2J_x0001_</a>');
});

test('LineBuffer joins lines into blocks and flushes the rest', async () => {
  const sink = memorySink();
  const buffer = new LineBuffer(sink);

  await buffer.line('one');
  await buffer.line('two');
  assert.equal(sink.text(), '');

  await buffer.flush();
  assert.equal(sink.text(), 'one\ntwo\n');
});

test('LineBuffer writes bytes after the lines before them, decoded for a text-only sink', async () => {
  const sink = memorySink();
  const buffer = new LineBuffer(sink);
  await buffer.line('first');
  await buffer.bytes(new TextEncoder().encode('é second\nthird\n'));
  await buffer.line('fourth');
  await buffer.flush();

  assert.equal(sink.text(), 'first\né second\nthird\nfourth\n');
});

test('streamSink resolves writeBytes only once the stream has written the bytes', async () => {
  const written: string[] = [];
  let finish: () => void = () => undefined;
  const stream = {
    write(data: string | Uint8Array, done?: () => void): boolean {
      written.push(typeof data === 'string' ? data : new TextDecoder().decode(data));
      if (done !== undefined) finish = done;
      return true;
    },
    once: () => undefined,
  };
  let resolved = false;
  const writing = streamSink(stream).writeBytes?.(new TextEncoder().encode('bytes\n'));
  void writing?.then(() => (resolved = true));
  await new Promise((resolve) => setImmediate(resolve));

  assert.deepEqual([written, resolved], [['bytes\n'], false]);
  finish();
  await writing;
  assert.equal(resolved, true);
});

test('colorWanted: a terminal, unless NO_COLOR is set to something (an empty value does not count)', () => {
  assert.equal(colorWanted(true, undefined), true);
  assert.equal(colorWanted(true, ''), true);
  assert.equal(colorWanted(true, '1'), false);
  assert.equal(colorWanted(true, '0'), false);
  assert.equal(colorWanted(false, undefined), false);
});

test('recordXmlLine marks a recovered record with a comment before its event', () => {
  const xml = '<Event><System><EventID>1</EventID></System></Event>';

  assert.equal(recordXmlLine({ toXml: () => xml, recovered: false }), xml);
  assert.equal(
    recordXmlLine({ toXml: () => xml, recovered: true }),
    `<!-- evtxhunt: recovered record, not a live one -->${xml}`,
  );
});
