// Sigma rules over EVTX logs: `node bench/sigma-bench.mjs [RULES_DIR] [FILE...]`, all CPU time
// (user+sys) of this process, so a busy machine slows it less than wall time would.
// Prints the time to load the rules (YAML included), then for each data set:
// - read / read+sigma: every record read the way the CLI does (EvtxFieldSource: System facts,
//   data fields by name), without rules and with every rule tried, interleaved A/B/A/B so both
//   see the same load; their difference is what the rules cost, field reads included;
// - matching alone: the same records held in memory as plain records, every rule tried on each,
//   best of three passes: the matcher's own speed.
// Without RULES_DIR, the shared folder's rules (../shared/sigma, or $EVTXHUNT_SHARED/sigma);
// without FILE, two data sets: a generated 100 MB log (seed 1, made in a temporary folder and
// removed) and every Sysmon log of the shared corpus together. Writes bench/results/sigma.json.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

import { EvtxFile } from '../packages/evtx/dist/src/index.js';
import { openFileSource } from '../packages/evtx/dist/src/node.js';
import { SigmaRuleSet } from '../packages/sigma/dist/src/index.js';
import { EvtxFieldSource } from '../packages/cli/dist/src/field-source.js';

// As the CLI does, so the `re` rules of a risky shape load too.
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = process.env.EVTXHUNT_SHARED ?? join(root, '..', 'shared');
const [rulesDir = join(shared, 'sigma'), ...files] = process.argv.slice(2);

const cpuSeconds = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

function loadRules() {
  const names = readdirSync(rulesDir, { recursive: true }).filter(
    (name) => /\.ya?ml$/i.test(name) && !name.startsWith('regression_data'),
  );
  const sources = names.map((name) => ({
    file: name,
    text: readFileSync(join(rulesDir, name), 'utf8'),
  }));
  const start = process.cpuUsage();
  const rules = new SigmaRuleSet(sources, { linearRegexFallback: true });
  const seconds = cpuSeconds(start);
  console.log(
    `${rules.rules.length} rules loaded, ${rules.failures.length} failed, ` +
      `${seconds.toFixed(2)} s CPU (YAML parse included)`,
  );
  return { rules, seconds };
}

/** Calls `each` with every record of the files, read as the CLI reads them. */
async function eachRecord(paths, each) {
  const fields = new EvtxFieldSource();
  for (const path of paths) {
    const source = await openFileSource(path);
    try {
      const file = await EvtxFile.open(source);
      for await (const batch of file.recordBatches()) {
        for (const record of batch) each(fields.record(record, path));
      }
    } finally {
      await source.close();
    }
  }
}

/** Reads every record; with rules, matches each. Returns records, matches and CPU seconds. */
async function pass(rules, paths, withRules) {
  const start = process.cpuUsage();
  let records = 0;
  let matches = 0;
  await eachRecord(paths, (record) => {
    if (withRules) matches += rules.match(record).length;
    records++;
  });
  return { records, matches, seconds: cpuSeconds(start) };
}

/** The records as plain objects holding the fields the rules read. */
async function plainRecords(rules, paths) {
  const records = [];
  await eachRecord(paths, (record) => {
    const { data } = record.withFields(rules.fieldsRead(record));
    const { file, recordId, timeCreated, eventId, provider, channel, computer } = record;
    records.push({ file, recordId, timeCreated, eventId, provider, channel, computer, data });
  });
  return records;
}

async function measure(name, rules, paths) {
  const runs = { without: [], with: [] };
  let last;
  for (let round = 0; round < 2; round++) {
    runs.without.push((await pass(rules, paths, false)).seconds);
    last = await pass(rules, paths, true);
    runs.with.push(last.seconds);
  }
  const read = Math.min(...runs.without);
  const withSigma = Math.min(...runs.with);
  const sigma = Math.max(withSigma - read, 1e-6);

  const records = await plainRecords(rules, paths);
  let alone = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = process.cpuUsage();
    for (const record of records) rules.match(record);
    alone = Math.min(alone, cpuSeconds(start));
  }
  const perSecond = (seconds) => Math.round(last.records / seconds);
  console.log(
    `${name}: ${last.records} records, ${last.matches} matches; read ${read.toFixed(2)} s CPU, ` +
      `read+sigma ${withSigma.toFixed(2)} s (${perSecond(withSigma)} records/s), ` +
      `sigma with its field reads ${sigma.toFixed(2)} s (${perSecond(sigma)} records/s), ` +
      `matching alone ${alone.toFixed(3)} s (${perSecond(alone)} records/s)`,
  );
  return {
    name,
    files: paths.length,
    records: last.records,
    matches: last.matches,
    readSeconds: read,
    readSigmaSeconds: withSigma,
    sigmaSeconds: sigma,
    matchingAloneSeconds: alone,
    matchingRecordsPerSecond: perSecond(alone),
  };
}

/** The corpus's logs whose channels include Sysmon's (from its INVENTORY.tsv). */
function sysmonCorpus() {
  const corpus = join(shared, 'samples', 'evtx');
  const inventory = join(corpus, 'INVENTORY.tsv');
  if (!existsSync(inventory)) return [];
  return readFileSync(inventory, 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((columns) => (columns[7] ?? '').includes('Sysmon'))
    .map((columns) => join(corpus, columns[0]));
}

async function generatedLog(folder) {
  const { writeGeneratedLog } = await import('@evtxhunt/generate/node');
  const path = join(folder, 'generated-100MB.evtx');
  writeGeneratedLog(path, { seed: 1, sizeBytes: 100 * 1024 * 1024 });
  return path;
}

if (!existsSync(rulesDir)) {
  console.log(`sigma bench: no rules at ${rulesDir}; skipped`);
  process.exit(0);
}
const { rules, seconds: loadSeconds } = loadRules();
const results = [];
if (files.length > 0) {
  for (const path of files) results.push(await measure(path, rules, [path]));
} else {
  const folder = mkdtempSync(join(tmpdir(), 'sigma-bench-'));
  try {
    results.push(await measure('generated 100 MB', rules, [await generatedLog(folder)]));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const corpus = sysmonCorpus();
  if (corpus.length > 0) {
    results.push(await measure(`${corpus.length} Sysmon corpus logs`, rules, corpus));
  }
}
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'sigma.json'),
  `${JSON.stringify({ rules: rules.rules.length, loadSeconds, results }, null, 2)}\n`,
);
