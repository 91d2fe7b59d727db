import assert from 'node:assert/strict';
import { test } from 'node:test';

import { AllowlistError, parseAllowlist, suppressingRule } from '../../src/allowlist/allowlist.js';
import type { Finding } from '../../src/findings/finding.js';
import { cpuMs } from '../support/cpu-time.js';

const finding: Finding = {
  kind: 'beacon',
  severity: 'high',
  computer: 'WS01.corp.example',
  image: 'C:\\Users\\alice\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe',
  destinationIp: '13.107.42.14',
  destinationPort: 443,
  queriedName: 'api.onedrive.com',
  firstSeen: '2024-05-01T10:00:00.0000000Z',
  lastSeen: '2024-05-01T11:00:00.0000000Z',
  count: 60,
  evidence: [],
  why: 'test',
};

test('parseAllowlist skips comments and blank lines and keeps line numbers', () => {
  const list = parseAllowlist(
    '# known good\n\nimage=OneDrive.exe\r\n  destination=10.0.0.0/8  \n',
    'a.txt',
  );
  assert.deepEqual(
    list.rules.map((rule) => [rule.line, rule.text]),
    [
      [3, 'image=OneDrive.exe'],
      [4, 'destination=10.0.0.0/8'],
    ],
  );
});

test('an image rule without a backslash matches the file name, ignoring case', () => {
  assert.equal(suppressingRule(parseAllowlist('image=onedrive.EXE'), finding)?.line, 1);
  assert.equal(suppressingRule(parseAllowlist('image=drive.exe'), finding), undefined);
  assert.equal(suppressingRule(parseAllowlist('image=*\\OneDrive\\*.exe'), finding)?.line, 1);
  assert.equal(suppressingRule(parseAllowlist('image="C:\\Program Files\\*"'), finding), undefined);
});

test('every condition of a line must hold', () => {
  const list = parseAllowlist(
    'image=OneDrive.exe kind=lolbin-outbound\nimage=OneDrive.exe kind=beacon port=443',
  );
  assert.equal(suppressingRule(list, finding)?.line, 2);
  assert.equal(
    suppressingRule(parseAllowlist('hostname=*.onedrive.com port=80'), finding),
    undefined,
  );
});

test('destination rules compare addresses and CIDR blocks, not text', () => {
  assert.equal(suppressingRule(parseAllowlist('destination=13.104.0.0/14'), finding)?.line, 1);
  assert.equal(
    suppressingRule(parseAllowlist('destination=::ffff:13.107.42.14'), finding)?.line,
    1,
  );
  assert.equal(suppressingRule(parseAllowlist('destination=13.107.42.15'), finding), undefined);
  assert.equal(suppressingRule(parseAllowlist('source=13.107.42.14'), finding), undefined);
});

test('hostname rules match the queried name or the reverse-lookup name', () => {
  assert.equal(suppressingRule(parseAllowlist('hostname=*.onedrive.com'), finding)?.line, 1);
  const { queriedName, ...rest } = finding;
  assert.equal(queriedName, 'api.onedrive.com');
  const reverse: Finding = { ...rest, destinationHostname: 'x.msedge.net' };
  assert.equal(suppressingRule(parseAllowlist('hostname=*.msedge.net'), reverse)?.line, 1);
});

test('parseAllowlist names the file, the line and the problem', () => {
  assert.throws(() => parseAllowlist('image=a\ncolour=blue', 'allow.txt'), {
    name: 'AllowlistError',
    message:
      "Cannot read allowlist allow.txt line 2: unknown key 'colour' (use image, destination, source, hostname, port, kind, computer)",
  });
  assert.throws(() => parseAllowlist('destination=10.0.0.300'), AllowlistError);
  assert.throws(() => parseAllowlist('port=70000'), /line 1: '70000' is not a port number/);
  assert.throws(() => parseAllowlist('kind=evil'), /'evil' is not a finding kind/);
  assert.throws(() => parseAllowlist('image'), /line 1: expected key=value at column 1/);
});

test('parseAllowlist names the line and column of a quote that is not closed', () => {
  assert.throws(() => parseAllowlist('# x\nkind=beacon image="unterminated', 'a.txt'), {
    name: 'AllowlistError',
    message: 'Cannot read allowlist a.txt line 2: the quote at column 19 is not closed',
  });
  assert.throws(
    () => parseAllowlist('  image="a b'),
    /line 1: the quote at column 9 is not closed/,
  );
  assert.equal(parseAllowlist('image="a b" port=1').rules[0]?.text, 'image="a b" port=1');
});

test('parseAllowlist refuses a glob over the length limit and quotes only its start', () => {
  const long = `image=C:\\${'*?'.repeat(600)}Z`;
  assert.throws(() => parseAllowlist(`port=1\n${long}`, 'big.txt'), {
    name: 'AllowlistError',
    message:
      'Cannot read allowlist big.txt line 2: a glob of 1204 characters is over the limit of 1024',
  });

  const error = (() => {
    try {
      parseAllowlist(`destination=${'9'.repeat(1_000_000)}`);
    } catch (caught) {
      return caught as Error;
    }
    return undefined;
  })();
  assert.ok(error instanceof AllowlistError);
  assert.ok(error.message.length < 200, `message of ${error.message.length} characters`);
});

test('a hostile image glob is matched quickly', () => {
  const list = parseAllowlist('image=C:\\*?*?*?*?*?*?*?*?Z');
  const hostile: Finding = { ...finding, image: `C:\\${'x'.repeat(5_000)}` };

  const ms = cpuMs(() => assert.equal(suppressingRule(list, hostile), undefined));
  assert.ok(ms < 1_000, `matching took ${ms} ms of CPU`);
});

test('parseAllowlist takes a comment after a rule, and refuses a key given twice on a line', () => {
  const list = parseAllowlist('image=OneDrive.exe   # the sync client\n', 'a.txt');
  assert.deepEqual(
    list.rules.map((rule) => rule.text),
    ['image=OneDrive.exe'],
  );
  assert.throws(() => parseAllowlist('image=a.exe image=b.exe', 'a.txt'), {
    message:
      "Cannot read allowlist a.txt line 1: image is given twice; one line's conditions must all hold, so put each image on its own line",
  });
  assert.throws(() => parseAllowlist('x'.repeat(4 * 1024 * 1024 + 1), 'big.txt'), {
    message: 'Cannot read allowlist big.txt: it is over 4194304 characters',
  });
});
