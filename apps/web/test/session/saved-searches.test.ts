import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { ParsePool } from '../../src/pool/worker-pool.js';
import { libraryFileText } from '../../src/session/library-file.js';
import { SavedSearches } from '../../src/session/saved-searches.js';
import { Workbench } from '../../src/session/workbench.js';

function emptyBench(): Workbench {
  return new Workbench({ pool: {} as ParsePool, schedule: () => undefined, now: () => 0 });
}

test('a saved search applies its query and view, and says what of it could not be used', () => {
  const bench = emptyBench();
  const saved = new SavedSearches(bench, Promise.resolve({ kind: 'absent' }));

  assert.deepEqual(saved.applySearch({ name: 'net', view: 'v=1&q=eventId%3A3&tz=UTC' }), []);
  assert.equal(bench.filter.query.value, 'eventId:3');

  // A colleague's file may hold a query past the length the query box takes.
  const long = `v=1&q=${'%28'.repeat(70_000)}`;
  const problems = saved.applySearch({ name: 'odd', view: long });
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /70000 characters/);
  assert.equal(bench.filter.query.value, '');
});

test('an import counts one entry per name, and replaces what had that name here', async () => {
  const bench = emptyBench();
  const saved = new SavedSearches(bench, Promise.resolve({ kind: 'absent' }));
  await saved.saveSearch('net');

  const file = libraryFileText({
    searches: [
      { name: 'net', view: 'v=1&q=eventId%3A3' },
      { name: 'dns', view: 'v=1&q=eventId%3A22' },
      { name: 'dns', view: 'v=1&q=eventId%3A22%20QueryName%3A*evil*' },
    ],
    layouts: [],
  });
  const added = await saved.importText(file, 'theirs.json');

  assert.deepEqual(added, { searches: 2, layouts: 0, replaced: 1 });
  assert.deepEqual(
    saved.searches.value.map((search) => [search.name, search.view]),
    [
      ['dns', 'v=1&q=eventId%3A22%20QueryName%3A*evil*'],
      ['net', 'v=1&q=eventId%3A3'],
    ],
  );
});
