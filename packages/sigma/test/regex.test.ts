/**
 * compileRegex, and the linear-time matcher against V8's RegExp: the same answer for every `re`
 * value of the public rule set (the shared folder's `sigma/rules*`, see its SOURCES.md) on the
 * real event values of its regression samples and the shared JSON samples, and on strings
 * generated from each pattern. Skips the public part, saying so, when the shared folder is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { LinearRegex, parseRegex } from '@evtxhunt/hunt';
import { parseAllDocuments } from 'yaml';

import { compileRegex } from '../src/regex.js';
import { Dice, nearMiss, sampleOf } from './regex-strings.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const SIGMA = join(resolve(process.env['EVTXHUNT_SHARED'] ?? `${REPO}../shared`), 'sigma');
const SAMPLES = join(SIGMA, '..', 'samples', 'json');
const SKIP = existsSync(join(SIGMA, 'regression_data'))
  ? false
  : `Sigma rules and samples not found at ${SIGMA}; this test needs them`;

/** Patterns that use the syntax the matcher reads, beyond what the public rules write. */
const SYNTAX: readonly [string, string][] = [
  ['^(?:[a-z]+\\d{2,4}|_)+$', 'i'],
  ['\\b(?<verb>get|set)-\\w{1,8}\\b', ''],
  ['[^\\s"\'\\\\]{3,}\\.(?:exe|dll)$', 'i'],
  ['^.{0,3}$', 'ms'],
  ['(?:^|\\n)x.*?y$', 'm'],
  ['[\\d-z][\\W\\D]+?\\B', ''],
  ['(a|ab)(c|bcd)(d*)', ''],
  ['\\x2e\\u00e9?\\t*[\\b\\0]?', 'i'],
  ['(?:(?:a|b){2}c?){2,3}', ''],
  ['é+\\u212a|\\ud83d.', 'i'],
];

/** The trial's patterns: polynomial or exponential for RegExp on these values. */
const HANGS: readonly [string, string][] = [
  ['.*.*.*.*.*.*.*.*.*.*=$', 'a'.repeat(100_000)],
  ['.*.*.*.*=$', 'a'.repeat(100_000)],
  ['(?:\\s*\\d{1,3}\\s*,){2}', ' '.repeat(100_000)],
  ['^(a+)+$', `${'a'.repeat(100_000)}!`],
];

test('compileRegex runs risky shapes on the linear-time matcher, the rest on RegExp', () => {
  assert.ok(compileRegex('.*.*=$', '') instanceof LinearRegex);
  assert.ok(compileRegex('\\$env:ComSpec\\[(?:\\s*\\d{1,3}\\s*,){2}', '') instanceof LinearRegex);
  assert.ok(compileRegex('https?://(?:(?:25[0-5]|1\\d|\\d)\\.){3}', '') instanceof LinearRegex);
  assert.ok(compileRegex('net\\s+view', '') instanceof LinearRegex);
  assert.ok(compileRegex('://[0-9]{1,3}\\.[0-9]{1,3}', '') instanceof RegExp);
  assert.ok(compileRegex('(?i)\\.exe(?:\\.[Ee][Xx][Ee])?', '') instanceof RegExp);
  assert.equal(compileRegex('(?i)(?:set).*&&\\s?set', '').test('SET x&& set'), true);
});

test('compileRegex refuses backreferences and lookarounds, saying where', () => {
  assert.throws(() => compileRegex('^(?=(a+))\\1*$', ''), {
    message: "'^(?=(a+))\\1*$', character 1: a lookahead or lookbehind cannot run in linear time",
  });
  assert.throws(() => compileRegex('(?i)(a)\\1', ''), {
    message: "'(?i)(a)\\1', character 7: a backreference cannot run in linear time",
  });
});

test("compileRegex: the trial's patterns end quickly with RegExp's answer", () => {
  for (const [source, value] of HANGS) {
    const regex = compileRegex(source, '');
    const started = process.cpuUsage();
    const matched = regex.test(value);
    const used = process.cpuUsage(started);
    assert.equal(matched, false, source);
    // RegExp takes hours on these; the matcher tens of milliseconds.
    assert.ok((used.user + used.system) / 1000 < 3000, `${source}: ${used.user} µs`);
  }
});

