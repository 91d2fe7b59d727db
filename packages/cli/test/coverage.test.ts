import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../src/cli.js';
import { fieldWarnings, parseEventOption, parseFieldOptions } from '../src/commands/coverage.js';
import { decodeConfigText } from '@evtxhunt/hunt';
import { UsageError } from '../src/errors.js';
import { memorySink } from '../src/io.js';

/** A small configuration: NetworkConnect include and exclude, ProcessCreate exclude-only. */
const CONFIG = [
  '<Sysmon schemaversion="4.50">',
  '  <HashAlgorithms>sha256</HashAlgorithms>',
  '  <DnsLookup>False</DnsLookup>',
  '  <EventFiltering>',
  '    <RuleGroup groupRelation="or">',
  '      <NetworkConnect onmatch="include">',
  '        <Image name="LOLBin" condition="image">certutil.exe</Image>',
  '        <DestinationPort name="evil&#x9b;2J&#x202e;" condition="is">4444</DestinationPort>',
  '      </NetworkConnect>',
  '    </RuleGroup>',
  '    <RuleGroup groupRelation="or">',
  '      <NetworkConnect onmatch="exclude">',
  '        <DestinationIp condition="is">127.0.0.1</DestinationIp>',
  '      </NetworkConnect>',
  '    </RuleGroup>',
  '    <ProcessCreate onmatch="exclude">',
  '      <Image condition="Is">C:\\Windows\\System32\\conhost.exe </Image>',
  '    </ProcessCreate>',
  '  </EventFiltering>',
  '</Sysmon>',
].join('\n');

let dir = '';
let configPath = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evtxhunt-coverage-'));
  configPath = join(dir, 'config.xml');
  await writeFile(configPath, CONFIG);
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function captureIo() {
  return { out: memorySink(), err: memorySink(), errIsTty: false };
}

async function coverage(...args: string[]) {
  const io = captureIo();
  const status = await runCli(['coverage', ...args], io);
  return { status, out: io.out.text(), err: io.err.text() };
}

test('coverage without --field prints the options and the per-event-type table, warnings to stderr', async () => {
  const run = await coverage('--config', configPath);

  assert.equal(run.status, 0);
  const lines = run.out.split('\n');
  assert.deepEqual(lines.slice(0, 8), [
    `configuration ${configPath}, schema 4.50`,
    'hash algorithms: sha256',
    'DnsLookup is off: Sysmon does not resolve DestinationHostname, so hostname rules see no name',
    '',
    'event ids  element                 state                include  exclude  what is logged',
    '1          ProcessCreate           exclude-only               0        1  logs everything but what 1 exclude rules drop',
    '2          FileCreateTime          exclude-only               0        0  not configured; Sysmon logs every event of this type by default',
    '3          NetworkConnect          include-and-exclude        2        1  logs what 2 include rules select unless 1 exclude rules drop it',
  ]);
  assert.equal(lines.length, 28);
  assert.equal(
    run.err,
    `evtxhunt: ${configPath} line 17: warning: condition "Is" is not Sysmon's spelling; read as "is"\n` +
      `evtxhunt: ${configPath} line 17: warning: value of <Image> starts or ends with white space, which Sysmon compares as written\n`,
  );
});

test('coverage --event N shows only that event type', async () => {
  const run = await coverage('--config', configPath, '--event', '14');

  assert.equal(run.status, 0);
  assert.deepEqual(run.out.split('\n').slice(4), [
    'event ids  element        state  include  exclude  what is logged',
    '12,13,14   RegistryEvent  off          0        0  not configured; Sysmon does not log this type',
    '',
  ]);

  const always = await coverage('--config', configPath, '--event', '4');
  assert.equal(always.out, 'Event ID 4 is not filtered by Sysmon configurations\n');
});

