import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { QueryNode } from '../../src/query/ast.js';
import { formatQuery, quoteText } from '../../src/query/format.js';
import type { QueryOptions } from '../../src/query/parse.js';
import { parsed, shape, withoutRanges } from './support.js';

/** Formats the parse of `text`; checks that the result parses back to the same tree. */
function canonical(text: string, options: QueryOptions = {}): string {
  const tree = shape(text, options);
  const formatted = formatQuery(tree);
  assert.deepEqual(shape(formatted, options), tree, `${text} -> ${formatted}`);
  return formatted;
}

test('formatQuery writes canonical text', () => {
  const cases: [string, string][] = [
    ['', ''],
    ['  a   b  ', 'a b'],
    ['a AND b', 'a b'],
    ['(a OR b) AND c', '(a OR b) c'],
    ['a OR (b c)', 'a OR b c'],
    ['((a))', 'a'],
    ['NOT a', '-a'],
    ['NOT (a b)', '-(a b)'],
    ['-(a OR b)', '-(a OR b)'],
    ['--a', '--a'],
    ['EVENTID:3 time:>2024-05-01', 'eventId:3 timeCreated:>2024-05-01'],
    ['x:10..20', 'x:[10 TO 20]'],
    ['x:[ 1 to * }', 'x:[1 TO *}'],
    ['x:{* TO 2024-05-01T10:00Z]', 'x:{* TO 2024-05-01T10:00Z]'],
    ['Image:"C:\\Windows\\cmd.exe"', 'Image:C:\\Windows\\cmd.exe'],
    ['Image:"C:\\Program Files\\x.exe"', 'Image:"C:\\Program Files\\x.exe"'],
    ['"word"', 'word'],
    ['x:/a\\/b/i', 'x:/a\\/b/i'],
    ['Image:*', 'Image:*'],
    ['Image:*\\a?.exe', 'Image:*\\a?.exe'],
    ['C:\\Temp', '"C:\\Temp"'],
  ];

  for (const [text, expected] of cases) assert.equal(canonical(text), expected, text);
});

test('formatQuery quotes values that would read differently bare', () => {
  const cases: [string, string][] = [
    ['x:"*"', 'x:"*"'],
    ['x:"a?"', 'x:"a?"'],
    ['x:""', 'x:""'],
    ['x:"2024-05-01"', 'x:"2024-05-01"'],
    ['x:"1..2"', 'x:"1..2"'],
    ['x:">5"', 'x:">5"'],
    ['x:"/a/"', 'x:"/a/"'],
    ['x:"[1 TO 2]"', 'x:"[1 TO 2]"'],
    ['x:"a)b"', 'x:"a)b"'],
    ['x:"say \\"hi\\""', 'x:"say \\"hi\\""'],
    ['x:"end\\\\"', 'x:end\\'],
    ['"-enc"', '"-enc"'],
    ['"OR"', '"OR"'],
    ['"NOT"', '"NOT"'],
    ['"a:b"', '"a:b"'],
    ['"a b"', '"a b"'],
    ['"/c"', '/c'],
  ];

  for (const [text, expected] of cases) assert.equal(canonical(text), expected, text);
});

test('formatQuery keeps regex-mode words as words where it can', () => {
  const options = { regexMode: true };
  assert.equal(canonical('power.*-enc', options), 'power.*-enc');
  assert.equal(canonical('"(a|b)c"', options), '"(a|b)c"');
  assert.equal(canonical('"\\\\d+"', options), '\\d+');
});

test('formatQuery escapes slashes in a hand-built regular expression', () => {
  const tree: QueryNode = {
    kind: 'term',
    field: 'x',
    match: { kind: 'regex', source: 'a/b[/]\\/', flags: 'i' },
  };
  const text = formatQuery(tree);
  assert.equal(text, 'x:/a\\/b[/]\\//i');
  const back = parsed(text);
  assert.deepEqual(withoutRanges(back), {
    kind: 'term',
    field: 'x',
    match: { kind: 'regex', source: 'a\\/b[/]\\/', flags: 'i' },
  });
});

test('formatQuery is stable: formatting the parse of canonical text changes nothing', () => {
  const queries = [
    'eventId:3 Initiated:true -DestinationIp:10.* (DestinationPort:443 OR DestinationPort:8443)',
    'CommandLine:/-(e|enc|encodedcommand)\\s/i NOT User:"NT AUTHORITY\\SYSTEM"',
    'time:[2024-05-01T10:00Z TO 2024-05-01T11:00Z} computer:ws?? OR -level:4',
    'a OR b OR (c -(d OR e) f:>=0x10)',
  ];
  for (const text of queries) {
    const once = canonical(text);
    assert.equal(formatQuery(parsed(once)), once, text);
  }
});

test('quoteText escapes quotes, and backslashes only where they would be misread', () => {
  assert.equal(quoteText('plain'), '"plain"');
  assert.equal(quoteText('C:\\a b\\c'), '"C:\\a b\\c"');
  assert.equal(quoteText('a"b'), '"a\\"b"');
  assert.equal(quoteText('a\\"b'), '"a\\\\\\"b"');
  assert.equal(quoteText('a\\\\b'), '"a\\\\\\b"');
  assert.equal(quoteText('end\\'), '"end\\\\"');
  assert.equal(quoteText(''), '""');
});
