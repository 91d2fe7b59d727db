/**
 * The page's ECS and Timesketch exports against `evtxhunt dump`'s: for every row of a real log
 * the page's line is the one the CLI writes for the parser's record (both call packages/hunt's
 * writers; this checks that the store gives them the same record).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { EvtxFile, bytesSource } from '@evtxhunt/evtx';
import { ecsRecordLine, timesketchLine } from '@evtxhunt/hunt';

import { exportRows, type ExportFormat } from '../../src/hunt/export.js';
import { PAGE_PACER } from '../../src/hunt/slices.js';
import { indexView } from '../../src/store/view.js';
import { ISSUE43, SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';
import { allRows, storeOfFiles } from '../support/store.js';

/** Every line the page exports for the log at `path`, in `format`, sorted. */
async function pageLines(path: string, format: ExportFormat): Promise<string[]> {
  const store = await storeOfFiles(path);
  const view = indexView(Uint32Array.from(allRows(store)));
  const spec = { store, view, columns: [], format, timeZone: 'UTC' } as const;
  const file = await exportRows(spec, PAGE_PACER);
  return ((await file?.blob.text()) ?? '').split('\n').slice(0, -1).sort();
}

/** Every line `evtxhunt dump --format` writes for the log, the file under its base name. */
async function dumpLines(path: string, format: ExportFormat): Promise<string[]> {
  const name = basename(path);
  const evtx = await EvtxFile.open(bytesSource(new Uint8Array(await readFile(path)), name));
  const line = format === 'ecs' ? ecsRecordLine : timesketchLine;
  const lines: string[] = [];
  for await (const record of evtx.records()) lines.push(line(record.toStructured(), name));
  return lines.sort();
}

test('exportRows writes the ECS and Timesketch lines dump writes, for every Sysmon row', async () => {
  for (const format of ['ecs', 'timesketch'] as const) {
    const page = await pageLines(ISSUE43, format);

    assert.equal(page.length, 1730);
    assert.deepEqual(page, await dumpLines(ISSUE43, format));
  }
});

test(
  'exportRows writes the ECS lines dump writes for every row of a Security log',
  { skip: SKIP_SHARED },
  async () => {
    const log = `${SHARED_EVTX}/deepbluecli/sliver-security.evtx`;
    const page = await pageLines(log, 'ecs');
    const logons = page.filter((line) => line.includes('"action":"logged-in"'));

    assert.deepEqual(page, await dumpLines(log, 'ecs'));
    assert.equal(page.length, 528);
    assert.ok(logons.length >= 10);
    assert.ok(page.some((line) => line.includes('"action":"audit-log-cleared"')));
  },
);
