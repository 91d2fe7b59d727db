import { test } from 'node:test';
import assert from 'node:assert/strict';

import { cidrContains, parseCidr, type Cidr } from '../../src/net/cidr.js';
import { parseIp } from '../../src/net/ip.js';

function block(text: string): Cidr {
  const cidr = parseCidr(text);
  assert.ok(cidr, text);
  return cidr;
}

function contains(cidr: string, address: string): boolean {
  const ip = parseIp(address);
  assert.ok(ip, address);
  return cidrContains(block(cidr), ip);
}

test('parseCidr reads blocks and clears host bits', () => {
  assert.equal(block('10.0.0.0/8').text, '10.0.0.0/8');
  assert.equal(block('10.1.2.3/8').text, '10.0.0.0/8');
  assert.equal(block('172.31.255.255/12').text, '172.16.0.0/12');
  assert.equal(block('FE80:0:0:0::1/10').text, 'fe80::/10');
  assert.equal(block('0.0.0.0/0').text, '0.0.0.0/0');
  assert.equal(block(' 192.168.1.7 ').text, '192.168.1.7/32');
  assert.equal(block('::1').text, '::1/128');
  assert.equal(block('10.0.0.0/8').prefixLength, 8);
});

test('parseCidr reads an IPv4-mapped block as the IPv4 block', () => {
  assert.equal(block('::ffff:10.0.0.0/104').text, '10.0.0.0/8');
  assert.equal(block('::ffff:10.0.0.0/128').text, '10.0.0.0/32');
  assert.equal(parseCidr('::ffff:10.0.0.0/95'), undefined);
});

test('parseCidr rejects malformed blocks', () => {
  const bad = ['', '-', '10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/08', '10.0.0.0/8/8'];
  for (const text of [...bad, '10.0.0.0/-1', 'fe80::%1/64', 'x/8', '10.0.0.0/ 8']) {
    assert.equal(parseCidr(text), undefined, text);
  }
});

test('cidrContains checks the prefix bits at the edges of a block', () => {
  assert.equal(contains('172.16.0.0/12', '172.16.0.0'), true);
  assert.equal(contains('172.16.0.0/12', '172.31.255.255'), true);
  assert.equal(contains('172.16.0.0/12', '172.15.255.255'), false);
  assert.equal(contains('172.16.0.0/12', '172.32.0.0'), false);
  assert.equal(contains('10.0.0.0/8', '::ffff:10.0.0.1'), true);
  assert.equal(contains('fe80::/10', 'febf:ffff::1'), true);
  assert.equal(contains('fe80::/10', 'fec0::1'), false);
  assert.equal(contains('0.0.0.0/0', '8.8.8.8'), true);
  assert.equal(contains('192.168.1.7', '192.168.1.7'), true);
  assert.equal(contains('192.168.1.7', '192.168.1.8'), false);
});

test('cidrContains never mixes IPv4 and IPv6', () => {
  assert.equal(contains('::/0', '10.0.0.1'), false);
  assert.equal(contains('0.0.0.0/0', '::1'), false);
  assert.equal(contains('::/96', '1.2.3.4'), false);
});
