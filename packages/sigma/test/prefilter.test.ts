import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseCondition } from '../src/condition.js';
import { parseModifiers } from '../src/modifiers.js';
import { conditionNeed, entryNeed, type Need } from '../src/prefilter.js';
import { fires, oneRule, sysmon } from './support.js';

const keys = (need: Need) =>
  need?.map((requirement) => [
    requirement.slot,
    [...requirement.exact],
    [...requirement.baseNames],
  ]);

test('entryNeed: plain and \\name values need a value; anything else needs nothing', () => {
  const endswith = entryNeed(0, parseModifiers(['endswith']), ['\\CertUtil.exe', '\\a.exe']);
  assert.deepEqual(keys(endswith), [[0, [], ['\\certutil.exe', '\\a.exe']]]);
  assert.deepEqual(keys(entryNeed(1, parseModifiers([]), ['CertUtil.exe'])), [
    [1, ['certutil.exe'], []],
  ]);
  assert.equal(entryNeed(0, parseModifiers(['endswith']), ['\\dir\\a.exe']), undefined);
  assert.equal(entryNeed(0, parseModifiers(['contains']), ['\\a.exe']), undefined);
  assert.equal(entryNeed(0, parseModifiers(['endswith', 'cased']), ['\\a.exe']), undefined);
  assert.equal(entryNeed(0, parseModifiers(['neq']), ['a']), undefined);
  assert.equal(entryNeed(0, parseModifiers([]), [null]), undefined);
});

test('conditionNeed: AND takes the narrowest, OR needs every side, NOT needs nothing', () => {
  const a: Need = [{ slot: 0, exact: new Set(['a']), baseNames: new Set() }];
  const b: Need = [{ slot: 1, exact: new Set(['b']), baseNames: new Set() }];
  const ids = new Map<string, Need>([
    ['sel_a', a],
    ['sel_b', b],
    ['filter', undefined],
  ]);
  assert.equal(conditionNeed(parseCondition('sel_a and not filter'), ids), a);
  assert.deepEqual(conditionNeed(parseCondition('sel_a or sel_b'), ids), [...a, ...b]);
  assert.equal(conditionNeed(parseCondition('sel_a or filter'), ids), undefined);
  assert.equal(conditionNeed(parseCondition('not sel_a'), ids), undefined);
  assert.deepEqual(conditionNeed(parseCondition('1 of sel_*'), ids), [...a, ...b]);
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
