import { test } from 'node:test';
import assert from 'node:assert/strict';

import { classifyIp, isInternalClass, isLocalClass, type IpClass } from '../../src/net/ip-class.js';
import { parseIp } from '../../src/net/ip.js';

function classOf(text: string): IpClass {
  const ip = parseIp(text);
  assert.ok(ip, text);
  return classifyIp(ip);
}

/** Each row: an address and its expected class, edges of every block included. */
const CASES: readonly (readonly [string, IpClass])[] = [
  ['0.0.0.0', 'unspecified'],
  ['0.0.0.1', 'reserved'],
  ['0.255.255.255', 'reserved'],
  ['1.0.0.0', 'public'],
  ['9.255.255.255', 'public'],
  ['10.0.0.0', 'private'],
  ['10.255.255.255', 'private'],
  ['11.0.0.0', 'public'],
  ['100.63.255.255', 'public'],
  ['100.64.0.0', 'cgnat'],
  ['100.127.255.255', 'cgnat'],
  ['100.128.0.0', 'public'],
  ['126.255.255.255', 'public'],
  ['127.0.0.1', 'loopback'],
  ['127.0.0.2', 'loopback'],
  ['127.255.255.255', 'loopback'],
  ['128.0.0.0', 'public'],
  ['169.253.255.255', 'public'],
  ['169.254.0.0', 'link-local'],
  ['169.254.255.255', 'link-local'],
  ['169.255.0.0', 'public'],
  ['172.15.255.255', 'public'],
  ['172.16.0.0', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.0', 'public'],
  ['172.168.103.141', 'public'],
  ['192.0.0.8', 'reserved'],
  ['192.0.2.0', 'documentation'],
  ['192.0.2.255', 'documentation'],
  ['192.0.3.0', 'public'],
  ['192.167.255.255', 'public'],
  ['192.168.0.0', 'private'],
  ['192.168.255.255', 'private'],
  ['192.169.0.0', 'public'],
  ['198.17.255.255', 'public'],
  ['198.18.0.0', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['198.20.0.0', 'public'],
  ['198.51.100.1', 'documentation'],
  ['198.51.101.0', 'public'],
  ['203.0.113.255', 'documentation'],
  ['203.0.114.0', 'public'],
  ['223.255.255.255', 'public'],
  ['224.0.0.0', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.0', 'reserved'],
  ['255.255.255.254', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::2', 'reserved'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:8.8.8.8', 'public'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['64:ff9b::808:808', 'public'],
  ['1fff:ffff::1', 'reserved'],
  ['2000::', 'public'],
  ['2001:4860:4860::8888', 'public'],
  ['2001:db7:ffff::1', 'public'],
  ['2001:db8::', 'documentation'],
  ['2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 'documentation'],
  ['2001:db9::', 'public'],
  ['2001:2::1', 'benchmarking'],
  ['3fff:fff::1', 'documentation'],
  ['3fff:1000::1', 'public'],
  ['4000::1', 'reserved'],
  ['fbff:ffff::1', 'reserved'],
  ['fc00::', 'unique-local'],
  ['fd12:3456::1', 'unique-local'],
  ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'unique-local'],
  ['fe7f:ffff::1', 'reserved'],
  ['fe80::', 'link-local'],
  ['fe80::1cae:5aa4:9d8d:106a%12', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['fec0::1', 'reserved'],
  ['ff00::', 'multicast'],
  ['ff02:0:0:0:0:0:1:3', 'multicast'],
];

test('classifyIp puts each address in its most specific block', () => {
  for (const [text, expected] of CASES) assert.equal(classOf(text), expected, text);
});

test('isLocalClass is false for public only', () => {
  assert.equal(isLocalClass('public'), false);
  for (const ipClass of ['private', 'loopback', 'documentation', 'multicast'] as const) {
    assert.equal(isLocalClass(ipClass), true, ipClass);
  }
});

test('isInternalClass takes the organisation own networks only', () => {
  const internal = CASES.filter(([text]) => isInternalClass(classOf(text))).map(([t]) =>
    classOf(t),
  );

  assert.deepEqual([...new Set(internal)].sort(), [
    'cgnat',
    'link-local',
    'loopback',
    'private',
    'unique-local',
  ]);
  assert.equal(isInternalClass('public'), false);
  assert.equal(isInternalClass('documentation'), false);
  assert.equal(isInternalClass('multicast'), false);
});
