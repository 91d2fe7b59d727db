import { test } from 'node:test';
import assert from 'node:assert/strict';

import { libraryFileText, readLibraryFile } from '../../src/session/library-file.js';

const LIBRARY = {
  searches: [{ name: '<script>alert(1)</script>', view: 'v=1&q=eventId%3A3' }],
  layouts: [{ name: 'network', columns: ['timeCreated', 'DestinationIp'] }],
};

test('readLibraryFile reads back what libraryFileText wrote', () => {
  const text = libraryFileText(LIBRARY);
  assert.deepEqual(JSON.parse(text), { format: 'evtxhunt saved searches', version: 1, ...LIBRARY });
  assert.deepEqual(readLibraryFile(text, 'mine.json'), LIBRARY);
});

test('readLibraryFile takes a file with only searches or only layouts', () => {
  const head = '"format": "evtxhunt saved searches", "version": 1';
  assert.deepEqual(readLibraryFile(`{${head}}`, 'empty.json'), { searches: [], layouts: [] });
  const layouts = JSON.stringify(LIBRARY.layouts);
  assert.deepEqual(readLibraryFile(`{${head}, "layouts": ${layouts}}`, 'l.json'), {
    searches: [],
    layouts: LIBRARY.layouts,
  });
});

test('readLibraryFile refuses a bad file whole, naming the file and the first problem', () => {
  const file = (change: Record<string, unknown>) =>
    JSON.stringify({ format: 'evtxhunt saved searches', version: 1, ...LIBRARY, ...change });
  const cases: [string, string][] = [
    ['[1, 2]', 'it holds no object'],
    [file({ format: 'something else' }), 'its format is not "evtxhunt saved searches"'],
    [file({ version: 2 }), 'it is not version 1'],
    [file({ searches: 'all' }), 'searches is not a list'],
    [
      file({ searches: Array(501).fill(LIBRARY.searches[0]) }),
      'searches holds 501 items; the limit is 500',
    ],
    [
      file({
        searches: [
          { name: 'ok', view: 'v=1' },
          { name: '', view: 'v=1' },
        ],
      }),
      'searches[1].name is empty',
    ],
    [file({ layouts: [{ name: 'x', columns: 'a,b' }] }), 'layouts[0].columns is text, not a list'],
    ['x'.repeat(4 * 1024 * 1024 + 1), 'it is over 4 MiB'],
  ];
  for (const [text, why] of cases) {
    assert.throws(() => readLibraryFile(text, 'theirs.json'), {
      message: `theirs.json is not a saved-searches file this app can read: ${why}`,
    });
  }
  assert.throws(() => readLibraryFile('{"format": ', 'cut.json'), {
    message: /^cut\.json is not a saved-searches file this app can read: it is not JSON \(.+\)$/,
  });
});
