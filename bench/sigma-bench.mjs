// Sigma rules over EVTX files: `node bench/sigma-bench.mjs RULES_DIR FILE...`. Prints the CPU
// time (user+sys) to compile the rules, then per file the CPU time of reading every record the
// way the CLI does (EvtxFieldSource: System facts, data fields by name) without rules and with
// every rule tried, interleaved A/B/A/B so both see the same machine load, and records/s of CPU.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { EvtxFile } from '../packages/evtx/dist/src/index.js';
import { openFileSource } from '../packages/evtx/dist/src/node.js';
import { SigmaRuleSet } from '../packages/sigma/dist/src/index.js';
import { EvtxFieldSource } from '../packages/cli/dist/src/field-source.js';

const [rulesDir, ...files] = process.argv.slice(2);
const cpuSeconds = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

const names = readdirSync(rulesDir, { recursive: true }).filter(
  (name) => name.endsWith('.yml') && !name.startsWith('regression_data'),
);
const sources = names.map((name) => ({
  file: name,
  text: readFileSync(join(rulesDir, name), 'utf8'),
}));
const compileStart = process.cpuUsage();
const rules = new SigmaRuleSet(sources);
console.log(
  `${rules.rules.length} rules compiled, ${rules.failures.length} failed, ` +
    `${cpuSeconds(compileStart).toFixed(2)} s CPU (YAML parse included)`,
);

/** Reads every record; with rules, matches each. Returns records, matches and CPU seconds. */
async function pass(path, withRules) {
  const source = await openFileSource(path);
  const start = process.cpuUsage();
  const fields = new EvtxFieldSource();
  let records = 0;
  let matches = 0;
  try {
    const file = await EvtxFile.open(source);
    for await (const batch of file.recordBatches()) {
      for (const record of batch) {
        const read = fields.record(record, path);
        if (withRules) matches += rules.match(read).length;
        records++;
      }
    }
  } finally {
    await source.close();
  }
  return { records, matches, seconds: cpuSeconds(start) };
}

for (const path of files) {
  const runs = { without: [], with: [] };
  let last;
  for (let round = 0; round < 2; round++) {
    runs.without.push((await pass(path, false)).seconds);
    last = await pass(path, true);
    runs.with.push(last.seconds);
  }
  const best = (list) => Math.min(...list);
  const sigmaSeconds = best(runs.with) - best(runs.without);
  console.log(
    `${path}: ${last.records} records, ${last.matches} matches; ` +
      `read ${best(runs.without).toFixed(2)} s CPU, read+sigma ${best(runs.with).toFixed(2)} s CPU ` +
      `(${(last.records / best(runs.with)).toFixed(0)} records/s), ` +
      `sigma alone ${sigmaSeconds.toFixed(2)} s (${(last.records / Math.max(sigmaSeconds, 1e-6)).toFixed(0)} records/s)`,
  );
}
