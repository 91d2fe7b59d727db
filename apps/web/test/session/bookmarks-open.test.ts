/** Bookmark labels on the bundled sample (issue43): times follow the zone the table shows. */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ZonedFrame } from '../../src/filter/zoned-frame.js';
import { translator } from '../../src/i18n/translator.js';
import { Bookmarks } from '../../src/session/bookmarks.js';
import { bookmarkLabel, eventStarrable } from '../../src/session/bookmarks-open.js';
import { ISSUE43 } from '../support/paths.js';
import { storeOfFiles } from '../support/store.js';

/** Store row of record 1607 (Sysmon 3 by taskhsvc.exe). */
const NETWORK_ROW = 1606;

test('bookmarkLabel writes the time in the zone of the table, UTC by default', async () => {
  const store = await storeOfFiles(ISSUE43);
  const bookmarks = new Bookmarks();
  const { target, time } = eventStarrable(store, NETWORK_ROW);
  bookmarks.toggle(target, time);
  const [bookmark] = bookmarks.list.value;
  if (bookmark === undefined) assert.fail('not starred');
  const label = (zone: string) =>
    bookmarkLabel(new ZonedFrame(store, zone), bookmark, translator('en'));

  assert.equal(label('UTC'), '2017-10-23T07:32:01.0129272Z · event 3, record 1607 · taskhsvc.exe');
  assert.equal(
    label('Europe/Berlin'),
    '2017-10-23T09:32:01.0129272+02:00 · event 3, record 1607 · taskhsvc.exe',
  );
});
