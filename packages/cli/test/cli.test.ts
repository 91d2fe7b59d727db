import { test } from 'node:test';
import assert from 'node:assert/strict';

import { mainHelp, runCli } from '../src/cli.js';
import { memorySink } from '../src/io.js';

function captureIo() {
  return { out: memorySink(), err: memorySink(), errIsTty: false };
}

test('runCli without a command prints the command list to stderr and exits 2', async () => {
  const io = captureIo();

  assert.equal(await runCli([], io), 2);
  assert.equal(io.err.text(), mainHelp() + '\n');
  assert.match(mainHelp(), /^ {2}pivot {5}group Sysmon network connections/m);
  assert.match(mainHelp(), /^ {2}timeline {2}process activity in time order/m);
  assert.match(mainHelp(), /^ {2}coverage {2}what a Sysmon configuration logs/m);
});

test('runCli --help prints the command list to stdout and exits 0', async () => {
  const io = captureIo();

  assert.equal(await runCli(['--help'], io), 0);
  assert.match(io.out.text(), /^Usage: evtxhunt <command>/);
});

test('runCli reports an unknown option, escaped, with a pointer to help', async () => {
  const io = captureIo();

  assert.equal(await runCli(['info', '--x\x1b[2J', 'a.evtx'], io), 2);
  assert.equal(
    io.err.text(),
    "evtxhunt: unknown option '--x\\x1b[2J'\nRun 'evtxhunt info --help' for usage.\n",
  );
});

test('runCli rejects a bad --by and a bad --where before reading anything', async () => {
  const by = captureIo();
  const where = captureIo();

  assert.equal(await runCli(['pivot', '--by', 'Image,,x', 'missing.evtx'], by), 2);
  assert.match(by.err.text(), /option '--by' needs comma-separated field names/);
  assert.equal(await runCli(['pivot', '--where', 'Image!x', 'missing.evtx'], where), 2);
  assert.match(where.err.text(), /expected '=' after '!' at position 6/);
  assert.doesNotMatch(where.err.text(), /missing\.evtx/);
});
