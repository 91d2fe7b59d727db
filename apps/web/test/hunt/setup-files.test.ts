import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { decodeConfigText } from '@evtxhunt/hunt';

import {
  ALLOWLIST_MAX_BYTES,
  readAllowlist,
  readSysmonConfig,
} from '../../src/hunt/setup-files.js';
import { SHARED_ROOT, SKIP_SHARED } from '../support/paths.js';

const SWIFT = `${SHARED_ROOT}/sysmon-configs/SwiftOnSecurity/sysmonconfig-export.xml`;

test(
  'readSysmonConfig gives SwiftOnSecurity blind spots: chrome.exe is never logged',
  { skip: SKIP_SHARED },
  async () => {
    const loaded = await readSysmonConfig(new Blob([await readFile(SWIFT)]), 'swift.xml');

    assert.equal(loaded.coverage.basis, 'config');
    assert.equal(loaded.coverage.configName, 'swift.xml');
    assert.equal(loaded.coverage.blindSpots.length, 66);
    assert.ok(loaded.coverage.blindSpots.some((spot) => spot.label === 'chrome.exe'));
    assert.equal(loaded.config.warnings.length, 3);
  },
);

test('decodeConfigText reads UTF-16 with or without a byte-order mark, and UTF-8', () => {
  const utf16 = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));

  assert.equal(decodeConfigText(utf16('\uFEFF<Sysmon/>')), '<Sysmon/>');
  assert.equal(decodeConfigText(utf16('<Sysmon/>')), '<Sysmon/>');
  assert.equal(decodeConfigText(new TextEncoder().encode('\uFEFF<Sysmon é/>')), '<Sysmon é/>');
});

test('readAllowlist and readSysmonConfig refuse files over their limits, naming them', async () => {
  const big = new Blob([new Uint8Array(ALLOWLIST_MAX_BYTES + 1)]);

  await assert.rejects(
    readAllowlist(big, 'big.txt'),
    new RegExp(`^Error: Cannot read allowlist big.txt: ${ALLOWLIST_MAX_BYTES + 1} bytes is over`),
  );
  await assert.rejects(
    readSysmonConfig(new Blob(['not xml']), 'x.xml'),
    /Cannot read Sysmon configuration "x\.xml"/,
  );
});
