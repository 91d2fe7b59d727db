/**
 * The marks evtxhunt's own exports give a recovered record (one no chunk header vouched for),
 * read back: `"recovered":true` in dump and Timesketch lines, the `evtxhunt-recovered` tag in
 * ECS, and the comment `dump --format xml` writes right before the `<Event>`.
 */
import assert from 'node:assert/strict';
import test from 'node:test';

import { readAll } from './helpers.js';

const SYSTEM =
  '<System><Provider Name="P"/><EventID>1</EventID><EventRecordID>@ID@</EventRecordID>' +
  '<Channel>C</Channel><Computer>H</Computer></System>';
const event = (id: number) => `<Event>${SYSTEM.replace('@ID@', String(id))}</Event>`;
const COMMENT = '<!-- evtxhunt: recovered record, not a live one -->';

/** The ids of the records read, recovered ones starred. */
async function marked(text: string, size = 1 << 20): Promise<string[]> {
  const { records } = await readAll(text, size);
  return records.map((record) => record.recordId + (record.recovered === true ? '*' : ''));
}

test('xml: the comment before an <Event> marks it recovered, in any pieces', async () => {
  const text = [event(1), COMMENT, event(2), '\n', COMMENT, '\n', event(3), event(4)].join('');
  for (const size of [1 << 20, 7, 1]) {
    assert.deepEqual(await marked(text, size), ['1', '2*', '3*', '4'], `pieces of ${size}`);
  }
});

test('xml: another comment, or the comment inside an event, marks nothing', async () => {
  const inside = event(2).replace('<System>', `${COMMENT}<System>`);
  const other = '<!-- evtxhunt: recovered record -->';
  const text = `<Events>${other}${event(1)}${inside}${COMMENT}<Note/>${event(3)}</Events>`;
  assert.deepEqual(await marked(text), ['1', '2', '3']);
});

test('json: dump and Timesketch lines with "recovered":true, ECS with the tag', async () => {
  const dump = (id: number, more: string) =>
    `{"file":"f","recordId":"${id}","timeCreated":"2024-01-01T00:00:00.0000000Z","eventId":1,"channel":"C"${more}}`;
  const ecs = (id: number, more: string) =>
    `{"@timestamp":"2024-01-01T00:00:00.0000000Z","winlog":{"channel":"C","record_id":"${id}","event_id":"1"}${more}}`;
  const lines = [
    dump(1, ''),
    dump(2, ',"recovered":true'),
    dump(3, ',"recovered":"true"'),
    ecs(4, ',"tags":["evtxhunt-recovered"]'),
    ecs(5, ',"tags":["other"]'),
  ];
  assert.deepEqual(await marked(lines.join('\n')), ['1', '2*', '3', '4*', '5']);
});
