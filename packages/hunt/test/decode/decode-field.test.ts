import { test } from 'node:test';
import assert from 'node:assert/strict';

import { DECODE_MAX_CHARS, decodeField } from '../../src/decode/decode-field.js';
import { SECURITY_AUDITING_PROVIDER } from '../../src/docs/providers.js';
import { SYSMON_PROVIDER } from '../../src/sysmon.js';

const security = (eventId: number, data = {}) => ({
  provider: SECURITY_AUDITING_PROVIDER,
  eventId,
  data,
});
const sysmon = (eventId: number) => ({ provider: SYSMON_PROVIDER, eventId });

test('decodeField reads Status as NTSTATUS in 4625 and as a Kerberos code in 4771', () => {
  assert.equal(decodeField(security(4625), 'SubStatus', '0xc0000064')?.text, 'no such user name');
  assert.match(decodeField(security(4771), 'Status', '0x18')?.text ?? '', /PREAUTH_FAILED/);
  assert.match(decodeField(security(4768), 'Status', '0x6')?.text ?? '', /C_PRINCIPAL_UNKNOWN/);
  assert.equal(
    decodeField(security(4776), 'Status', '0xc000006a')?.text.includes('password'),
    true,
  );
  // 4689's Status is the process's exit code: not decoded.
  assert.equal(decodeField(security(4689), 'Status', '0x0'), undefined);
});

test('decodeField decodes logon types in 4624, 4625 and 4634 only for Security', () => {
  for (const id of [4624, 4625, 4634]) {
    assert.match(decodeField(security(id), 'LogonType', '10')?.text ?? '', /^RemoteInteractive/);
  }
  assert.equal(decodeField(sysmon(1), 'LogonType', '10'), undefined);
  assert.equal(
    decodeField(
      { ...security(4624), provider: 'microsoft-windows-security-auditing' },
      'LogonType',
      '3',
    )?.text.startsWith('Network'),
    true,
  );
});

test('decodeField reads an AccessMask with the event ObjectType', () => {
  const file = security(4663, { ObjectType: 'File' });
  const key = security(4663, { ObjectType: 'Key' });
  assert.equal(decodeField(file, 'AccessMask', '0x2')?.text, 'WriteData/AddFile');
  assert.equal(decodeField(key, 'AccessMask', '0x2')?.text, 'KEY_SET_VALUE');
  assert.equal(decodeField(sysmon(10), 'GrantedAccess', '0x1010')?.parts.length, 2);
});

test('decodeField reads a 4662 AccessMask on a directory-service object (RDPAuth 506287)', () => {
  const ds = security(4662, {
    ObjectServer: 'DS',
    ObjectType: '%{bf967a86-0de6-11d0-a285-00aa003049e2}',
  });
  assert.equal(decodeField(ds, 'AccessMask', '0x20')?.text, 'DS_WRITE_PROP (Write Property)');
  assert.equal(
    decodeField(ds, 'AccessMask', '0x100')?.text,
    'DS_CONTROL_ACCESS (Control Access: an extended right)',
  );
});

test('decodeField decodes Kerberos options, SIDs, integrity levels and hashes', () => {
  assert.equal(decodeField(security(4769), 'TicketOptions', '0x40810000')?.parts.length, 3);
  assert.match(decodeField(security(4769), 'TicketEncryptionType', '0x17')?.text ?? '', /^RC4/);
  assert.equal(
    decodeField(security(4624), 'TargetUserSid', 'S-1-5-18')?.text,
    'Local System (SYSTEM)',
  );
  assert.match(decodeField(security(4688), 'MandatoryLabel', 'S-1-16-8192')?.text ?? '', /^Medium/);
  assert.match(decodeField(sysmon(1), 'IntegrityLevel', 'High')?.text ?? '', /^High/);
  // evtx-rs sysmon.evtx record 1897.
  assert.match(
    decodeField(sysmon(1), 'IntegrityLevel', 'AppContainer')?.text ?? '',
    /^AppContainer: /,
  );
  assert.equal(decodeField(sysmon(1), 'Hashes', 'MD5=AA,SHA256=BB')?.parts.length, 2);
  assert.equal(
    decodeField({ provider: 'Other', eventId: 1 }, 'System.UserID', 'S-1-5-19')?.text,
    'Local Service',
  );
});

test('decodeField leaves unknown, multi-valued and overlong values alone', () => {
  assert.equal(decodeField(security(4624), 'LogonType', ['3', '10']), undefined);
  assert.equal(
    decodeField(security(4624), 'LogonType', '3'.padStart(DECODE_MAX_CHARS + 1, '0')),
    undefined,
  );
  assert.equal(decodeField(security(4624), 'IpAddress', '10.0.0.1'), undefined);
  assert.equal(decodeField(sysmon(1), 'Hashes', 'not a hash'), undefined);
});
