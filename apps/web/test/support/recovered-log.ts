/**
 * A small log with recovered records, written with our own writer (as packages/evtx's recovery
 * tests make theirs): 400 records of one small event over a few chunks, then the first 8 KiB of
 * chunk slot 1 zeroed. That destroys slot 1's header, its templates and its first records; the
 * parser finds the rest of the slot's records by their signatures and flags them recovered.
 */
import {
  element,
  filetimeFromMs,
  normal,
  optional,
  text,
  writeEvtx,
  type EventRecordInput,
  type Template,
} from '@evtxhunt/evtx/writer';

const FILE_HEADER_BLOCK = 0x1000;
const CHUNK_SIZE = 0x10000;

/** Bytes zeroed at the start of slot 1. */
const DESTROYED_BYTES = 8192;

const EVENT: Template = {
  guid: '{7ec0ffee-0000-4000-8000-0000000000aa}',
  root: element(
    'Event',
    {},
    element(
      'System',
      {},
      element('Provider', { Name: text('Recover-Web-Test') }),
      element('EventID', {}, optional(0, 'uint16')),
      element('EventRecordID', {}, optional(1, 'uint64')),
      element('Channel', {}, text('Test')),
      element('Computer', {}, text('HOST-R')),
    ),
    element('EventData', {}, element('Data', { Name: text('Image') }, normal(2, 'string'))),
  ),
};

/** 2024-06-01T00:00:00Z; record i is written i seconds later. */
const START_MS = Date.UTC(2024, 5, 1);

function* events(count: number): Generator<EventRecordInput> {
  for (let i = 0; i < count; i++) {
    const id = BigInt(i + 1);
    yield {
      writtenTime: filetimeFromMs(START_MS + i * 1000),
      event: {
        template: EVENT,
        values: [
          { type: 'uint16', value: 1 },
          { type: 'uint64', value: id },
          // Long enough that 400 records fill several chunks.
          { type: 'string', value: `C:\\Tools\\tool-${id}.exe`.padEnd(120, 'x') },
        ],
      },
    };
  }
}

/** The damaged log's bytes (a copy the caller owns, fit for a Blob). */
export function recoveredLog(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(writeEvtx(events(400), { firstRecordId: 1n }));
  const slot1 = FILE_HEADER_BLOCK + CHUNK_SIZE;
  bytes.fill(0, slot1, slot1 + DESTROYED_BYTES);
  return bytes;
}
