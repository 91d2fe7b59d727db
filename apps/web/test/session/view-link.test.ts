import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decodeViewState } from '@evtxhunt/hunt';

import type { ParsePool } from '../../src/pool/worker-pool.js';
import { applyViewState, currentViewState, viewFragment } from '../../src/session/view-link.js';
import { DEFAULT_COLUMNS, Workbench } from '../../src/session/workbench.js';

/** A workbench that never opens a file: the view state needs none. */
function emptyBench(): Workbench {
  return new Workbench({
    pool: {} as ParsePool,
    schedule: () => undefined,
    now: () => 0,
  });
}

test('viewFragment is empty for the default view and carries every choice otherwise', () => {
  const bench = emptyBench();
  assert.equal(viewFragment(currentViewState(bench)), '');

  bench.filter.setQuery('eventId:3 -Image:"C:\\a b\\x.exe"');
  bench.filter.setRegexMode(true);
  bench.filter.setTimeZone('Europe/Berlin');
  bench.filter.addFacet('Protocol');
  bench.setColumnShown('DestinationIp', true);
  bench.toggleSort('recordId');
  bench.toggleSort('recordId');

  const fragment = viewFragment(currentViewState(bench));
  assert.equal(
    fragment,
    '#v=1&q=eventId%3A3%20-Image%3A%22C%3A%5Ca%20b%5Cx.exe%22&re=1' +
      `&cols=${[...DEFAULT_COLUMNS, 'DestinationIp'].join(',')}&sort=-recordId` +
      '&tz=Europe%2FBerlin&facets=Protocol',
  );
});

test('applyViewState restores what the fragment carries, a bad query shown with its problem', () => {
  const bench = emptyBench();
  const { state } = decodeViewState(
    '#v=1&q=Image%3A%2F%5B%2F&cols=eventId,Image&sort=-eventId&tz=Asia%2FTokyo&facets=Protocol',
  );
  applyViewState(bench, state);

  assert.equal(bench.filter.text.value, 'Image:/[/');
  assert.equal(
    bench.filter.problem.value?.message,
    'bad regular expression /[/: Unterminated character class',
  );
  assert.equal(bench.filter.query.value, '');
  assert.deepEqual(bench.columns.value, ['eventId', 'Image']);
  assert.deepEqual(bench.sort.value, { key: 'eventId', direction: 'desc' });
  assert.equal(bench.filter.timeZone.value, 'Asia/Tokyo');
  assert.deepEqual(bench.filter.facetFields.value, ['Protocol']);

  applyViewState(bench, decodeViewState('').state);
  assert.deepEqual(bench.columns.value, DEFAULT_COLUMNS);
  assert.equal(bench.sort.value, undefined);
  assert.equal(bench.filter.timeZone.value, 'UTC');
});
