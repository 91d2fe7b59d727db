import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseArgs, type OptionSpec } from '../src/args.js';
import { UsageError } from '../src/errors.js';

const SPECS: OptionSpec[] = [
  { name: 'json', kind: 'flag' },
  { name: 'by', kind: 'value' },
  { name: 'where', kind: 'list' },
  { name: 'format', kind: 'value', choices: ['jsonl', 'xml'] },
  { name: 'help', kind: 'flag' },
];

test('parseArgs separates positionals, flags, values and repeated options', () => {
  const args = parseArgs(
    ['a.evtx', '--json', '--by', 'Image', 'dir', '--where=eventId=3', '--where', 'Image~x'],
    SPECS,
  );

  assert.deepEqual(args.positionals, ['a.evtx', 'dir']);
  assert.deepEqual([...args.flags], ['json']);
  assert.equal(args.values.get('by'), 'Image');
  assert.deepEqual(args.lists.get('where'), ['eventId=3', 'Image~x']);
});

test('parseArgs treats everything after -- as positional and -h as --help', () => {
  const args = parseArgs(['-h', '--', '--json', '-'], SPECS);

  assert.deepEqual(args.positionals, ['--json', '-']);
  assert.equal(args.flags.has('help'), true);
  assert.equal(args.flags.has('json'), false);
});

test('parseArgs takes a value that looks like an option when it follows a value option', () => {
  assert.equal(parseArgs(['--by', '--json'], SPECS).values.get('by'), '--json');
});

test('parseArgs rejects misuse with a message naming the option', () => {
  const cases: [string[], RegExp][] = [
    [['--nope'], /unknown option '--nope'/],
    [['-x'], /unknown option '-x'/],
    [['--by'], /option '--by' needs a value/],
    [['--json=yes'], /option '--json' takes no value/],
    [['--format', 'csv'], /option '--format' must be one of jsonl, xml, not 'csv'/],
    [['--by', 'a', '--by', 'b'], /option '--by' given more than once/],
  ];

  for (const [args, message] of cases) {
    assert.throws(
      () => parseArgs(args, SPECS),
      (error: unknown) => {
        return error instanceof UsageError && message.test(error.message);
      },
    );
  }
});
