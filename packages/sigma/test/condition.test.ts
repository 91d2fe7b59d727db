import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { EventRecord, FieldSourceRecord } from '@evtxhunt/hunt';

import { identifiersOf, parseCondition, SigmaRuleSet } from '../src/index.js';
import { fires, loadFailure, oneRule, ruleText, sysmon } from './support.js';

test('parseCondition: or binds least, then and, then not', () => {
  assert.deepEqual(parseCondition('a or b and not c'), {
    kind: 'or',
    operands: [
      { kind: 'id', name: 'a' },
      {
        kind: 'and',
        operands: [
          { kind: 'id', name: 'b' },
          { kind: 'not', operand: { kind: 'id', name: 'c' } },
        ],
      },
    ],
  });
  assert.deepEqual(parseCondition('(a or b) and c').kind, 'and');
  assert.deepEqual(parseCondition('not 1 of filter*'), {
    kind: 'not',
    operand: { kind: 'of', quantifier: 'one', pattern: 'filter*' },
  });
  assert.deepEqual(parseCondition('all of them'), {
    kind: 'of',
    quantifier: 'all',
    pattern: 'them',
  });
});

test('parseCondition: errors name the column', () => {
  const error = (text: string) => {
    try {
      parseCondition(text);
      return 'parsed';
    } catch (caught) {
      return (caught as Error).message;
    }
  };
  assert.equal(
    error('a and'),
    'bad condition at column 6: expected a search identifier, "1 of", "all of", "not" or "(", found the end',
  );
  assert.equal(
    error('a b'),
    `bad condition at column 3: expected "and", "or" or the end, found 'b'`,
  );
  assert.equal(error('(a or b'), 'bad condition at column 8: expected ")", found the end');
  assert.equal(
    error('a and or b'),
    `bad condition at column 7: expected a search identifier, found 'or'`,
  );
  assert.match(error('selection | count() > 5'), /column 11: aggregations/);
});

test('identifiersOf: wildcards anywhere; them leaves out names starting with _', () => {
  const names = ['selection_img', 'selection_cli', 'filter_main', '_helper'];
  assert.deepEqual(identifiersOf('selection_*', names), ['selection_img', 'selection_cli']);
  assert.deepEqual(identifiersOf('*_main', names), ['filter_main']);
  assert.deepEqual(identifiersOf('them', names), ['selection_img', 'selection_cli', 'filter_main']);
});

const DETECTION = `selection_img:
  Image|endswith: '\\certutil.exe'
selection_cli:
  CommandLine|contains: 'decode'
filter_main:
  ParentImage|endswith: '\\trusted.exe'
filter_other:
  User: 'svc'`;

test('conditions over a rule: 1 of, all of, not, parentheses', () => {
  const run = (condition: string, data: Record<string, string>) =>
    fires(oneRule(`${DETECTION}\ncondition: ${condition}`), sysmon(data));
  const hit = { Image: 'C:\\certutil.exe', CommandLine: 'certutil -decode a b', ParentImage: 'x' };
  assert.equal(run('all of selection_* and not 1 of filter_*', hit), true);
  assert.equal(run('all of selection_* and not 1 of filter_*', { ...hit, User: 'SVC' }), false);
  assert.equal(run('all of selection_*', { ...hit, CommandLine: 'x' }), false);
  assert.equal(run('1 of selection_*', { ...hit, CommandLine: 'x' }), true);
  assert.equal(
    run('selection_img and (selection_cli or filter_other)', {
      ...hit,
      CommandLine: 'x',
      User: 'svc',
    }),
    true,
  );
  assert.equal(run('not selection_img and selection_cli', hit), false);
  assert.equal(run('not (selection_img and selection_cli)', hit), false);
  assert.equal(run('all of them', { ...hit, ParentImage: 'C:\\trusted.exe', User: 'svc' }), true);
});

test('a condition list is OR; unknown identifiers and empty patterns do not load', () => {
  const set = oneRule(
    `${DETECTION}\ncondition:\n  - selection_cli and filter_other\n  - selection_img`,
  );
  assert.equal(fires(set, sysmon({ Image: 'x\\certutil.exe' })), true);
  assert.equal(fires(set, sysmon({ Image: 'x' })), false);
  assert.equal(
    loadFailure(`${DETECTION}\ncondition: selection`),
    "condition names unknown search identifier 'selection'",
  );
  assert.equal(
    loadFailure(`${DETECTION}\ncondition: 1 of keyword*`),
    "condition pattern 'keyword*' names no search identifier",
  );
});

test('keywords search every value of the event; lists of maps are OR', () => {
  const keywords = oneRule("keywords:\n  - 'event::clear'\n  - 'event::drop'\ncondition: keywords");
  assert.equal(fires(keywords, sysmon({ CommandLine: 'mimikatz EVENT::Clear' })), true);
  assert.equal(fires(keywords, sysmon({ CommandLine: 'mimikatz' })), false);
  const all = oneRule(
    "keywords:\n  '|all':\n    - 'OabVirtualDirectory'\n    - ' -ExternalUrl '\ncondition: keywords",
  );
  assert.equal(fires(all, sysmon({ A: 'Set-OabVirtualDirectory', B: 'x -ExternalUrl y' })), true);
  assert.equal(fires(all, sysmon({ A: 'Set-OabVirtualDirectory' })), false);
  const maps = oneRule(
    "selection:\n  - Image|endswith: '\\example.exe'\n  - Description|contains: 'Test executable'\ncondition: selection",
  );
  assert.equal(fires(maps, sysmon({ Description: 'a Test executable' })), true);
  assert.equal(fires(maps, sysmon({ Image: 'other.exe' })), false);
});

test('keywords search every value of a record read by name, fields no rule names too', () => {
  const set = new SigmaRuleSet([
    { file: 'k.yml', text: ruleText("keywords: ['event::clear']\ncondition: keywords") },
    { file: 'i.yml', text: ruleText("selection: {Image|endswith: 'x.exe'}\ncondition: selection") },
  ]);
  const whole = sysmon({ Image: 'C:\\a.exe', CommandLine: 'mimikatz EVENT::Clear' });
  const asked: (readonly string[])[] = [];
  const { data, ...facts } = whole;
  const byName: FieldSourceRecord = {
    ...facts,
    withFields: (names) => {
      asked.push(names);
      const some = names.flatMap((name) => (Object.hasOwn(data, name) ? [[name, data[name]]] : []));
      return { ...facts, data: Object.fromEntries(some) as EventRecord['data'] };
    },
    dataValues: () => Object.values(data).flat(),
  };
  const titles = (record: EventRecord | FieldSourceRecord) =>
    set.match(record).map((match) => match.rule.file);
  assert.deepEqual(titles(whole), ['k.yml']);
  assert.deepEqual(titles(byName), ['k.yml']);
  assert.deepEqual(asked, [['Image']]);
});
