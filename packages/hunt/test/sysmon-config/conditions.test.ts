import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  CONDITION_OPERATORS,
  conditionOperator,
  foldCase,
  matchesCondition,
  type ConditionOperator,
} from '../../src/sysmon-config/conditions.js';

const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';

/** [operator, rule value, field value, expected] */
type Case = [ConditionOperator, string, string, boolean];

function check(cases: readonly Case[]): void {
  for (const [operator, rule, field, expected] of cases) {
    const label = `${JSON.stringify(field)} ${operator} ${JSON.stringify(rule)}`;
    assert.equal(matchesCondition(operator, rule, field), expected, label);
  }
}

test('conditionOperator reads every Sysmon spelling, ignoring case, and nothing else', () => {
  assert.equal(CONDITION_OPERATORS.length, 16);
  for (const operator of CONDITION_OPERATORS) assert.equal(conditionOperator(operator), operator);

  assert.equal(conditionOperator('Contains'), 'contains');
  assert.equal(conditionOperator('BEGIN WITH'), 'begin with');
  assert.equal(conditionOperator('beginwith'), undefined);
  assert.equal(conditionOperator('regex'), undefined);
  assert.equal(conditionOperator(' is'), undefined);
});

test('matchesCondition: is and is not compare whole values without case', () => {
  check([
    ['is', POWERSHELL, POWERSHELL.toUpperCase(), true],
    ['is', 'powershell.exe', POWERSHELL, false],
    ['is', 'tcp', 'tcp ', false],
    ['is', '', '', true],
    ['is not', POWERSHELL, POWERSHELL.toLowerCase(), false],
    ['is not', 'cmd.exe', POWERSHELL, true],
  ]);
});

test('matchesCondition: is any splits on ; and compares each part whole', () => {
  check([
    ['is any', '80;443;8080', '443', true],
    ['is any', '80;443;8080', '44', false],
    ['is any', 'TCP;UDP', 'udp', true],
    ['is any', '80; 443', '443', false],
    ['is any', '80; 443', ' 443', true],
    ['is any', '80;;443', '', true],
  ]);
});

test('matchesCondition: contains, excludes and their any/all forms', () => {
  check([
    ['contains', 'POWERSHELL', POWERSHELL, true],
    ['contains', 'pwsh', POWERSHELL, false],
    ['contains', '', 'x', true],
    ['contains', '', '', false],
    ['excludes', 'pwsh', POWERSHELL, true],
    ['excludes', 'powershell', POWERSHELL, false],
    ['excludes', 'x', '', true],
    ['contains any', 'pwsh.exe;powershell.exe', POWERSHELL, true],
    ['contains any', 'pwsh.exe;cmd.exe', POWERSHELL, false],
    ['contains all', 'System32;powershell', POWERSHELL, true],
    ['contains all', 'System32;cmd', POWERSHELL, false],
    ['excludes any', 'pwsh.exe;cmd.exe', POWERSHELL, true],
    ['excludes any', 'pwsh.exe;powershell.exe', POWERSHELL, false],
    ['excludes all', 'System32;cmd', POWERSHELL, true],
    ['excludes all', 'System32;powershell', POWERSHELL, false],
  ]);
});

test('matchesCondition: an empty list part searches for the rest of the value, as Sysmon does', () => {
  check([
    // A trailing ';' leaves an empty last part, which then matches any non-empty field.
    ['contains any', 'pwsh.exe;', POWERSHELL, true],
    ['contains any', 'pwsh.exe;', '', false],
    // In 'a;;b' the empty part searches for ';b'.
    ['contains any', 'zzz;;qqq', POWERSHELL, false],
    ['contains any', 'zzz;;qqq', 'x;qqq', true],
    ['contains all', 'a;;', 'abc', false],
    ['contains all', 'a;;', 'a;c', true],
  ]);
});

test('matchesCondition: begin with, end with and their negations', () => {
  check([
    ['begin with', 'c:\\windows\\', POWERSHELL, true],
    ['begin with', 'C:\\Users', POWERSHELL, false],
    ['begin with', 'C:\\Windows\\System32\\x', 'C:\\Windows', false],
    ['begin with', '', 'anything', true],
    ['not begin with', 'C:\\Users', POWERSHELL, true],
    ['not begin with', 'C:\\WINDOWS', POWERSHELL, false],
    ['end with', 'PowerShell.EXE', POWERSHELL, true],
    ['end with', '\\cmd.exe', POWERSHELL, false],
    ['end with', 'long.exe', 'g.exe', false],
    ['not end with', '.dll', POWERSHELL, true],
    ['not end with', '.exe', POWERSHELL, false],
  ]);
});

test('matchesCondition: less than and more than compare text, not numbers', () => {
  check([
    ['less than', '443', '1000', true],
    ['more than', '443', '1000', false],
    ['less than', '443', '80', false],
    ['more than', '443', '80', true],
    ['less than', 'B', 'a', true],
    ['more than', 'b', 'B', false],
    ['less than', '443', '443', false],
  ]);
});

test('matchesCondition: image matches the file name, or the whole path when the rule has one', () => {
  check([
    ['image', 'powershell.exe', POWERSHELL, true],
    ['image', 'PowerShell.exe', POWERSHELL, true],
    ['image', 'shell.exe', POWERSHELL, false],
    ['image', POWERSHELL.toLowerCase(), POWERSHELL, true],
    ['image', 'v1.0\\powershell.exe', POWERSHELL, false],
    ['image', 'cmd.exe', 'cmd.exe', true],
  ]);
});

test('foldCase lowers one UTF-16 unit at a time and keeps letters whose lower case is longer', () => {
  assert.equal(foldCase('ÄBC'), 'äbc');
  assert.equal(foldCase('\u0130x'), '\u0130x');
  assert.equal(foldCase('\u{10400}'), '\u{10400}');
  assert.equal(matchesCondition('is', 'ÖL.EXE', 'öl.exe'), true);
});
