import { test } from 'node:test';
import assert from 'node:assert/strict';

import { decodeAccessMask, decodeProcessAccess } from '../../src/decode/access-mask.js';
import { decodeHashes, splitHashes } from '../../src/decode/hashes.js';
import { decodeIntegrityLevel, decodeMandatoryLabel } from '../../src/decode/integrity.js';
import { decodeEncryptionType, decodeTicketOptions } from '../../src/decode/kerberos.js';
import { decodeLogonType } from '../../src/decode/logon-type.js';
import { hexCode, readCode } from '../../src/decode/number.js';
import { decodeSid } from '../../src/decode/sids.js';
import { decodeKerberosResult, decodeNtStatus } from '../../src/decode/status.js';

test('readCode reads hex and decimal 32-bit values and nothing else', () => {
  assert.equal(readCode('0xC000006A'), 0xc000006a);
  assert.equal(readCode(' 0x3 '), 3);
  assert.equal(readCode('10'), 10);
  assert.equal(readCode('4294967295'), 0xffffffff);
  for (const text of ['4294967296', '-1', '0x', '0x123456789', '3.0', 'ten', '', '%%2313']) {
    assert.equal(readCode(text), undefined, text);
  }
  assert.equal(hexCode(0x1410, 4), '0x1410');
  assert.equal(hexCode(0xc000006a), '0xC000006A');
});

test('decodeLogonType names the logon types of Security 4624', () => {
  assert.match(decodeLogonType('3')?.text ?? '', /^Network: /);
  assert.match(decodeLogonType('10')?.text ?? '', /^RemoteInteractive: Remote Desktop/);
  assert.match(decodeLogonType('0x2')?.text ?? '', /^Interactive: /);
  assert.equal(decodeLogonType('6'), undefined);
  assert.equal(decodeLogonType('Network'), undefined);
});

test('decodeNtStatus and decodeKerberosResult read their own tables', () => {
  assert.equal(decodeNtStatus('0xc000006a')?.text, 'the user name is right, the password is wrong');
  assert.equal(decodeNtStatus('0xC0000234')?.text, 'the account is locked out');
  assert.equal(decodeNtStatus('0xC0000001'), undefined);
  assert.match(decodeKerberosResult('0x18')?.text ?? '', /^KDC_ERR_PREAUTH_FAILED: /);
  assert.match(decodeKerberosResult('0x6')?.text ?? '', /^KDC_ERR_C_PRINCIPAL_UNKNOWN: /);
  assert.match(decodeKerberosResult('0x25')?.text ?? '', /^KRB_AP_ERR_SKEW: /);
  assert.equal(decodeKerberosResult('0x13'), undefined);
});

test('decodeTicketOptions numbers bits from the most significant, as RFC 4120 does', () => {
  assert.deepEqual(decodeTicketOptions('0x40810010')?.parts, [
    'Forwardable',
    'Renewable',
    'Name-canonicalize',
    'Renewable-ok',
  ]);
  assert.deepEqual(decodeTicketOptions('0x60810010')?.parts, [
    'Forwardable',
    'Forwarded',
    'Renewable',
    'Name-canonicalize',
    'Renewable-ok',
  ]);
  assert.equal(decodeTicketOptions('0x0')?.text, 'no options');
  assert.equal(decodeTicketOptions('0x00000008')?.text, 'Enc-tkt-in-skey');
  // Bit 29 is unused: kept as a bit rather than dropped.
  assert.equal(decodeTicketOptions('0x00000004')?.text, 'other bits 0x4');
});

