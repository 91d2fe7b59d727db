import { test } from 'node:test';
import assert from 'node:assert/strict';

import { huntBench, huntReady, openPaths } from '../support/hunt.js';
import { ISSUE43 } from '../support/paths.js';

test('ExportSession hands a finished file to the view once, then offers it as a link only', async () => {
  const bench = huntBench();
  await openPaths(bench, [ISSUE43]);
  await huntReady(bench);
  const exports = bench.hunt.exports;

  exports.findings();
  const state = exports.state.value;
  assert.equal(state.state, 'ready');
  if (state.state !== 'ready') return;
  assert.equal(exports.takeDownload(state.file), true);
  assert.equal(exports.takeDownload(state.file), false, 'shown again, it does not download');
  assert.equal(exports.stale.value, false);
});

test('ExportSession marks an events export out of date once the table rows change', async () => {
  const bench = huntBench();
  await openPaths(bench, [ISSUE43]);
  await huntReady(bench);
  const exports = bench.hunt.exports;

  await exports.events('csv');
  assert.equal(exports.state.value.state, 'ready');
  assert.equal(exports.stale.value, false);
  bench.toggleSort('eventId');
  assert.equal(exports.stale.value, true);
});

test('ExportSession marks a findings export out of date after a newer report', async () => {
  const bench = huntBench();
  await openPaths(bench, [ISSUE43]);
  await huntReady(bench);
  const exports = bench.hunt.exports;
  exports.findings();
  const before = bench.hunt.result.value;

  await bench.hunt.loadRules([Object.assign(new Blob(['title: x\n']), { name: 'x.yml' })]);
  await huntReady(bench);
  assert.notEqual(bench.hunt.result.value, before);
  assert.equal(exports.stale.value, true);
});
