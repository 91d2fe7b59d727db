/**
 * The hostile log is a valid log: every record reads back clean, its values are the payloads
 * exactly, and it hunts to the findings the views under test need.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { HuntEngine, defaultKnowledge } from '@evtxhunt/hunt';

import { hostileComputer, hostilePayloads, hostileSysmonLog } from '../src/index.js';
import { readBack } from './support/generate.js';

const REMOTE = 'http://127.0.0.2:8123';

test('hostileSysmonLog reads back clean, with the payloads as its values', async () => {
  const payloads = hostilePayloads(REMOTE);
  const { records, summary } = await readBack(hostileSysmonLog(REMOTE));

  assert.deepEqual(summary.diagnostics, []);
  assert.deepEqual(
    records.map((record) => record.eventId),
    [1, 22, 3, 11, 1, 3, 4242],
  );
  assert.ok(records.every((record) => record.computer === hostileComputer(payloads)));
  assert.equal(records[0]?.data['Company'], `=HYPERLINK("${REMOTE}/csv","x")`);
  assert.equal(records[0]?.data['Product'], `]]>&amp;<![CDATA[\u0001\u001f\ufffe'"`);
  assert.equal(
    records[2]?.data['DestinationHostname'],
    `<img src="${REMOTE}/pull.png">${payloads.javascriptUrl}`,
  );
  assert.deepEqual(Object.keys(records[6]?.data ?? {}), [
    payloads.imageHandler,
    payloads.javascriptUrl,
    `=${payloads.script}`,
    `${payloads.terminal}Name`,
  ]);
  assert.equal(records[6]?.provider, `Evil-Provider${payloads.imageHandler}`);
});

test('hostileSysmonLog hunts to a chain, a LOLBin and a user-writable binary phoning out', async () => {
  const { records } = await readBack(hostileSysmonLog(REMOTE));
  const engine = new HuntEngine({ knowledge: defaultKnowledge() });
  for (const record of records) engine.add({ ...record, file: 'hostile.evtx' });

  const kinds = engine.report().findings.map((finding) => finding.kind);
  assert.deepEqual(kinds.sort(), ['chain', 'lolbin-outbound', 'user-writable-outbound']);
});
