import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseQuery } from '../../src/query/parse.js';
import { parsed, problem, shape } from './support.js';

const word = (value: string) => ({ kind: 'term', match: { kind: 'text', value } });
const fieldIs = (field: string, value: string) => ({
  kind: 'term',
  field,
  match: { kind: 'text', value },
});

test('parseQuery reads the empty and blank query as all', () => {
  assert.deepEqual(parsed(''), { kind: 'all' });
  assert.deepEqual(parsed('  \t\n '), { kind: 'all' });
});

test('parseQuery reads bare words, quoted phrases and field values', () => {
  assert.deepEqual(shape('rundll32'), word('rundll32'));
  assert.deepEqual(shape('"Program Files"'), word('Program Files'));
  assert.deepEqual(shape('Image:C:\\x\\a.exe'), fieldIs('Image', 'C:\\x\\a.exe'));
  assert.deepEqual(shape('Image:"C:\\a b\\c.exe"'), fieldIs('Image', 'C:\\a b\\c.exe'));
  assert.deepEqual(shape('DestinationHostname:""'), fieldIs('DestinationHostname', ''));
});

test('parseQuery unescapes only \\" and \\\\ in quotes', () => {
  assert.deepEqual(shape('x:"say \\"hi\\""'), fieldIs('x', 'say "hi"'));
  assert.deepEqual(shape('x:"C:\\Temp\\\\"'), fieldIs('x', 'C:\\Temp\\'));
  assert.deepEqual(shape('x:"a\\nb\\\\\\\\c"'), fieldIs('x', 'a\\nb\\\\c'));
  assert.deepEqual(shape('"(a OR b)"'), word('(a OR b)'));
});

test('parseQuery reads wildcards, existence and times in unquoted values only', () => {
  assert.deepEqual(shape('Image:*\\rundll32.exe'), {
    kind: 'term',
    field: 'Image',
    match: { kind: 'glob', pattern: '*\\rundll32.exe' },
  });
  assert.deepEqual(shape('cmd?.exe'), {
    kind: 'term',
    match: { kind: 'glob', pattern: 'cmd?.exe' },
  });
  assert.deepEqual(shape('Image:*'), { kind: 'term', field: 'Image', match: { kind: 'exists' } });
  assert.deepEqual(shape('Image:"*"'), fieldIs('Image', '*'));
  assert.deepEqual(shape('"a*b"'), word('a*b'));
  assert.deepEqual(shape('UtcTime:"2024-05-01"'), fieldIs('UtcTime', '2024-05-01'));
  assert.deepEqual(shape('UtcTime:2024-05-01'), {
    kind: 'term',
    field: 'UtcTime',
    match: {
      kind: 'time',
      bound: {
        kind: 'time',
        text: '2024-05-01',
        start: Date.UTC(2024, 4, 1),
        end: Date.UTC(2024, 4, 2),
      },
    },
  });
});

test('parseQuery reads comparisons on numbers and times', () => {
  const cases: [string, string, string, number][] = [
    ['DestinationPort:>1024', '>', '1024', 1024],
    ['DestinationPort:>=1024', '>=', '1024', 1024],
    ['x:<-2.5', '<', '-2.5', -2.5],
    ['x:<=0x1F', '<=', '0x1F', 31],
    ['x:>1e3', '>', '1e3', 1000],
  ];
  for (const [text, operator, boundText, value] of cases) {
    const field = text.slice(0, text.indexOf(':'));
    assert.deepEqual(
      shape(text),
      {
        kind: 'term',
        field,
        match: { kind: 'compare', operator, bound: { kind: 'number', text: boundText, value } },
      },
      text,
    );
  }

  const time = shape('time:>2024-05-01T10:00Z');
  assert.deepEqual(time, {
    kind: 'term',
    field: 'timeCreated',
    match: {
      kind: 'compare',
      operator: '>',
      bound: {
        kind: 'time',
        text: '2024-05-01T10:00Z',
        start: Date.UTC(2024, 4, 1, 10, 0),
        end: Date.UTC(2024, 4, 1, 10, 1),
      },
    },
  });
});

test('parseQuery reads ranges with brackets, braces, open ends and dots', () => {
  const ten = { kind: 'number', text: '10', value: 10 };
  const twenty = { kind: 'number', text: '20', value: 20 };
  const range = (low: unknown, lowInclusive: boolean, high: unknown, highInclusive: boolean) => {
    const match = { kind: 'range', low, lowInclusive, high, highInclusive };
    return JSON.parse(JSON.stringify({ kind: 'term', field: 'x', match }));
  };

  assert.deepEqual(shape('x:[10 TO 20]'), range(ten, true, twenty, true));
  assert.deepEqual(shape('x:{10 TO 20}'), range(ten, false, twenty, false));
  assert.deepEqual(shape('x:[ 10   to 20 }'), range(ten, true, twenty, false));
  assert.deepEqual(shape('x:[* TO 20]'), range(undefined, true, twenty, true));
  assert.deepEqual(shape('x:10..20'), range(ten, true, twenty, true));
  assert.deepEqual(shape('x:a..b'), fieldIs('x', 'a..b'));
  assert.deepEqual(shape('x:10..2024-05-01'), fieldIs('x', '10..2024-05-01'));

  const days = shape('time:2024-05-01..2024-05-03');
  assert.equal(days.kind === 'term' && days.match.kind, 'range');
});

