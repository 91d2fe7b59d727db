import { test } from 'node:test';
import assert from 'node:assert/strict';

import { formatHistogram, parseHistogram, parseTsv } from './tsv.js';
import { isClean, noteClauses } from './inventory.js';

test('parseTsv keys cells by the header and keeps empty cells', () => {
  const rows = parseTsv('path\tnotes\tbytes\na.evtx\t\t12\n', 'T.tsv');

  assert.deepEqual(rows, [{ path: 'a.evtx', notes: '', bytes: '12' }]);
});

test('parseTsv names the line with the wrong cell count', () => {
  assert.throws(
    () => parseTsv('a\tb\n1\t2\n3\n', 'T.tsv'),
    /T.tsv: line 3 has 1 cells, expected 2/,
  );
});

test('parseHistogram reads and formatHistogram writes the table form', () => {
  const histogram = parseHistogram('4104:66,1:3');

  assert.deepEqual(
    [...histogram],
    [
      [4104, 66],
      [1, 3],
    ],
  );
  assert.equal(formatHistogram(histogram), '1:3,4104:66');
  assert.equal(parseHistogram('').size, 0);
  assert.throws(() => parseHistogram('1:3,6005:'), /bad pair '6005:'/);
});

test('isClean ignores notes about the references and flags damage', () => {
  const recovered = 'evtxexport -m recovered: 25 recs [4104:25]';
  const diffs = '1 recs with field-value diffs [EventData/PrivilegeList/value x1]';

  assert.equal(isClean({ notes: '' }), true);
  assert.equal(isClean({ notes: `${recovered}; ${diffs}` }), true);
  assert.equal(isClean({ notes: 'EMPTY LOG: valid file header, 0 allocated records' }), true);
  assert.equal(isClean({ notes: 'evtxinfo flags=dirty' }), false);
  assert.equal(isClean({ notes: `${recovered}; 9 chunks carry ElfChnk magic but header` }), false);
  assert.deepEqual(noteClauses(`${recovered}; x`), [recovered, 'x']);
});
