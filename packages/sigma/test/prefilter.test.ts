import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseCondition } from '../src/condition.js';
import { parseModifiers } from '../src/modifiers.js';
import { EventView, FieldTable } from '../src/fields.js';
import { SigmaRuleSet } from '../src/index.js';
import { FieldLiterals } from '../src/literals.js';
import { conditionNeed, RuleIndex, type Need } from '../src/prefilter.js';
import { compileEntry, type Scalar } from '../src/values.js';
import { fires, oneRule, ruleText, sysmon } from './support.js';

/** The need of one entry of a Sysmon 1 rule, as the texts of its literals. */
function need(key: string, values: Scalar[]): string[] | undefined {
  const table = new FieldTable(undefined);
  const literals = new FieldLiterals();
  const context = { table, literals, placeholders: new Map(), linearRegexFallback: false };
  const [field = '', ...modifiers] = key.split('|');
  const entry = compileEntry(field, parseModifiers(modifiers), values, context);
  return entry.need?.ids.map((id) => literals.describe(id));
}

test('compileEntry: each value brings a literal it needs; an entry with one that does not needs nothing', () => {
  assert.deepEqual(need('Image|endswith', ['\\CertUtil.exe', '\\dir\\a.exe']), [
    'endswith \\certutil.exe',
    'endswith \\dir\\a.exe',
  ]);
  assert.deepEqual(need('OriginalFileName', ['CertUtil.exe']), ['exact certutil.exe']);
  assert.deepEqual(need('CommandLine|contains', ['-Decode', 'X']), [
    'contains -decode',
    'contains x',
  ]);
  assert.deepEqual(need('CommandLine|startswith', ['cmd']), ['startswith cmd']);
  assert.deepEqual(need('Image|cased|endswith', ['\\A.exe']), ['endswith \\A.exe (cased)']);
  // A wildcard value needs its longest plain piece anywhere.
  assert.deepEqual(need('CommandLine', ['*\\ab*.exe -x']), ['contains .exe -x']);
  assert.deepEqual(need('CommandLine|contains', ['a', '*']), undefined);
  assert.equal(need('User|neq', ['a']), undefined);
  assert.equal(need('User', [null, 'a']), undefined);
  assert.equal(need('CommandLine|re', ['abc']), undefined);
  // Of `all`, one literal will do: the least common guess (a long one found anywhere).
  assert.deepEqual(need('CommandLine|contains|all', ['ab', 'abcdefgh']), ['contains abcdefgh']);
});

test('conditionNeed: AND takes the rarest, OR needs every side, NOT needs nothing', () => {
  const a: Need = { ids: [0], cost: 1 };
  const b: Need = { ids: [1, 2], cost: 2 };
  const ids = new Map<string, Need>([
    ['sel_a', a],
    ['sel_b', b],
    ['filter', undefined],
  ]);
  assert.equal(conditionNeed(parseCondition('sel_a and not filter'), ids), a);
  assert.deepEqual(conditionNeed(parseCondition('sel_a or sel_b'), ids), {
    ids: [0, 1, 2],
    cost: 3,
  });
  assert.equal(conditionNeed(parseCondition('sel_a or filter'), ids), undefined);
  assert.equal(conditionNeed(parseCondition('not sel_a'), ids), undefined);
  assert.deepEqual(conditionNeed(parseCondition('1 of sel_*'), ids), { ids: [0, 1, 2], cost: 3 });
  assert.equal(conditionNeed(parseCondition('sel_b and sel_a'), ids), a);
  assert.equal(conditionNeed(parseCondition('all of sel_* and filter'), ids), a);
});