test('parseQuery reads regular expressions with their flags, source as written', () => {
  assert.deepEqual(shape('CommandLine:/-e(nc)?\\s/i'), {
    kind: 'term',
    field: 'CommandLine',
    match: { kind: 'regex', source: '-e(nc)?\\s', flags: 'i' },
  });
  assert.deepEqual(shape('x:/a\\/b[/]/'), {
    kind: 'term',
    field: 'x',
    match: { kind: 'regex', source: 'a\\/b[/]', flags: '' },
  });
});

test('parseQuery in regex mode reads bare words and phrases as regular expressions', () => {
  const regex = (source: string) => ({
    kind: 'term',
    match: { kind: 'regex', source, flags: 'i' },
  });

  assert.deepEqual(shape('power.*-enc', { regexMode: true }), regex('power.*-enc'));
  assert.deepEqual(shape('"a b+"', { regexMode: true }), regex('a b+'));
  assert.deepEqual(shape('Image:*.exe', { regexMode: true }), {
    kind: 'term',
    field: 'Image',
    match: { kind: 'glob', pattern: '*.exe' },
  });
});

test('parseQuery binds AND tighter than OR and lets parentheses regroup', () => {
  assert.deepEqual(shape('a OR b c'), {
    kind: 'or',
    children: [word('a'), { kind: 'and', children: [word('b'), word('c')] }],
  });
  assert.deepEqual(shape('a b OR c'), {
    kind: 'or',
    children: [{ kind: 'and', children: [word('a'), word('b')] }, word('c')],
  });
  assert.deepEqual(shape('(a OR b) c'), {
    kind: 'and',
    children: [{ kind: 'or', children: [word('a'), word('b')] }, word('c')],
  });
  assert.deepEqual(shape('a AND b AND (c d)'), {
    kind: 'and',
    children: [word('a'), word('b'), word('c'), word('d')],
  });
  assert.deepEqual(shape('a OR (b OR c)'), {
    kind: 'or',
    children: [word('a'), word('b'), word('c')],
  });
  assert.deepEqual(shape('a(b)'), { kind: 'and', children: [word('a'), word('b')] });
});

test('parseQuery negates with - and NOT, binding to the next term or group', () => {
  assert.deepEqual(shape('-a b'), {
    kind: 'and',
    children: [{ kind: 'not', child: word('a') }, word('b')],
  });
  assert.deepEqual(shape('NOT a OR b'), {
    kind: 'or',
    children: [{ kind: 'not', child: word('a') }, word('b')],
  });
  assert.deepEqual(shape('-(a OR b)'), {
    kind: 'not',
    child: { kind: 'or', children: [word('a'), word('b')] },
  });
  assert.deepEqual(shape('--a'), { kind: 'not', child: { kind: 'not', child: word('a') } });
  assert.deepEqual(shape('NOT(a)'), { kind: 'not', child: word('a') });
  assert.deepEqual(shape('a-b'), word('a-b'));
  assert.deepEqual(shape('"-enc"'), word('-enc'));
});

test('parseQuery keywords are upper case only', () => {
  assert.deepEqual(shape('a or b'), { kind: 'and', children: [word('a'), word('or'), word('b')] });
  assert.deepEqual(shape('ORACLE'), word('ORACLE'));
  assert.deepEqual(shape('"OR"'), word('OR'));
});

test('parseQuery treats drive paths and URLs as words, not fields', () => {
  assert.deepEqual(shape('C:\\Windows\\Temp'), word('C:\\Windows\\Temp'));
  assert.deepEqual(shape('https://evil.example/x'), word('https://evil.example/x'));
  assert.deepEqual(shape('x:/a/'), {
    kind: 'term',
    field: 'x',
    match: { kind: 'regex', source: 'a', flags: '' },
  });
});

test('parseQuery spells System fields canonically and data fields as told', () => {
  const fieldOf = (text: string, fields?: readonly string[]) => {
    const node = parsed(text, fields === undefined ? {} : { fields });
    return node.kind === 'term' ? node.field : undefined;
  };

  assert.equal(fieldOf('EVENTID:3'), 'eventId');
  assert.equal(fieldOf('time:>2024-05-01'), 'timeCreated');
  assert.equal(fieldOf('TimeCreated:>2024-05-01'), 'timeCreated');
  assert.equal(fieldOf('Level:4'), 'level');
  assert.equal(fieldOf('image:x'), 'image');
  assert.equal(fieldOf('image:x', ['Image', 'DestinationIp']), 'Image');
  assert.equal(fieldOf('Computer:x', ['Computer']), 'computer');
});

