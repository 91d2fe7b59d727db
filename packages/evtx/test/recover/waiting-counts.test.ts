/**
 * The texts about records found behind a destroyed chunk header say what the account counts:
 * those that wait for templates of later chunks are counted recovered or failed only at the end,
 * and the end says which. Two corpus files with 64 KiB zeroed from 0x49000 (the end of chunk 4
 * and chunk 5's header). Skips, saying so, without the shared corpus.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bytesSource, EvtxFile } from '../../src/index.js';
import { locateCorpus } from '../corpus/shared.js';

const corpus = locateCorpus();
const skip = typeof corpus === 'string' ? corpus : false;

async function zeroedAt0x49000(name: string) {
  const root = typeof corpus === 'string' ? '' : corpus.evtx;
  const bytes = readFileSync(join(root, name));
  bytes.fill(0, 0x49000, 0x59000);
  const file = await EvtxFile.open(bytesSource(bytes, name));
  let recovered = 0;
  for await (const record of file.records()) if (record.recovered) recovered++;
  const slot5 = file.summary.diagnostics
    .filter(
      (d) =>
        d.chunkIndex === 5 && d.structure !== 'record' && !d.message.includes('cannot be read'),
    )
    .map((d) => `${d.severity} ${d.structure}: ${d.message}`);
  return { summary: file.summary, recovered, slot5 };
}

test(
  'sytemmoon-ctf sysmon.evtx: 31 recovered in the pass and 5 read at the end make 36',
  { skip },
  async () => {
    const { summary, recovered, slot5 } = await zeroedAt0x49000('sytemmoon-ctf/sysmon.evtx');

    assert.deepEqual(summary.records, { read: 606, failed: 1, missing: 56, recovered: 36 });
    assert.equal(recovered, 36);
    assert.deepEqual(slot5, [
      'error chunk header: no chunk signature (found 00 00 00 00 00 00 00 00); 31 records recovered by their signatures (ids 312-347), 5 waiting for templates of later chunks (read at the end, then counted recovered or failed)',
      'error chunk: the slot holds no chunk signature; records 283-347 are missing, 65 in all, 31 of them recovered by their signatures, 5 found that wait for templates of later chunks (chunk 4 ends at 282 and chunk 6 starts at 348, both by their chunk headers)',
      'info chunk: 5 records found by their signatures waited for templates of later chunks: 5 read at the end with them (recovered), 0 failed',
    ]);
  },
);

test(
  'ts-evtx Security.evtx: the 7 records read at the end fail, and are counted failed',
  { skip },
  async () => {
    const { summary, recovered, slot5 } = await zeroedAt0x49000('ts-evtx/Security.evtx');

    assert.deepEqual(summary.records, { read: 1579, failed: 28, missing: 91, recovered: 17 });
    assert.equal(recovered, 17);
    assert.deepEqual(slot5, [
      'error chunk header: no chunk signature (found 00 00 00 00 00 00 00 00); 17 records recovered by their signatures (ids 442-484), 20 found but unreadable, 7 waiting for templates of later chunks (read at the end, then counted recovered or failed)',
      'error chunk: the slot holds no chunk signature; records 389-484 are missing, 96 in all, 17 of them recovered by their signatures, 20 found but unreadable, 7 found that wait for templates of later chunks (chunk 4 ends at 388 and chunk 6 starts at 485, both by their chunk headers)',
      'warning chunk: 7 records found by their signatures waited for templates of later chunks: 0 read at the end with them (recovered), 7 failed',
    ]);
  },
);