test('coverage --field answers one question, for Event ID 3 unless --event says otherwise', async () => {
  const certutil = await coverage(
    '--config',
    configPath,
    '--field',
    'Image=C:\\Windows\\System32\\certutil.exe',
    '--field=DestinationIp=203.0.113.7',
  );
  assert.equal(certutil.status, 0);
  assert.equal(
    certutil.out,
    'logged: included by NetworkConnect include rule Image image certutil.exe (line 7)\nRuleName: LOLBin\n',
  );

  const local = await coverage(
    '--config',
    configPath,
    '--field',
    'Image=C:\\x\\certutil.exe',
    '--field',
    'DestinationIp=127.0.0.1',
  );
  assert.equal(
    local.out,
    'not logged: excluded by NetworkConnect exclude rule DestinationIp is 127.0.0.1 (line 13)\n',
  );

  const process = await coverage(
    '--config',
    configPath,
    '--event',
    '1',
    '--field',
    'Image=C:\\x\\cmd.exe',
  );
  assert.equal(
    process.out,
    'logged: no ProcessCreate exclude rule matches, and ProcessCreate has only exclude rules, so everything else is logged\n',
  );
});

test('coverage --field warns about a field name Sysmon does not write, and still answers', async () => {
  const typo = await coverage('--config', configPath, '--field', 'Imag=C:\\x\\certutil.exe');
  const warnings = typo.err.split('\n').filter((line) => line.includes('--field'));

  assert.equal(typo.status, 0);
  assert.deepEqual(warnings, [
    'evtxhunt: warning: --field Imag: Sysmon writes no field Imag for Event ID 3 (did you mean Image?); it counts as absent',
  ]);
  assert.match(typo.out, /^not logged: /);

  const wrongEvent = await coverage(
    '--config',
    configPath,
    '--event',
    '22',
    '--field',
    'Image=a',
    '--field',
    'DestinationPort=53',
  );
  assert.match(
    wrongEvent.err,
    /--field DestinationPort: Sysmon writes no field DestinationPort for Event ID 22; it counts as absent\n/,
  );
  assert.doesNotMatch(wrongEvent.err, /--field Image/);

  const good = await coverage(
    '--config',
    configPath,
    '--field',
    'Image=a',
    '--field',
    'DestinationIp=1.2.3.4',
  );
  assert.doesNotMatch(good.err, /--field/);
});

test('fieldWarnings escapes what the user typed', () => {
  assert.deepEqual(fieldWarnings(3, ['Image', 'X\x1b[2J']), [
    'evtxhunt: warning: --field X\\x1b[2J: Sysmon writes no field X\\x1b[2J for Event ID 3; it counts as absent',
  ]);
});

test('coverage escapes configuration text before it reaches the terminal', async () => {
  const run = await coverage(
    '--config',
    configPath,
    '--field',
    'DestinationPort=4444',
    '--field',
    'DestinationIp=1.2.3.4',
    '--field',
    'Image=x',
  );

  assert.equal(
    run.out,
    'logged: included by NetworkConnect include rule DestinationPort is 4444 (line 8)\nRuleName: evil\\x9b2J\\u202e\n',
  );
});

test('coverage --json writes the decision or the states as JSON', async () => {
  const decision = await coverage(
    '--config',
    configPath,
    '--json',
    '--field',
    'DestinationPort=4444',
  );
  assert.deepEqual(JSON.parse(decision.out), {
    eventId: 3,
    fields: { DestinationPort: '4444' },
    logged: true,
    reason:
      'included by NetworkConnect include rule DestinationPort is 4444 (line 8) (fields not given, taken as absent: DestinationIp, Image)',
    ruleName: 'evil\u009b2J\u202e',
    missingFields: ['DestinationIp', 'Image'],
  });
  assert.match(decision.out, /"ruleName": "evil\\u009b2J\\u202e"/);

  const states = JSON.parse((await coverage('--config', configPath, '--json', '--event', '3')).out);
  assert.equal(states.schemaVersion, '4.50');
  assert.equal(states.warnings.length, 2);
  assert.deepEqual(states.eventTypes, [
    {
      element: 'NetworkConnect',
      eventIds: [3],
      configured: true,
      includeRules: 2,
      excludeRules: 1,
      mode: 'include-and-exclude',
      summary: 'logs what 2 include rules select unless 1 exclude rules drop it',
    },
  ]);
});

