import { test } from 'node:test';
import assert from 'node:assert/strict';

import { compileQuery } from '../../src/query/compile.js';
import { formatQuery } from '../../src/query/format.js';
import {
  QUERY_MAX_CHARS,
  QUERY_MAX_DEPTH,
  QUERY_MAX_TERMS,
  REGEX_MAX_CHARS,
} from '../../src/query/limits.js';
import { parseQuery } from '../../src/query/parse.js';
import { queryFilter } from '../../src/query/record-row.js';
import { event } from '../synthetic.js';
import { cpuMs } from '../support/cpu-time.js';
import { parsed, problem } from './support.js';

test('parseQuery refuses a 10 MB query at once, naming the limit', () => {
  const text = 'a'.repeat(10 * 1024 * 1024);
  let error;
  const ms = cpuMs(() => (error = problem(text)));

  assert.deepEqual(error, {
    start: QUERY_MAX_CHARS,
    end: text.length,
    message: `query is ${text.length} characters long; the limit is ${QUERY_MAX_CHARS}`,
  });
  assert.ok(ms < 50, `${ms} ms`);
});

test('parseQuery reads a query of the largest size in linear time', () => {
  const words = 'x '.repeat(QUERY_MAX_CHARS / 2);
  assert.match(problem(words).message, new RegExp(`^more than ${QUERY_MAX_TERMS} terms`));

  const quoted = `"${'a\\"'.repeat((QUERY_MAX_CHARS - 2) / 3)}"`;
  const longWord = `Image:*${'a?'.repeat((QUERY_MAX_CHARS - 8) / 2)}`;
  for (const text of [quoted, longWord]) {
    assert.ok(text.length <= QUERY_MAX_CHARS);
    const ms = cpuMs(() => assert.equal(parseQuery(text).ok, true));
    assert.ok(ms < 500, `${ms} ms`);
  }
});

test('parseQuery refuses nesting past QUERY_MAX_DEPTH without using the stack up', () => {
  const deep = (levels: number) => '('.repeat(levels) + 'a' + ')'.repeat(levels);
  assert.equal(parsed(deep(QUERY_MAX_DEPTH)).kind, 'term');
  assert.deepEqual(problem(deep(QUERY_MAX_DEPTH + 1)), {
    start: QUERY_MAX_DEPTH,
    end: QUERY_MAX_DEPTH + 1,
    message: `parentheses and negations nest deeper than ${QUERY_MAX_DEPTH} at column ${QUERY_MAX_DEPTH + 1}`,
  });

  const huge = '('.repeat(QUERY_MAX_CHARS / 2) + 'a' + ')'.repeat(QUERY_MAX_CHARS / 2 - 1);
  assert.match(problem(huge).message, /nest deeper than/);
  assert.match(problem('-'.repeat(1000) + 'a').message, /nest deeper than/);
  assert.match(problem('NOT '.repeat(1000) + 'a').message, /nest deeper than/);
  assert.match(problem(')'.repeat(1000)).message, /^expected a term before \)/);
});

test('parseQuery accepts exactly QUERY_MAX_TERMS terms', () => {
  const terms = (count: number) => Array.from({ length: count }, (_, i) => `f:${i}`).join(' OR ');
  const ast = parsed(terms(QUERY_MAX_TERMS));
  assert.equal(ast.kind === 'or' && ast.children.length, QUERY_MAX_TERMS);
  assert.match(problem(terms(QUERY_MAX_TERMS + 1)).message, /^more than 1024 terms/);
});

test('parseQuery refuses what cannot run in linear time, and oversized regular expressions', () => {
  const lookahead = problem('CommandLine:/a(?=b)/');
  assert.deepEqual([lookahead.start, lookahead.end], [12, 20]);
  assert.match(lookahead.message, /a lookahead or lookbehind cannot run in linear time/);
  // With `u` the pattern stays with RegExp (the matcher reads no `u`): exponential shapes refused.
  assert.match(problem('CommandLine:/(a+)+$/u').message, /exponential time/);

  const long = `x:/${'a'.repeat(REGEX_MAX_CHARS + 1)}/`;
  assert.match(problem(long).message, /^regular expression is 513 characters long/);
});

test('compiled queries stay fast on long hostile values', () => {
  const value = 'a'.repeat(1_000_000);
  const record = event({ data: { CommandLine: value, Image: value } });
  const queries = [
    `Image:*${'a*'.repeat(100)}b`,
    `${'a?'.repeat(50)}b*`,
    'CommandLine:/ab+c/',
    `CommandLine:/(?:ab){2,}$/`,
    'CommandLine:/(a+)+b$/',
    'CommandLine:/.*.*.*.*=$/',
    'CommandLine:/(x|xx)+y/',
  ];

  for (const text of queries) {
    const filter = queryFilter(parsed(text));
    const ms = cpuMs(() => assert.equal(filter(record), false, text));
    assert.ok(ms < 1000, `${text.slice(0, 30)}: ${ms} ms`);
  }
});

test('parseQuery never throws on random garbage, and what parses formats and compiles', () => {
  const alphabet = ['a', 'B', ':', '"', '\\', '(', ')', '-', '*', '?', '/', '[', ']', '{', '}'];
  alphabet.push(' ', '>', '<', '=', '.', 'TO', 'OR', 'AND', 'NOT', '1', '2024-05-01', 'i');
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);

  let parsedCount = 0;
  for (let round = 0; round < 5000; round++) {
    const length = next() % 12;
    const text = Array.from({ length }, () => alphabet[next() % alphabet.length]).join('');
    const result = parseQuery(text);
    if (!result.ok) {
      assert.ok(result.error.start >= 0 && result.error.end <= text.length, text);
      assert.ok(result.error.start <= result.error.end, text);
      continue;
    }
    parsedCount++;
    const again = parseQuery(formatQuery(result.ast));
    assert.ok(again.ok, `${text} formatted as ${formatQuery(result.ast)}`);
    assert.equal(typeof compileQuery(result.ast), 'function');
  }
  assert.ok(parsedCount > 1000, `${parsedCount} parsed`);
});
