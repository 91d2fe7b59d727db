/**
 * The public Sigma rule set against its own regression samples (SigmaHQ `regression_data`, in
 * the shared folder's `sigma/`, see its SOURCES.md): every rule with a sample fires on it
 * `match_count` times (at least once where the count is absent), read the way the CLI reads
 * (fields by name, EvtxFieldSource) and as whole records. Prints how many rules load, fire and
 * fail, and lists the rules of the four shipped categories that do not load, with the reason.
 * Skips, saying so, when the shared folder is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { EvtxFile, type EvtxRecord } from '@evtxhunt/evtx';
import { openFileSource } from '@evtxhunt/evtx/node';
import { SigmaRuleSet, type RuleSource } from '@evtxhunt/sigma';

import { EvtxFieldSource } from '../src/field-source.js';
import { SHARED_ROOT } from './run-cli.js';

const SIGMA = join(SHARED_ROOT, 'sigma');
const SKIP = existsSync(join(SIGMA, 'regression_data'))
  ? false
  : `Sigma rules and regression data not found at ${SIGMA}; this test needs them`;

/** Rule folders of the shared copy. */
const RULE_DIRS = ['rules', 'rules-threat-hunting', 'rules-emerging-threats'];

/** The categories we ship, with the number of rules of each in the shared copy. */
const CATEGORIES = ['network_connection', 'dns_query', 'process_creation', 'file_event'];

/**
 * Samples whose `match_count` disagrees with their rule as written: the sample holds more
 * events the rule's values match than the count says (the rule was widened after the sample
 * was recorded). Each pin is the count the rule gives, and why.
 */
const COUNT_PINS: ReadonlyMap<string, { count: number; reason: string }> = new Map([
  [
    'file_event_win_anydesk_artefact',
    {
      count: 3,
      reason:
        'three of the five events write \\AppData\\Roaming\\AnyDesk\\user.conf.new or user.conf~RF*.TMP, each containing the rule value',
    },
  ],
  [
    'file_event_win_cred_dump_tools_dropped_files',
    {
      count: 3,
      reason:
        'the sample writes procdump.exe, procdump64.exe and procdump64a.exe, each ending in one of the rule values',
    },
  ],
]);

/** One sample of regression_data: its rule id, the expected count and the .evtx path. */
interface Sample {
  readonly name: string;
  readonly ruleId: string;
  readonly matchCount: number | undefined;
  readonly path: string;
}

test('sigma: every public rule with a regression sample fires on it', { skip: SKIP }, async (t) => {
  const set = new SigmaRuleSet(ruleSources());
  const samples = regressionSamples();
  // SOURCES.md says 156 tests; the copy holds 145 info.yml files with one evtx test each.
  assert.equal(samples.length, 145);

  const fired = new Set<string>();
  const failed: string[] = [];
  for (const sample of samples) {
    const expected = COUNT_PINS.get(sample.name)?.count ?? sample.matchCount;
    const counts = await matchCounts(set, sample);
    const ok = (count: number) => (expected === undefined ? count >= 1 : count === expected);
    if (ok(counts.byName) && ok(counts.whole)) fired.add(sample.ruleId);
    else
      failed.push(
        `${sample.name}: want ${expected ?? '>=1'}, got ${counts.byName} by name, ${counts.whole} whole`,
      );
  }

  const categoryFailures = set.failures.filter((failure) =>
    CATEGORIES.some((name) => failure.file.includes(`/${name}/`)),
  );
  t.diagnostic(`sigma rules: ${set.rules.length} load, ${set.failures.length} do not`);
  t.diagnostic(
    `regression samples: ${samples.length}; rules firing as expected: ${fired.size}; failing: ${failed.length}`,
  );
  for (const [name, pin] of COUNT_PINS)
    t.diagnostic(`pinned ${name}: ${pin.count} (${pin.reason})`);
  for (const failure of categoryFailures)
    t.diagnostic(`not loaded: ${failure.file}: ${failure.reason}`);
  for (const line of failed) t.diagnostic(`failed: ${line}`);

  assert.deepEqual(categoryFailures, []);
  assert.deepEqual(failed, []);
  assert.equal(set.rules.length, 1504);
});

function ruleSources(): RuleSource[] {
  return RULE_DIRS.flatMap((dir) =>
    readdirSync(join(SIGMA, dir), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.yml'))
      .map((name) => {
        const file = join(SIGMA, dir, name);
        return { file, text: readFileSync(file, 'utf8') };
      }),
  );
}

/** Every info.yml of regression_data, read by its few keys (it is plain, machine-written YAML). */
function regressionSamples(): Sample[] {
  const root = join(SIGMA, 'regression_data');
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('info.yml'))
    .sort()
    .flatMap((name) => {
      const text = readFileSync(join(root, name), 'utf8');
      const ruleId = /rule_metadata:\s*\n\s*-\s*id:\s*(\S+)/.exec(text)?.[1] ?? '';
      const folder = name.split('/').slice(-2)[0] ?? name;
      return [...text.matchAll(/^\s*-\s*name:[^\n]*\n((?:\s+[a-z_]+:[^\n]*\n?)+)/gm)].map(
        (test) => {
          const body = test[1] ?? '';
          const count = /match_count:\s*(\d+)/.exec(body)?.[1];
          const path = /path:\s*(\S+)/.exec(body)?.[1] ?? '';
          return {
            name: folder,
            ruleId,
            matchCount: count === undefined ? undefined : Number(count),
            path: join(SIGMA, path),
          };
        },
      );
    });
}

/** Matches of the sample's rule, reading fields by name and reading whole records. */
async function matchCounts(
  set: SigmaRuleSet,
  sample: Sample,
): Promise<{ byName: number; whole: number }> {
  const source = await openFileSource(sample.path);
  try {
    const file = await EvtxFile.open(source);
    const fields = new EvtxFieldSource();
    const records: EvtxRecord[] = [];
    for await (const record of file.records()) records.push(record);
    const count = (matches: readonly { rule: { id: string } }[]) =>
      matches.filter((match) => match.rule.id === sample.ruleId).length;
    let byName = 0;
    let whole = 0;
    for (const record of records) {
      byName += count(set.match(fields.record(record, sample.path)));
      whole += count(set.match(record.toStructured()));
    }
    return { byName, whole };
  } finally {
    await source.close();
  }
}