test('parseQuery warns of fields no loaded event has, only when told the fields', () => {
  const result = parseQuery('Imgae:x eventId:3', { fields: ['Image'] });
  assert.ok(result.ok);
  assert.deepEqual(result.warnings, [
    { start: 0, end: 5, message: 'no loaded event has a field named Imgae' },
  ]);

  const untold = parseQuery('Imgae:x');
  assert.ok(untold.ok);
  assert.deepEqual(untold.warnings, []);
});

test('parseQuery records where each node was written', () => {
  const node = parsed('a  -(b OR c) x:1');
  assert.equal(node.kind, 'and');
  if (node.kind !== 'and') return;

  const [a, not, x] = node.children;
  assert.deepEqual(node.range, { start: 0, end: 16 });
  assert.deepEqual(a?.kind === 'term' && a.range, { start: 0, end: 1 });
  assert.deepEqual(not?.kind === 'not' && not.range, { start: 3, end: 12 });
  assert.deepEqual(not?.kind === 'not' && not.child.kind === 'or' && not.child.range, {
    start: 4,
    end: 12,
  });
  assert.deepEqual(x?.kind === 'term' && x.range, { start: 13, end: 16 });
});

test('parseQuery reports errors with their span and a message', () => {
  const cases: [string, number, number, string][] = [
    ['Image:"abc', 6, 10, 'unclosed quote at column 7'],
    ['"a\\"', 0, 4, 'unclosed quote at column 1; \\" is a quote inside the text, end with \\\\"'],
    ['(a OR b', 0, 7, 'unclosed ( at column 1'],
    ['a OR b)', 6, 7, 'unmatched ) at column 7'],
    ['()', 0, 2, 'empty parentheses at column 1'],
    ['a OR', 4, 4, 'the query ends where a term was expected at column 5'],
    ['OR a', 0, 2, 'expected a term before OR at column 1; quote "OR" to search for the word'],
    [
      'a AND OR b',
      6,
      8,
      'expected a term before OR at column 7; quote "OR" to search for the word',
    ],
    ['a NOT', 5, 5, 'the query ends where a term was expected at column 6'],
    ['- a', 0, 1, 'expected a term right after - at column 1'],
    ['(a OR )', 6, 7, 'expected a term before ) at column 7'],
    ['Image:', 0, 6, 'expected a value after Image: at column 7'],
    ['Image: x', 0, 6, 'expected a value after Image: at column 7'],
    ['Image:(a b)', 6, 7, 'Image: takes one value; write (Image:a OR Image:b)'],
    ['x:"a"b', 5, 6, 'expected a space or ) after the closing quote at column 6'],
    ['"a"b', 3, 4, 'expected a space or ) after the closing quote at column 4'],
    ['x:/a/gb', 2, 7, 'regular expression flag g is not supported; use i, m, s or u'],
    ['x:/a/ii', 2, 7, 'regular expression flag i is given twice'],
    ['x:/a/i,', 6, 7, 'expected a space or ) after the regular expression at column 7'],
    ['x:/abc', 2, 6, 'unclosed regular expression at column 3; quote a value that starts with /'],
    ['x:>', 2, 3, 'nothing after > at column 3; quote the value to match it as text'],
    ['x:[1 TO 2', 2, 9, 'unclosed range at column 3; expected ] or }'],
    ['x:[1 2]', 5, 6, 'expected TO in the range at column 6'],
    ['x:[1 TO ]', 8, 9, 'a range end is missing at column 9'],
    [
      'x:[* TO *]',
      2,
      10,
      'a range needs at least one end; field:* tests that the field is present',
    ],
    ['x:[1 TO 2024-05-01]', 2, 19, 'the ends of a range must both be numbers or both be times'],
    ['x:[1 TO 2]z', 10, 11, 'expected a space or ) after the range at column 11'],
  ];

  for (const [text, start, end, message] of cases) {
    assert.deepEqual(problem(text), { start, end, message }, text);
  }
});

test('parseQuery names bounds that are neither numbers nor times', () => {
  assert.deepEqual(problem('x:>abc'), {
    start: 2,
    end: 6,
    message:
      '"abc" is not a number or an ISO time such as 2024-05-01T10:00Z at column 3; ' +
      'quote the value to match it as text',
  });
  assert.equal(problem('x:>2024-02-30').message.startsWith('"2024-02-30" is not a number'), true);
  assert.equal(problem('x:[1 TO 2024-13-01]').message.startsWith('"2024-13-01" is not'), true);
});

test('parseQuery reports a bad regular expression with the engine reason and its span', () => {
  const error = problem('a CommandLine:/[a/ b');
  assert.deepEqual([error.start, error.end], [14, 18]);
  assert.match(error.message, /^bad regular expression \/\[a\/: /);
  assert.doesNotMatch(error.message, /Invalid regular expression/);

  const mode = problem('ok "(x+"', { regexMode: true });
  assert.deepEqual([mode.start, mode.end], [3, 8]);
  assert.match(mode.message, /^bad regular expression \/\(x\+\/: /);
});