test('an indexed rule still fires by either of its alternatives, and only then', () => {
  const set = oneRule(
    "selection_img:\n  - Image|endswith: '\\certutil.exe'\n  - OriginalFileName: 'CertUtil.exe'\nselection_cli:\n  CommandLine|contains: 'decode'\ncondition: all of selection_*",
  );
  assert.equal(fires(set, sysmon({ Image: 'C:\\X\\CERTUTIL.EXE', CommandLine: '-decode' })), true);
  assert.equal(
    fires(
      set,
      sysmon({
        Image: 'C:\\renamed.exe',
        OriginalFileName: 'certutil.exe',
        CommandLine: '-decode',
      }),
    ),
    true,
  );
  assert.equal(fires(set, sysmon({ Image: 'C:\\renamed.exe', CommandLine: '-decode' })), false);
});

test('a rule needing a piece of a wildcard value is tried when the piece is there', () => {
  const set = oneRule(
    "selection:\n  CommandLine|contains: 'vssadmin*delete*shadows'\ncondition: selection",
  );
  assert.equal(fires(set, sysmon({ CommandLine: 'VSSADMIN.exe Delete Shadows /all' })), true);
  assert.equal(fires(set, sysmon({ CommandLine: 'vssadmin.exe delete' })), false);
  const all = oneRule(
    "selection:\n  CommandLine|contains|all:\n    - 'net*user'\n    - 'add?x'\ncondition: selection",
  );
  assert.equal(fires(all, sysmon({ CommandLine: 'NET.exe USER bob /ADD  x' })), false);
  assert.equal(fires(all, sysmon({ CommandLine: 'NET.exe USER bob /ADD?X' })), true);
  assert.equal(fires(all, sysmon({ CommandLine: 'NET.exe bob /ADD?X' })), false);
});

test('literals are found past ASCII: the value is lower-cased the way String.toLowerCase does', () => {
  // The Kelvin sign lower-cases to an ASCII k; a dotted capital I to i and a combining dot.
  const set = oneRule("selection:\n  CommandLine|contains: 'kill'\ncondition: selection");
  assert.equal(fires(set, sysmon({ CommandLine: '\u212AILL' })), true);
  const dotted = oneRule("selection:\n  CommandLine|endswith: 'i\u0307x'\ncondition: selection");
  assert.equal(fires(dotted, sysmon({ CommandLine: 'É\u0130X' })), true);
  assert.equal(fires(dotted, sysmon({ CommandLine: 'É\u0130Xy' })), false);
});

test('RuleIndex: candidates come in rule order, the always-tried ones among them', () => {
  const literals = new FieldLiterals();
  const ids = ['a', 'b', 'c'].map((text) => literals.add(0, 'exact', text, false));
  const table = new FieldTable(undefined);
  table.slot('Value');
  const needs: Need[] = [
    { ids: [ids[2]!], cost: 1 },
    undefined,
    { ids: [ids[0]!, ids[2]!], cost: 1 },
    { ids: [ids[1]!], cost: 1 },
  ];
  const index = new RuleIndex(needs);
  const candidates = (value: string) => {
    literals.scan(new EventView(table, sysmon({ Value: value })));
    const count = index.candidates(literals);
    return Array.from({ length: count }, (_, at) => index.candidate(at));
  };
  assert.deepEqual(candidates('c'), [0, 1, 2]);
  assert.deepEqual(candidates('b'), [1, 3]);
  assert.deepEqual(candidates('x'), [1]);
});

test('many rules matching one event are reported in the order they loaded', () => {
  const count = 70;
  const rules = Array.from({ length: count }, (_, at) => ({
    file: `r${String(at).padStart(2, '0')}.yml`,
    text: ruleText(`selection:\n  CommandLine|contains: 'word${at % 3}'\ncondition: selection`),
  }));
  const set = new SigmaRuleSet(rules.reverse());
  const files = set
    .match(sysmon({ CommandLine: 'word0 word1 word2' }))
    .map(({ rule }) => rule.file);
  assert.deepEqual(
    files,
    rules.map(({ file }) => file),
  );
  assert.equal(set.match(sysmon({ CommandLine: 'word1' })).length, 23);
});
