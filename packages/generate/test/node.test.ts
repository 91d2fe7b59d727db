/** writeGeneratedLog: the file on disk equals the log built in memory, labels included. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { writeGeneratedLog } from '../src/node.js';
import { generate } from './support/generate.js';

const folder = mkdtempSync(join(tmpdir(), 'evtxhunt-generate-'));
after(() => rmSync(folder, { recursive: true, force: true }));

test('writeGeneratedLog writes the same bytes as the generator in memory, header last', () => {
  const options = { seed: 3, sizeBytes: 512 * 1024, hosts: 5 };
  const path = join(folder, 'log.evtx');
  const labelsPath = join(folder, 'labels.json');
  const log = writeGeneratedLog(path, options, labelsPath);
  const expected = generate(options);

  assert.deepEqual(new Uint8Array(readFileSync(path)), expected.bytes);
  assert.equal(log.bytes, expected.bytes.length);
  assert.equal(log.records, expected.records);
  assert.deepEqual(JSON.parse(readFileSync(labelsPath, 'utf8')), expected.labels);
});
