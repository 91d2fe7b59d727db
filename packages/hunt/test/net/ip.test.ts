import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ipFromBytes, parseIp, sameIp } from '../../src/net/ip.js';

/** Canonical text of a parsed address, or undefined when it does not parse. */
function canonical(text: string): string | undefined {
  return parseIp(text)?.text;
}

test('parseIp reads IPv4 dotted quads as Sysmon writes them', () => {
  const ip = parseIp('172.16.66.142');

  assert.ok(ip);
  assert.equal(ip.version, 4);
  assert.equal(ip.text, '172.16.66.142');
  assert.deepEqual([...ip.bytes], [172, 16, 66, 142]);
  assert.equal(ip.mapped, false);
  assert.equal(canonical('0.0.0.0'), '0.0.0.0');
  assert.equal(canonical('255.255.255.255'), '255.255.255.255');
});

test('parseIp gives undefined for placeholders and garbage', () => {
  for (const text of ['', '-', ' ', 'LOCAL', '0x76FAEC4B', '219.100.37.243:63913', 'a.b.c.d']) {
    assert.equal(parseIp(text), undefined, text);
  }
});

test('parseIp rejects IPv4 forms that tools read differently', () => {
  for (const text of ['010.0.0.1', '1.2.3.04', '127.1', '1.2.3', '1.2.3.4.5', '256.0.0.1']) {
    assert.equal(parseIp(text), undefined, text);
  }
  assert.equal(parseIp('1.2.3.4 ')?.text, '1.2.3.4');
});

test('parseIp writes IPv6 in RFC 5952 form whatever the spelling', () => {
  assert.equal(canonical('0:0:0:0:0:0:0:1'), '::1');
  assert.equal(canonical('::1'), '::1');
  assert.equal(canonical('0:0:0:0:0:0:0:0'), '::');
  assert.equal(canonical('fe80:0:0:0:2076:3774:3f57:c17f'), 'fe80::2076:3774:3f57:c17f');
  assert.equal(canonical('FF02:0:0:0:0:0:1:2'), 'ff02::1:2');
  assert.equal(canonical('2001:0DB8:0000:0000:0001:0000:0000:0001'), '2001:db8::1:0:0:1');
  assert.equal(canonical('2001:db8:0:1:1:1:1:1'), '2001:db8:0:1:1:1:1:1');
  assert.equal(canonical('1:0:0:2:0:0:0:3'), '1:0:0:2::3');
  assert.equal(canonical('c0a8:3e80:0:0:28c1:ab7b:8f86:ffff'), 'c0a8:3e80::28c1:ab7b:8f86:ffff');
  assert.equal(canonical('1::'), '1::');
  assert.equal(canonical('1:2:3:4:5:6:7::'), '1:2:3:4:5:6:7:0');
});

test('parseIp rejects malformed IPv6', () => {
  const bad = [':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8::', ':1::'];
  for (const text of [...bad, '12345::', 'g::1', '1.2.3.4::', '::1.2.3', '[::1', '::1]']) {
    assert.equal(parseIp(text), undefined, text);
  }
});

test('parseIp turns IPv4-mapped IPv6 into the IPv4 address', () => {
  const ip = parseIp('::ffff:10.23.123.11');

  assert.ok(ip);
  assert.equal(ip.version, 4);
  assert.equal(ip.text, '10.23.123.11');
  assert.equal(ip.mapped, true);
  assert.equal(canonical('::FFFF:c0a8:1c8'), '192.168.1.200');
  assert.equal(canonical('0:0:0:0:0:ffff:192.168.63.1'), '192.168.63.1');
  assert.equal(canonical('::1.2.3.4'), '::102:304');
  assert.equal(canonical('64:ff9b::8.8.8.8'), '64:ff9b::808:808');
});

test('parseIp keeps the zone aside and accepts brackets', () => {
  const ip = parseIp('fe80::1cae:5aa4:9d8d:106a%12');

  assert.ok(ip);
  assert.equal(ip.text, 'fe80::1cae:5aa4:9d8d:106a');
  assert.equal(ip.zone, '12');
  assert.equal(parseIp('fe80::1')?.zone, undefined);
  assert.equal(parseIp('[fe80::1%eth0]')?.zone, 'eth0');
  assert.equal(canonical('[::1]'), '::1');
  assert.equal(parseIp('fe80::1%'), undefined);
  assert.equal(parseIp('fe80::1%a b'), undefined);
  assert.equal(parseIp('10.0.0.1%1'), undefined);
  assert.equal(parseIp('[10.0.0.1]')?.text, '10.0.0.1');
});

test('parseIp does not read text longer than IP_TEXT_LIMIT', () => {
  assert.equal(parseIp(`fe80::1%${'1'.repeat(200)}`), undefined);
  assert.equal(parseIp('1'.repeat(10_000)), undefined);
});

test('sameIp compares addresses, not spellings', () => {
  assert.equal(sameIp('0:0:0:0:0:0:0:1', '::1'), true);
  assert.equal(sameIp('::ffff:192.168.1.200', '192.168.1.200'), true);
  assert.equal(sameIp('fe80::1%12', 'FE80:0::1%7'), true);
  assert.equal(sameIp('::1', '127.0.0.1'), false);
  assert.equal(sameIp('-', '-'), false);
  assert.equal(sameIp('', '0.0.0.0'), false);
});

test('ipFromBytes builds from 4 or 16 bytes and rejects other lengths', () => {
  assert.equal(ipFromBytes(Uint8Array.from([10, 0, 0, 1])).text, '10.0.0.1');
  assert.equal(ipFromBytes(new Uint8Array(16)).text, '::');
  assert.throws(
    () => ipFromBytes(new Uint8Array(5)),
    /^RangeError: Cannot build an IP address from 5 bytes: expected 4 or 16$/,
  );
});
