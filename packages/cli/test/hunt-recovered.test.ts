/**
 * A finding resting on a recovered record says so in every report format. The sample is the
 * regsvr32 scriptlet download of evtx-attack-samples (one chunk, records 1-3, the connection
 * being record 3) with record 3's header id set to 4, outside the ids 1-3 its chunk header names,
 * and both CRCs made good again: the parser reads it as recovered.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { crc32 } from '@evtxhunt/evtx';
import type { HuntReport } from '@evtxhunt/hunt';

import { SHARED, SKIP_SHARED, runEvtxhunt } from './run-cli.js';

const SAMPLE = `${SHARED}/evtx-attack-samples/exec_sysmon_lobin_regsvr32_sct.evtx`;
const CHUNK = 0x1000;

let dir: string | undefined;
after(() => (dir === undefined ? undefined : rm(dir, { recursive: true, force: true })));

/** The sample with record 3 renumbered 4 and the chunk's CRCs recomputed; its path and offset. */
async function plantedSample(): Promise<{ path: string; offset: number }> {
  dir = await mkdtemp(join(tmpdir(), 'evtxhunt-recovered-'));
  const bytes = new Uint8Array(await readFile(SAMPLE));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let offset = CHUNK + 0x200;
  while (view.getBigUint64(offset + 8, true) !== 3n) offset += view.getUint32(offset + 4, true);
  view.setBigUint64(offset + 8, 4n, true);

  const free = view.getUint32(CHUNK + 0x30, true);
  view.setUint32(CHUNK + 0x34, crc32(bytes, CHUNK + 0x200, CHUNK + free), true);
  const head = crc32(bytes, CHUNK, CHUNK + 0x78);
  view.setUint32(CHUNK + 0x7c, crc32(bytes, CHUNK + 0x80, CHUNK + 0x200, head), true);
  const path = join(dir, 'planted.evtx');
  await writeFile(path, bytes);
  return { path, offset };
}

test(
  'hunt: a finding on a recovered record says so in JSON, text and HTML',
  { skip: SKIP_SHARED },
  async () => {
    const { path, offset } = await plantedSample();
    const json = await runEvtxhunt('hunt', '--format', 'json', path);
    const text = await runEvtxhunt('hunt', path);
    const html = await runEvtxhunt('hunt', '--format', 'html', path);
    const report = JSON.parse(json.stdout) as HuntReport;

    assert.match(
      json.stderr,
      new RegExp(
        `warning: record at 0x${offset.toString(16)} \\(chunk 0, record 4\\): record id 4 lies outside the ids 1-3`,
      ),
    );
    // Every record offered to the engine is a source's live or recovered record.
    assert.deepEqual([report.input.records, report.input.recovered], [3, 1]);
    assert.deepEqual(
      report.sources?.map((source) => [source.recordsRead, source.recordsRecovered]),
      [[2, 1]],
    );
    const [finding] = report.findings;
    assert.equal(finding?.kind, 'lolbin-outbound');
    assert.deepEqual(finding.evidence, [
      {
        file: path,
        recordId: '16794',
        eventId: 3,
        time: '2019-05-12T18:35:04.4630000Z',
        recovered: true,
      },
    ]);
    assert.equal(finding.recoveredEvidence, 1);

    assert.match(text.stdout, /^ {2}records {6}3 read, 1 of them recovered, 3 activities/m);
    assert.match(
      text.stdout,
      /^ {2}recovered {4}1 event from recovered records, found where no chunk header vouches for them$/m,
    );
    assert.match(
      text.stdout,
      new RegExp(`^ {2}evidence {5}1 event: ${path} #16794 \\(recovered\\)$`, 'm'),
    );
    assert.match(text.stdout, /2 records read and 1 recovered \(flagged in the evidence\)/);

    assert.match(
      html.stdout,
      /<dt>Recovered<\/dt>\s*<dd>1 event from recovered records, found where no chunk header vouches for them<\/dd>/,
    );
    assert.match(
      html.stdout,
      new RegExp(
        `<li>${path} #16794 \\(recovered\\), Event ID 3, 2019-05-12T18:35:04.4630000Z</li>`,
      ),
    );
  },
);