test('coverage reads UTF-16 configurations with and without a byte-order mark', async () => {
  const utf16 = join(dir, 'utf16.xml');
  await writeFile(
    utf16,
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CONFIG, 'utf16le')]),
  );
  const bare = join(dir, 'utf16-bare.xml');
  await writeFile(bare, Buffer.from(CONFIG, 'utf16le'));

  for (const path of [utf16, bare]) {
    const run = await coverage('--config', path, '--field', 'DestinationPort=4444');
    assert.equal(run.status, 0, path);
    assert.match(
      run.out,
      /^logged: included by NetworkConnect include rule DestinationPort is 4444/,
    );
  }
});

test('decodeConfigText tells UTF-8, UTF-8 with a mark, UTF-16LE and UTF-16BE apart', () => {
  assert.equal(decodeConfigText(Buffer.from('<a>é</a>')), '<a>é</a>');
  assert.equal(decodeConfigText(Buffer.from('\ufeff<a/>')), '<a/>');
  assert.equal(decodeConfigText(Buffer.from('<a/>', 'utf16le')), '<a/>');
  assert.equal(
    decodeConfigText(Buffer.from([0xfe, 0xff, 0, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e])),
    '<a/>',
  );
});

test('coverage reports unreadable and malformed configurations with exit status 2', async () => {
  const missing = await coverage('--config', join(dir, 'missing.xml'));
  assert.equal(missing.status, 2);
  assert.equal(
    missing.err,
    `evtxhunt: cannot read Sysmon configuration ${join(dir, 'missing.xml')}: ENOENT: no such file or directory\n`,
  );

  const broken = join(dir, 'broken.xml');
  await writeFile(broken, '<Sysmon schemaversion="4.50">\n  <EventFiltering>\n</Sysmon>\n');
  const bad = await coverage('--config', broken);
  assert.equal(bad.status, 2);
  assert.equal(
    bad.err,
    `evtxhunt: Cannot read Sysmon configuration ${JSON.stringify(broken)}: expected </EventFiltering> (opened at line 2) but found </Sysmon> at line 3, column 1\n`,
  );
  assert.equal(bad.out, '');
});

test('coverage rejects misuse before reading anything', async () => {
  const cases: [string[], string][] = [
    [[], 'coverage needs --config FILE'],
    [['--config', 'a.xml', 'extra'], 'coverage takes no paths, only --config'],
    [
      ['--config', 'a.xml', '--event', 'three'],
      "option '--event' needs an Event ID from 0 to 65535, not 'three'",
    ],
    [['--config', 'a.xml', '--field', 'Image'], "option '--field' needs Name=Value, not 'Image'"],
    [
      ['--config', 'a.xml', '--field', 'a=1', '--field', 'a=2'],
      "option '--field' gives a more than once",
    ],
  ];

  for (const [args, message] of cases) {
    const run = await coverage(...args);
    assert.equal(run.status, 2, message);
    assert.equal(run.err, `evtxhunt: ${message}\nRun 'evtxhunt coverage --help' for usage.\n`);
  }
});

test('parseEventOption and parseFieldOptions accept good values and name bad ones', () => {
  assert.equal(parseEventOption(undefined), undefined);
  assert.equal(parseEventOption('0'), 0);
  assert.equal(parseEventOption('65535'), 65535);
  assert.throws(() => parseEventOption('65536'), UsageError);
  assert.throws(() => parseEventOption('-1'), UsageError);
  assert.throws(() => parseEventOption('3.0'), UsageError);
  assert.throws(() => parseEventOption(''), UsageError);

  assert.deepEqual(
    [...parseFieldOptions(['CommandLine=a=b', 'User=', 'Image=C:\\x y'])],
    [
      ['CommandLine', 'a=b'],
      ['User', ''],
      ['Image', 'C:\\x y'],
    ],
  );
  assert.throws(() => parseFieldOptions(['=x']), /needs Name=Value, not '=x'/);
  assert.throws(() => parseFieldOptions([' Image=x']), /needs Name=Value/);
});
