// The `re` values of a Sigma rule folder against every value of their fields in EVTX files:
// `node bench/regex-bench.mjs RULES_DIR FILE...`. Each pattern runs on every value of its field
// (more than the rules do: they try a pattern only on events their other parts let through),
// three ways, interleaved A/B/C three times so all see the same machine load, timed in CPU seconds
// (user+sys): as the rules compile it (compileSafeRegex: RegExp, or the linear-time matcher for
// shapes RegExp could backtrack on), every pattern on RegExp, every pattern on the matcher.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { parseAllDocuments } from 'yaml';

import { EvtxFile } from '../packages/evtx/dist/src/index.js';
import { openFileSource } from '../packages/evtx/dist/src/node.js';
import { LinearRegex, compileSafeRegex } from '../packages/hunt/dist/src/index.js';
import { EvtxFieldSource } from '../packages/cli/dist/src/field-source.js';

const [rulesDir, ...files] = process.argv.slice(2);

/** Every `re` value with its field and flags (a leading `(?i)` made a flag). */
function rePatterns(dir) {
  const found = [];
  const visit = (node) => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const [field, ...modifiers] = key.split('|');
      if (!modifiers.includes('re')) {
        visit(value);
        continue;
      }
      for (const text of [value].flat()) {
        const leading = /^\(\?([ims]+)\)/.exec(String(text));
        const named = modifiers.filter((m) => 'ims'.includes(m)).join('');
        const flags = [...new Set(named + (leading?.[1] ?? ''))].join('');
        found.push({ field, source: String(text).slice(leading?.[0].length ?? 0), flags });
      }
    }
  };
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  for (const name of names.filter((n) => n.endsWith('.yml') && !n.startsWith('regression'))) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, name), 'utf8'))) {
      visit(doc.toJS()?.detection);
    }
  }
  return found;
}

/** The values of each field name in the files. */
async function fieldValues(fields) {
  const names = [...new Set(fields)];
  const values = new Map(names.map((name) => [name, []]));
  const source = new EvtxFieldSource();
  for (const path of files) {
    const input = await openFileSource(path);
    try {
      const file = await EvtxFile.open(input);
      for await (const batch of file.recordBatches()) {
        for (const record of batch) {
          const data = source.fields(record, names);
          for (const name of names)
            if (typeof data[name] === 'string') values.get(name).push(data[name]);
        }
      }
    } finally {
      await input.close();
    }
  }
  return values;
}

function cpuSeconds(run) {
  const start = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(start);
  return { result, seconds: (used.user + used.system) / 1e6 };
}

const patterns = rePatterns(rulesDir);
const values = await fieldValues(patterns.map((p) => p.field));
const ways = {
  chosen: patterns.map((p) => compileSafeRegex(p.source, p.flags)),
  regexp: patterns.map((p) => new RegExp(p.source, p.flags)),
  linear: patterns.map((p) => new LinearRegex(p.source, p.flags)),
};
const onLinear = ways.chosen.filter((regex) => regex instanceof LinearRegex).length;
const tests = patterns.reduce((sum, p) => sum + values.get(p.field).length, 0);
console.log(
  `${patterns.length} re patterns (${onLinear} on the linear-time matcher as the rules compile ` +
    `them), ${tests} pattern-value tests`,
);

const times = { chosen: [], regexp: [], linear: [] };
const matches = {};
for (let round = 0; round < 3; round++) {
  for (const [way, compiled] of Object.entries(ways)) {
    const { result, seconds } = cpuSeconds(() => {
      let count = 0;
      compiled.forEach((regex, index) => {
        for (const value of values.get(patterns[index].field)) if (regex.test(value)) count++;
      });
      return count;
    });
    times[way].push(seconds);
    matches[way] = result;
  }
}
for (const way of Object.keys(ways)) {
  const seconds = times[way].map((s) => s.toFixed(2)).join(' / ');
  console.log(`${way.padEnd(7)} ${seconds} s CPU, ${matches[way]} matches`);
}