test('decodeEncryptionType names AES, RC4 and DES types', () => {
  assert.equal(decodeEncryptionType('0x12')?.text, 'AES256-CTS-HMAC-SHA1-96');
  assert.match(decodeEncryptionType('0x17')?.text ?? '', /^RC4-HMAC \(weak/);
  assert.match(decodeEncryptionType('0xffffffff')?.text ?? '', /^none/);
  assert.equal(decodeEncryptionType('0x2'), undefined);
});

test('decodeProcessAccess reads what Sysmon 10 GrantedAccess grants', () => {
  assert.deepEqual(decodeProcessAccess('0x1010')?.parts, [
    'PROCESS_VM_READ',
    'PROCESS_QUERY_LIMITED_INFORMATION',
  ]);
  assert.equal(
    decodeProcessAccess('0x1410')?.text,
    'PROCESS_VM_READ, PROCESS_QUERY_INFORMATION, PROCESS_QUERY_LIMITED_INFORMATION',
  );
  assert.equal(decodeProcessAccess('0x1FFFFF')?.text, 'PROCESS_ALL_ACCESS');
  assert.equal(decodeProcessAccess('0x1F3FFF')?.text.startsWith('PROCESS_TERMINATE, '), true);
  assert.deepEqual(decodeProcessAccess('0x40')?.parts, []);
  assert.equal(decodeProcessAccess('0x40')?.text, 'PROCESS_DUP_HANDLE');
});

test('decodeAccessMask reads the low bits by the object type and the rest for every object', () => {
  assert.equal(decodeAccessMask('0x1', 'File')?.text, 'ReadData/ListDirectory');
  assert.equal(decodeAccessMask('0x10000', 'File')?.text, 'DELETE');
  assert.equal(decodeAccessMask('0x2', 'Key')?.text, 'KEY_SET_VALUE');
  assert.equal(decodeAccessMask('0x10', 'Process')?.text, 'PROCESS_VM_READ');
  assert.equal(decodeAccessMask('0x20010', 'SAM_DOMAIN')?.text, 'READ_CONTROL, other bits 0x10');
  assert.equal(decodeAccessMask('0x80000000')?.text, 'GENERIC_READ');
  assert.equal(decodeAccessMask('0x0', 'File')?.text, 'no rights');
  assert.equal(decodeAccessMask('0x20', 'DS')?.text, 'DS_WRITE_PROP (Write Property)');
  assert.equal(
    decodeAccessMask('0x110', 'DS')?.text,
    'DS_READ_PROP (Read Property), DS_CONTROL_ACCESS (Control Access: an extended right)',
  );
});

test('decodeIntegrityLevel and decodeMandatoryLabel agree on the levels', () => {
  assert.match(decodeIntegrityLevel('High')?.text ?? '', /^High .*, mandatory label S-1-16-12288$/);
  assert.match(decodeIntegrityLevel('medium')?.text ?? '', /S-1-16-8192$/);
  assert.match(decodeIntegrityLevel('System')?.text ?? '', /S-1-16-16384$/);
  assert.equal(
    decodeIntegrityLevel('AppContainer')?.text,
    "AppContainer: a sandboxed app, isolated from the user's other programs; " +
      'Low integrity, mandatory label S-1-16-4096',
  );
  assert.equal(decodeIntegrityLevel('Sandboxed'), undefined);
  assert.match(decodeMandatoryLabel('S-1-16-12288')?.text ?? '', /^High .* integrity$/);
  assert.match(decodeMandatoryLabel('S-1-16-4096')?.text ?? '', /^Low /);
  assert.equal(decodeMandatoryLabel('S-1-16-1'), undefined);
  assert.equal(decodeMandatoryLabel('S-1-5-18'), undefined);
});

test('decodeSid names well-known SIDs, built-in domain RIDs, service SIDs and labels', () => {
  assert.equal(decodeSid('S-1-5-18')?.text, 'Local System (SYSTEM)');
  assert.equal(decodeSid('s-1-5-32-544')?.text, 'Administrators (built-in group)');
  assert.equal(decodeSid('S-1-5-7')?.text, 'Anonymous Logon');
  assert.match(decodeSid('S-1-5-21-3623811015-3361044348-30300820-500')?.text ?? '', /^Admin/);
  assert.match(decodeSid('S-1-5-21-3623811015-3361044348-30300820-512')?.text ?? '', /^Domain A/);
  assert.equal(decodeSid('S-1-5-21-3623811015-3361044348-30300820-1104'), undefined);
  const service = 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464';
  assert.match(decodeSid(service)?.text ?? '', /^A service's own SID/);
  assert.match(decodeSid('S-1-16-16384')?.text ?? '', /^System /);
  assert.equal(decodeSid('-'), undefined);
});

test('splitHashes splits Sysmon hash strings per algorithm', () => {
  const value = 'SHA1=AB12,MD5=cd34,SHA256=EF56,IMPHASH=0099';
  assert.deepEqual(splitHashes(value), [
    { algorithm: 'SHA1', value: 'AB12' },
    { algorithm: 'MD5', value: 'cd34' },
    { algorithm: 'SHA256', value: 'EF56' },
    { algorithm: 'IMPHASH', value: '0099' },
  ]);
  assert.deepEqual(decodeHashes(value)?.parts, [
    'SHA1 AB12',
    'MD5 cd34',
    'SHA256 EF56',
    'IMPHASH 0099',
  ]);
  assert.equal(decodeHashes('SHA256=EF56')?.text, 'SHA256 EF56');
  assert.deepEqual(decodeHashes('SHA256=EF56')?.parts, []);
  for (const text of ['', 'SHA1=', 'SHA1=xyz', 'hello, world', 'A=1,'.repeat(9) + 'A=1']) {
    assert.equal(splitHashes(text), undefined, text);
  }
});
