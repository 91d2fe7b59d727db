/** Logs written with our own writer for the recovery tests: a small event, many records. */
import {
  element,
  filetimeFromMs,
  normal,
  optional,
  text,
  writeEvtx,
  type EventRecordInput,
  type Template,
} from '../../src/writer/index.js';

export const EVENT: Template = {
  guid: '{7ec0ffee-0000-4000-8000-000000000001}',
  root: element(
    'Event',
    {},
    element(
      'System',
      {},
      element('Provider', { Name: text('Recover-Test') }),
      element('EventID', {}, optional(0, 'uint16')),
      element('EventRecordID', {}, optional(1, 'uint64')),
      element('Channel', {}, text('Test')),
      element('Computer', {}, text('HOST-R')),
    ),
    element('EventData', {}, element('Data', { Name: text('Image') }, normal(2, 'string'))),
  ),
};

/** 2024-06-01T00:00:00Z; record i is written i seconds later. */
export const START_MS = Date.UTC(2024, 5, 1);

/** `count` records from id `firstId`, each with an image name long enough to fill chunks. */
export function* events(count: number, firstId = 1n): Generator<EventRecordInput> {
  for (let i = 0; i < count; i++) {
    const id = firstId + BigInt(i);
    yield {
      writtenTime: filetimeFromMs(START_MS + i * 1000),
      event: {
        template: EVENT,
        values: [
          { type: 'uint16', value: 1 },
          { type: 'uint64', value: id },
          { type: 'string', value: `C:\\Tools\\tool-${id}.exe`.padEnd(120, 'x') },
        ],
      },
    };
  }
}

/** A whole log of `count` records. */
export function log(count: number, firstId = 1n): Uint8Array {
  return writeEvtx(events(count, firstId), { firstRecordId: firstId });
}
