/**
 * Jumps in record ids from one chunk to the next in id order, with no lost slot between them.
 * Chunks are ordered by their first record id first, because a log that wrapped keeps its
 * oldest chunk in the middle of the file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunkOf, evtxFile, sysmonEvent } from '../support/index.js';
import { parse, type Parsed } from '../support/parse.js';

const chunk = (first: number, last: number) =>
  chunkOf(
    Array.from({ length: last - first + 1 }, (_, i) =>
      sysmonEvent({ eventId: 3, recordId: first + i, fields: {} }),
    ),
  );

const warnings = (parsed: Parsed): string[] =>
  parsed.summary.diagnostics
    .filter((d) => d.structure === 'chunk')
    .map((d) => `${d.severity} ${d.chunkIndex} @0x${d.offset.toString(16)}: ${d.message}`);

test('EvtxFile warns of a jump in record ids between neighbouring chunks', async () => {
  const parsed = await parse(evtxFile([chunk(1, 3), chunk(8, 10), chunk(11, 12)]));

  assert.equal(parsed.records.length, 8);
  assert.deepEqual(warnings(parsed), [
    'warning 1 @0x11000: record ids jump from chunk 0 to chunk 1: records 4-7 are missing, ' +
      '4 in all (chunk 0 ends at 3 and chunk 1 starts at 8, both by their chunk headers)',
  ]);
  assert.deepEqual(parsed.summary.records, { read: 8, failed: 0, missing: 4 });
  assert.equal(parsed.summary.lost, true, 'the ids say records 4-7 were written: they are lost');
});

test('EvtxFile finds no jump in a wrapped log whose ids continue round slot 0', async () => {
  const parsed = await parse(evtxFile([chunk(7, 9), chunk(1, 3), chunk(4, 6)]));

  assert.deepEqual(warnings(parsed), []);
  assert.deepEqual(parsed.summary.diagnostics, []);
});

test('EvtxFile finds a jump in a wrapped log by record id order, not slot order', async () => {
  const parsed = await parse(evtxFile([chunk(10, 12), chunk(1, 3), chunk(4, 6)]));

  assert.deepEqual(warnings(parsed), [
    'warning 0 @0x1000: record ids jump from chunk 2 to chunk 0: records 7-9 are missing, ' +
      '3 in all (chunk 2 ends at 6 and chunk 0 starts at 10, both by their chunk headers)',
  ]);
});

test('EvtxFile names one record when a single id is missing', async () => {
  const parsed = await parse(evtxFile([chunk(1, 3), chunk(5, 6)]));

  assert.deepEqual(warnings(parsed), [
    'warning 1 @0x11000: record ids jump from chunk 0 to chunk 1: record 4 is missing ' +
      '(chunk 0 ends at 3 and chunk 1 starts at 5, both by their chunk headers)',
  ]);
  assert.equal(parsed.summary.records.missing, 1);
});
