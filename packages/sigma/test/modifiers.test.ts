/** Every modifier of the appendix, through a rule, with values from the specification. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { entryFires, loadFailure } from './support.js';

test('contains, startswith, endswith place the value; plain values match whole', () => {
  assert.equal(
    entryFires("CommandLine|contains: ' -enc '", { CommandLine: 'powershell -ENC aQBl' }),
    true,
  );
  assert.equal(
    entryFires("CommandLine|contains: ' -enc '", { CommandLine: 'powershell -e x' }),
    false,
  );
  assert.equal(
    entryFires("Image|endswith: '\\cmd.exe'", { Image: 'C:\\Windows\\System32\\cmd.exe' }),
    true,
  );
  assert.equal(entryFires("Image|endswith: '\\cmd.exe'", { Image: 'C:\\cmd.exe.bak' }), false);
  assert.equal(entryFires("User|startswith: 'adm'", { User: 'ADMINISTRATOR' }), true);
  assert.equal(entryFires("User: 'adm'", { User: 'admin' }), false);
  assert.equal(entryFires('EventID: 1', {}), true);
});

test('all: every value must match; a list is OR without it', () => {
  const all = "CommandLine|contains|all:\n    - 'OabVirtualDirectory'\n    - ' -ExternalUrl '";
  assert.equal(entryFires(all, { CommandLine: 'Set-OabVirtualDirectory -ExternalUrl x' }), true);
  assert.equal(entryFires(all, { CommandLine: 'Set-OabVirtualDirectory x' }), false);
  const any = "CommandLine|contains:\n    - 'OabVirtualDirectory'\n    - ' -ExternalUrl '";
  assert.equal(entryFires(any, { CommandLine: 'Set-OabVirtualDirectory x' }), true);
  assert.match(
    loadFailure("selection:\n  A|all: 'x'\ncondition: selection") ?? '',
    /'all' on 'A' needs a list/,
  );
});

test('exists: the field is present (even empty) or absent', () => {
  assert.equal(entryFires('PasswordLastSet|exists: true', { PasswordLastSet: '' }), true);
  assert.equal(entryFires('PasswordLastSet|exists: true', {}), false);
  assert.equal(entryFires('PasswordLastSet|exists: false', {}), true);
  assert.match(
    loadFailure("selection:\n  A|exists: 'yes'\ncondition: selection") ?? '',
    /'exists' on 'A' takes true or false/,
  );
});

test('cased: case-sensitive; default is case-insensitive', () => {
  assert.equal(entryFires("Image|cased|endswith: '\\Cmd.exe'", { Image: 'C:\\cmd.exe' }), false);
  assert.equal(entryFires("Image|cased|endswith: '\\Cmd.exe'", { Image: 'C:\\Cmd.exe' }), true);
  assert.equal(entryFires("Image|endswith: '\\Cmd.exe'", { Image: 'C:\\CMD.EXE' }), true);
});

test('neq: the field differs from the values', () => {
  assert.equal(entryFires("User|neq: 'SYSTEM'", { User: 'alice' }), true);
  assert.equal(entryFires("User|neq: 'SYSTEM'", { User: 'system' }), false);
  assert.equal(entryFires('Port|neq:\n    - 80\n    - 443', { Port: '443' }), false);
  assert.equal(entryFires('Port|neq:\n    - 80\n    - 443', { Port: '8080' }), true);
});

test('re: case-sensitive, with the flags i, m and s', () => {
  assert.equal(
    entryFires("CommandLine|re: 'Invoke-[A-Z]\\w+'", { CommandLine: 'Invoke-Mimikatz' }),
    true,
  );
  assert.equal(
    entryFires("CommandLine|re: 'Invoke-[A-Z]\\w+'", { CommandLine: 'invoke-mimikatz' }),
    false,
  );
  assert.equal(
    entryFires("CommandLine|re|i: 'Invoke-[A-Z]\\w+'", { CommandLine: 'invoke-mimikatz' }),
    true,
  );
  assert.equal(entryFires("CommandLine|re: '(?i)invoke'", { CommandLine: 'INVOKE' }), true);
  assert.equal(entryFires("A|re: '^b$'", { A: 'a\nb' }), false);
  assert.equal(entryFires("A|re|m: '^b$'", { A: 'a\nb' }), true);
  assert.equal(entryFires("A|re: 'a.b'", { A: 'a\nb' }), false);
  assert.equal(entryFires("A|re|s: 'a.b'", { A: 'a\nb' }), true);
  assert.match(
    loadFailure("selection:\n  A|re: '(unclosed'\ncondition: selection") ?? '',
    /regular expression '\(unclosed' does not compile/,
  );
  // A risky shape runs on the linear-time matcher; what it cannot run does not load.
  assert.equal(entryFires("A|re: '^(a+)+$'", { A: `${'a'.repeat(5000)}!` }), false);
  assert.equal(entryFires("A|re: '^(a+)+$'", { A: 'a'.repeat(5000) }), true);
  assert.equal(
    loadFailure("selection:\n  A|re: '^(?=(a+))\\1*$'\ncondition: selection"),
    "'^(?=(a+))\\1*$', character 1: " + 'a lookahead or lookbehind cannot run in linear time',
  );
  assert.match(
    loadFailure("selection:\n  A|i: 'x'\ncondition: selection") ?? '',
    /'i' is a flag of 're'/,
  );
});

test('base64 and base64offset: the forms of the appendix', () => {
  // Sigma's example: /bin/bash at each offset in a longer base64 text.
  const offsets = "CommandLine|base64offset|contains: '/bin/bash'";
  for (const form of ['L2Jpbi9iYXNo', '9iaW4vYmFza', 'vYmluL2Jhc2']) {
    assert.equal(entryFires(offsets, { CommandLine: `echo xx${form}yy | base64 -d` }), true, form);
  }
  assert.equal(entryFires(offsets, { CommandLine: 'echo L2Jpbi9zaA==' }), false);
  assert.equal(entryFires("CommandLine|base64: 'sigma'", { CommandLine: 'c2lnbWE=' }), true);
  assert.equal(
    entryFires("CommandLine|base64|contains: 'sigma'", { CommandLine: 'x c2lnbWE= y' }),
    true,
  );
});

test('utf16le, utf16be, utf16 and wide encode the value (cmd > 63 00 6d 00 64 00)', () => {
  // PowerShell's -EncodedCommand: base64 of UTF-16LE text.
  const encoded = Buffer.from('IEX (New-Object', 'utf16le').toString('base64');
  assert.equal(
    entryFires("CommandLine|wide|base64offset|contains: 'IEX ('", {
      CommandLine: `powershell -enc ${encoded}`,
    }),
    true,
  );
  assert.equal(
    entryFires("CommandLine|utf16le|base64offset|contains: 'IEX ('", {
      CommandLine: `-enc ${encoded}`,
    }),
    true,
  );
  assert.equal(
    entryFires("A|utf16le|base64: 'cmd'", {
      A: Buffer.from([0x63, 0, 0x6d, 0, 0x64, 0]).toString('base64'),
    }),
    true,
  );
  assert.equal(
    entryFires("A|utf16be|base64: 'cmd'", {
      A: Buffer.from([0, 0x63, 0, 0x6d, 0, 0x64]).toString('base64'),
    }),
    true,
  );
  const bom = Buffer.from([0xff, 0xfe, 0x63, 0, 0x6d, 0, 0x64, 0]).toString('base64');
  assert.equal(entryFires("A|utf16|base64: 'cmd'", { A: bom }), true);
});

test('windash: every dash character in every place', () => {
  const rule = "CommandLine|windash|contains: ' -f '";
  for (const dash of ['-', '/', '\u2013', '\u2014', '\u2015']) {
    assert.equal(entryFires(rule, { CommandLine: `certutil ${dash}f x` }), true, dash);
  }
  assert.equal(entryFires(rule, { CommandLine: 'certutil +f x' }), false);
  const two = "CommandLine|windash|contains: '-a -b'";
  assert.equal(entryFires(two, { CommandLine: 'x /a \u2013b' }), true);
});

test('cidr: IPv4 and IPv6 blocks', () => {
  assert.equal(entryFires("DestinationIp|cidr: '10.0.0.0/8'", { DestinationIp: '10.1.2.3' }), true);
  assert.equal(
    entryFires("DestinationIp|cidr: '10.0.0.0/8'", { DestinationIp: '11.1.2.3' }),
    false,
  );
  assert.equal(entryFires("DestinationIp|cidr: 'fe80::/10'", { DestinationIp: 'fe80::1' }), true);
  assert.equal(entryFires("DestinationIp|cidr: '10.0.0.0/8'", { DestinationIp: 'host' }), false);
  assert.match(
    loadFailure("selection:\n  A|cidr: '10.0.0.0/99'\ncondition: selection") ?? '',
    /cidr value '10.0.0.0\/99'/,
  );
});

test('lt, lte, gt, gte compare numbers', () => {
  assert.equal(entryFires('Port|lt: 1024', { Port: '443' }), true);
  assert.equal(entryFires('Port|lt: 1024', { Port: '1024' }), false);
  assert.equal(entryFires('Port|lte: 1024', { Port: '1024' }), true);
  assert.equal(entryFires('Port|gt: 1024', { Port: '50000' }), true);
  assert.equal(entryFires('Port|gte: 1024', { Port: '1023' }), false);
  assert.equal(entryFires('Port|gt: 1', { Port: 'many' }), false);
  assert.match(
    loadFailure("selection:\n  Port|gt: 'many'\ncondition: selection") ?? '',
    /'many' is not a number/,
  );
});

test('minute, hour, day, week, month, year take a part of a date', () => {
  const data = { UtcTime: '2024-03-05 14:07:09.123' };
  assert.equal(entryFires('UtcTime|minute: 7', data), true);
  assert.equal(entryFires('UtcTime|hour: 14', data), true);
  assert.equal(entryFires('UtcTime|hour|gte: 20', data), false);
  assert.equal(entryFires('UtcTime|day: 5', data), true);
  assert.equal(entryFires('UtcTime|week: 10', data), true);
  assert.equal(entryFires('UtcTime|month: 3', data), true);
  assert.equal(entryFires('UtcTime|year: 2024', data), true);
  assert.equal(entryFires('TimeCreated|hour: 14', {}), true);
});

test('expand: placeholders from the options; a rule naming an unknown one does not load', () => {
  const placeholders = { Servers: ['srv*', 'dc01'] };
  assert.equal(entryFires("Computer|expand: '%Servers%'", {}, { placeholders }), false);
  assert.equal(entryFires("Host|expand: '%Servers%'", { Host: 'SRV12' }, { placeholders }), true);
  assert.equal(entryFires("Host|expand: '%Servers%'", { Host: 'ws12' }, { placeholders }), false);
  assert.equal(
    entryFires("Host|expand: '\\%plain%Servers%'", { Host: '%plaindc01' }, { placeholders }),
    true,
  );
  assert.equal(entryFires("Host: '%Servers%'", { Host: '%Servers%' }), true);
  assert.match(
    loadFailure("selection:\n  Host|expand: '%Admins%'\ncondition: selection") ?? '',
    /placeholder %Admins% has no values/,
  );
});

test('fieldref: compares two fields of the event', () => {
  assert.equal(
    entryFires('User|fieldref: ParentUser', { User: 'CORP\\Bob', ParentUser: 'corp\\bob' }),
    true,
  );
  assert.equal(
    entryFires('User|fieldref: ParentUser', { User: 'CORP\\Bob', ParentUser: 'CORP\\Eve' }),
    false,
  );
  assert.equal(entryFires('User|fieldref: ParentUser', { User: 'CORP\\Bob' }), false);
  assert.equal(entryFires('User|fieldref|neq: ParentUser', { User: 'a', ParentUser: 'b' }), true);
  assert.equal(
    entryFires('CommandLine|fieldref|contains: Image', {
      CommandLine: '"C:\\x.exe" /q',
      Image: 'C:\\x.exe',
    }),
    true,
  );
});

test('null matches an absent field; an empty string an empty one', () => {
  assert.equal(entryFires('OriginalFileName: null', {}), true);
  assert.equal(entryFires('OriginalFileName: null', { OriginalFileName: 'a.exe' }), false);
  assert.equal(entryFires("OriginalFileName: ''", { OriginalFileName: '' }), true);
  assert.equal(entryFires("OriginalFileName: ''", {}), false);
});

test('an unknown modifier names itself', () => {
  assert.equal(
    loadFailure("selection:\n  Image|endswith|sometimes: 'x'\ncondition: selection"),
    "unknown modifier 'sometimes'",
  );
  assert.equal(
    loadFailure("selection:\n  Image|contains|endswith: 'x'\ncondition: selection"),
    "modifiers 'contains' and 'endswith' cannot be combined",
  );
});

test('multi-valued fields match when any value does', () => {
  assert.equal(entryFires("Data|contains: 'evil'", { Data: ['good', 'EVIL thing'] }), true);
  assert.equal(
    entryFires("Data|contains|all:\n    - 'a1'\n    - 'b2'", { Data: ['a1', 'b2'] }),
    true,
  );
});