test('LinearRegex answers as RegExp on strings generated from the patterns', () => {
  const mismatches = differences(SYNTAX, generated(SYNTAX, 4000));
  assert.deepEqual(mismatches, []);
});

test('LinearRegex answers as RegExp for every public re value', { skip: SKIP }, () => {
  const patterns = publicPatterns();
  // 85 `re` values in 50 rule files (two more files have `re` only in comments).
  assert.equal(patterns.length, 85);
  const values = eventValues();
  assert.ok(values.length > 30_000, `${values.length} event values`);

  const mismatches = differences(patterns, [...values, ...generated(patterns, 60)]);
  assert.deepEqual(mismatches, []);
});

/** The pattern, flags and value of every disagreement, at most ten. */
function differences(patterns: readonly [string, string][], values: readonly string[]): string[] {
  const found: string[] = [];
  for (const [source, flags] of patterns) {
    const linear = new LinearRegex(source, flags);
    const v8 = new RegExp(source, flags);
    for (const value of values) {
      if (linear.test(value) === v8.test(value) || found.length >= 10) continue;
      found.push(`/${source}/${flags} on ${JSON.stringify(value).slice(0, 200)}`);
    }
  }
  return found;
}

/** For each pattern, `count` samples of it and near misses. */
function generated(patterns: readonly [string, string][], count: number): string[] {
  const dice = new Dice(2026);
  const values: string[] = [];
  for (const [source, flags] of patterns) {
    const tree = parseRegex(source, flags.includes('s'));
    for (let index = 0; index < count; index += 1) {
      const sample = sampleOf(tree, dice);
      values.push(index % 2 === 0 ? sample : nearMiss(sample, dice));
    }
  }
  return values;
}

/** Every `re` value of the public rules, with its flags (a leading `(?i)` made a flag). */
function publicPatterns(): [string, string][] {
  const patterns: [string, string][] = [];
  for (const folder of ['rules', 'rules-threat-hunting', 'rules-emerging-threats']) {
    for (const file of filesUnder(join(SIGMA, folder), /\.ya?ml$/)) {
      for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const rule: unknown = document.toJS();
        if (isObject(rule)) collectRe(rule['detection'], patterns);
      }
    }
  }
  return patterns;
}

function collectRe(node: unknown, into: [string, string][]): void {
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    const modifiers = key.split('|').slice(1);
    if (!modifiers.includes('re')) {
      collectRe(value, into);
      continue;
    }
    const named = modifiers.filter((modifier) => 'ims'.includes(modifier)).join('');
    for (const text of [value].flat()) {
      const leading = /^\(\?([ims]+)\)/.exec(String(text));
      const flags = [...new Set(named + (leading?.[1] ?? ''))].join('');
      into.push([String(text).slice(leading?.[0].length ?? 0), flags]);
    }
  }
}

/** Distinct string values of the regression samples and the shared JSON samples (< 1000). */
function eventValues(): string[] {
  const values = new Set<string>();
  const collect = (node: unknown): void => {
    if (typeof node === 'string' && node.length < 1000) values.add(node);
    else if (typeof node === 'object' && node !== null) Object.values(node).forEach(collect);
  };
  for (const file of filesUnder(join(SIGMA, 'regression_data'), /\.json$/)) {
    // Each file is pretty-printed events one after another.
    const text = readFileSync(file, 'utf8');
    for (const event of text.split(/(?<=^\})\s*\n(?=\{)/m)) collect(JSON.parse(event));
  }
  for (const file of filesUnder(SAMPLES, /\.json$/)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const line of lines) if (line.startsWith('{')) collect(JSON.parse(line));
  }
  return [...values];
}

function filesUnder(dir: string, name: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return names.filter((file) => name.test(file)).map((file) => join(dir, file));
}

function isObject(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}
