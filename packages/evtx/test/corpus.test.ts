/**
 * The corpus test: every `.evtx` of the shared sample corpus (samples/evtx, see its README) read
 * by our parser and held to the references. The rules for counts are in corpus/counts.ts, the
 * pins with their reasons in corpus/pins.ts, and the XML canonicalisation in
 * corpus/CANONICALISATION.md. Skips, saying so, when the shared folder is absent; point
 * EVTXHUNT_SHARED at it when it is not at `<repo root>/../shared`.
 */
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { diffLeaves } from './corpus/canonical.js';
import { compareStructured, compareWithDump, compareWithWindows } from './corpus/compare.js';
import { countProblemsFor, problemReport, referenceCount } from './corpus/counts.js';
import type { FileExpectation } from './corpus/counts.js';
import { isClean, loadDisagreements, loadInventory } from './corpus/inventory.js';
import type { InventoryRow } from './corpus/inventory.js';
import { COUNT_PINS, pinFor, unreadableFor } from './corpus/pins.js';
import { readCorpusFile } from './corpus/reader.js';
import type { FileReading } from './corpus/reader.js';
import {
  findExpectedDumps,
  findWindowsRenderings,
  loadLeafEvents,
  windowsEvents,
} from './corpus/references.js';
import { locateCorpus } from './corpus/shared.js';
import type { SharedCorpus } from './corpus/shared.js';

/** python-evtx truncates to microseconds and its float maths is off by up to 2 µs. */
const PYTHON_EVTX_TIME_TOLERANCE_TICKS = 30;

const corpus = locateCorpus();

if (typeof corpus === 'string') {
  test('corpus test', { skip: corpus }, () => {});
} else {
  defineCorpusTests(corpus);
}

