import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  AllowlistError,
  globPattern,
  parseAllowlist,
  suppressingRule,
} from '../../src/allowlist/allowlist.js';
import type { Finding } from '../../src/findings/finding.js';

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

test('globPattern escapes regular-expression characters', () => {
  assert.equal(globPattern('a.b(1)').test('a.b(1)'), true);
  assert.equal(globPattern('a.b').test('axb'), false);
  assert.equal(globPattern('?.exe').test('x.exe'), true);
});