function defineCorpusTests(corpus: SharedCorpus): void {
  const inventory = loadInventory(corpus.evtx);
  const disagreements = loadDisagreements(corpus.evtx);
  const dumps = findExpectedDumps(corpus.expected);
  const windows = findWindowsRenderings(corpus.evtx);
  const withRenderings = new Set([...dumps, ...windows].map((file) => file.evtxPath));

  // Each file is read once, keeping renderings only for the files that have references.
  const readings = new Map<string, Promise<FileReading>>();
  const reading = (path: string): Promise<FileReading> => {
    let pending = readings.get(path);
    if (pending === undefined) {
      const keep = withRenderings.has(path);
      pending = readCorpusFile(join(corpus.evtx, path), { keepXml: keep, keepStructured: keep });
      readings.set(path, pending);
    }
    return pending;
  };

  const expectationFor = (row: InventoryRow): FileExpectation => ({
    row,
    pin: pinFor(row.path),
    unreadable: unreadableFor(row.path),
    disagreements: disagreements.filter((entry) => entry.path === row.path),
  });

  test('corpus: every pin and reference names a file in INVENTORY.tsv', () => {
    const known = new Set(inventory.map((row) => row.path));
    const referenced = [...COUNT_PINS.map((pin) => pin.path), ...withRenderings];
    assert.deepEqual(
      referenced.filter((path) => !known.has(path)),
      [],
    );
  });

  test('corpus: record counts and Event IDs per file', async (t) => {
    const failing: string[] = [];
    let read = 0;
    let reference = 0;
    for (const row of inventory) {
      const expectation = expectationFor(row);
      const ours = await reading(row.path);
      read += ours.records;
      reference += referenceCount(expectation);
      const problems = countProblemsFor(expectation, ours);
      if (problems.length > 0) failing.push(row.path);
      await t.test(row.path, () => {
        assert.equal(problems.length, 0, problemReport(row.path, problems));
      });
    }

    const clean = inventory.filter(isClean).length;
    t.diagnostic(
      `${inventory.length} files (${clean} clean), ${read} records read against ${reference} ` +
        `reference; ${COUNT_PINS.length} pinned, ${failing.length} failing`,
    );
    for (const pin of COUNT_PINS) {
      const ours = (await reading(pin.path)).records;
      t.diagnostic(`pinned ${pin.path}: ${pin.records} (${pin.source}), ours ${ours}`);
    }
  });

  test('corpus: lost chunk slots and record id jumps only where a slot is really lost', async (t) => {
    const withLostSlots: string[] = [];
    for (const row of inventory) {
      const found = (await reading(row.path)).diagnostics.filter((d) => / chunk: /.test(d));
      if (found.length > 0) withLostSlots.push(row.path);
      for (const diagnostic of found) t.diagnostic(`${row.path}: ${diagnostic}`);
    }
    // Slots 1-5 and 11-15 of this wrapped log are zeros and 6 and 10 lost their signature;
    // the header names all 16 slots, so they are inside the log (see its fixture test).
    assert.deepEqual(withLostSlots, ['evtx-rs/sample_with_a_bad_chunk_magic.evtx']);
  });

  test('corpus: no clean file has a warning or an error', async (t) => {
    const clean = inventory.filter(isClean);
    for (const row of clean) {
      const { diagnostics } = await reading(row.path);
      await t.test(row.path, () => {
        assert.deepEqual(
          diagnostics.filter((d) => !d.startsWith('info ')),
          [],
        );
      });
    }
    t.diagnostic(`${clean.length} clean files`);
  });

  test("corpus: XML equals Windows' own rendering, RenderingInfo cut out", async (t) => {
    for (const { evtxPath, windowsXml } of windows) {
      await t.test(evtxPath, async (st) => {
        const theirs = windowsEvents(readFileSync(windowsXml, 'utf8'), windowsXml);
        const problems = compareWithWindows(theirs, (await reading(evtxPath)).xml);
        reportProblems(st, evtxPath, problems, theirs.size);
      });
    }
  });

  test('corpus: XML equals the evtxexport and python-evtx dumps, canonicalised', async (t) => {
    for (const dump of dumps) {
      await t.test(dump.evtxPath, async (st) => {
        const ours = (await reading(dump.evtxPath)).xml;
        const evtxexport = loadLeafEvents(dump.evtxexportXml);
        const python = loadLeafEvents(dump.pythonEvtxXml, { binaryIsBase64: true });
        const problems = [
          ...compareWithDump(evtxexport, ours, 0).map((p) => `evtxexport ${p}`),
          ...compareWithDump(python, ours, PYTHON_EVTX_TIME_TOLERANCE_TICKS).map(
            (p) => `python-evtx ${p}`,
          ),
        ];
        reportProblems(st, dump.evtxPath, problems, evtxexport.size);
      });
    }
  });

  test('corpus: Sysmon EID 3 structured fields equal evtxexport, canonicalised', async (t) => {
    for (const dump of dumps) {
      const evtxexport = loadLeafEvents(dump.evtxexportXml);
      const network = new Map(
        [...evtxexport].filter(([, leaves]) =>
          leaves.some((leaf) => leaf.path === 'System/EventID' && leaf.value === '3'),
        ),
      );
      if (network.size === 0) continue;
      await t.test(dump.evtxPath, async (st) => {
        const problems = compareStructured(network, (await reading(dump.evtxPath)).structured);
        reportProblems(st, dump.evtxPath, problems, network.size);
      });
    }
  });

  test('corpus: the two reference dumps agree after canonicalisation', async (t) => {
    for (const dump of dumps) {
      await t.test(dump.evtxPath, (st) => {
        const evtxexport = loadLeafEvents(dump.evtxexportXml);
        const python = loadLeafEvents(dump.pythonEvtxXml, { binaryIsBase64: true });
        const problems = [...evtxexport].flatMap(([id, leaves]) => {
          const other = python.get(id);
          if (other === undefined) return [`record ${id}: not in the python-evtx dump`];
          const differences = diffLeaves(leaves, other, PYTHON_EVTX_TIME_TOLERANCE_TICKS);
          return differences.map((d) => `record ${id}: ${d.path}: ${d.expected} / ${d.actual}`);
        });
        reportProblems(st, dump.evtxPath, problems, evtxexport.size);
      });
    }
  });
}

/** Fails with one message listing the problems, after a diagnostic saying how many records. */
function reportProblems(t: TestContext, path: string, problems: string[], records: number): void {
  const bad = new Set(problems.map((problem) => /record (\d+)/.exec(problem)?.[1])).size;
  t.diagnostic(`${path}: ${records} reference records, ${bad} differ`);
  assert.equal(problems.length, 0, problemReport(path, problems));
}
