/**
 * What the Security log's account management and domain authentication events mean: accounts
 * created, changed and locked out, group membership, Kerberos tickets and NTLM checks. In this
 * project's words, from Microsoft's event documentation, checked against the shared corpus.
 * Fields these events share with other Security events are in security-docs.ts.
 * TODO: fields added to 4768 and 4769 in Windows Server 2025 (encryption type lists and the
 * like) are not described yet; the details pane shows them without a description.
 */
import { eventDoc, type EventDoc, type FieldDocs } from './model.js';
import { SECURITY_AUDITING_PROVIDER } from './providers.js';

const USER_ACCOUNT_FIELDS: FieldDocs = {
  TargetUserName: 'Name of the account.',
  TargetDomainName: 'Domain or computer the account belongs to.',
  TargetSid: 'SID of the account.',
  SamAccountName: 'Logon name of the account (pre-Windows 2000 style); "-" when unchanged.',
  DisplayName: 'Display name; "-" when unchanged, <value not set> when empty.',
  UserPrincipalName: 'Logon name in user@domain form.',
  HomeDirectory: 'Home folder of the account.',
  HomePath: 'Drive letter the home folder is mapped to.',
  ScriptPath: 'Logon script run when the account logs on.',
  ProfilePath: 'Path of the roaming profile.',
  UserWorkstations: 'Computers the account may log on to; empty means any.',
  PasswordLastSet: 'When the password was last set.',
  AccountExpires: 'When the account expires.',
  PrimaryGroupId: 'Relative ID of the primary group; 513 is Domain Users.',
  AllowedToDelegateTo:
    'Services the account may delegate to (constrained delegation); a change here can open a ' +
    'path to impersonation.',
  OldUacValue: 'userAccountControl flags before the change, in hex.',
  NewUacValue: 'userAccountControl flags after the change, in hex.',
  UserAccountControl:
    'The userAccountControl flags that changed, as message codes: %%2080 account disabled, ' +
    '%%2082 password not required switched on, %%2084 normal account (the three a new account ' +
    'usually shows), %%2050 password not required switched off.',
  UserParameters: 'Parameters other programs store on the account; "-" when unchanged.',
  SidHistory:
    "SIDs added to the account's SID history. Extra SIDs here give the account the rights of " +
    'other accounts and are a known way to hide privileges.',
  LogonHours: 'Hours the account may log on.',
  Dummy: 'Unused placeholder field.',
};

/** Account management and domain authentication events. */
export const SECURITY_ACCOUNT_EVENT_DOCS: readonly EventDoc[] = [
  security(
    4720,
    'User account created',
    accountSummary('A user account was created.'),
    USER_ACCOUNT_FIELDS,
  ),
  security(
    4722,
    'User account enabled',
    accountSummary('A user account was enabled.'),
    USER_ACCOUNT_FIELDS,
  ),
  security(4724, 'Password reset attempted', passwordResetSummary(), USER_ACCOUNT_FIELDS),
  security(4728, 'Member added to a global security group', groupSummary('global'), groupFields()),
  security(4732, 'Member added to a local security group', groupSummary('local'), groupFields()),
  security(
    4738,
    'User account changed',
    accountSummary('A user account was changed.'),
    USER_ACCOUNT_FIELDS,
  ),
  security(4740, 'User account locked out', lockoutSummary(), {
    TargetUserName: 'Account that was locked out.',
    TargetDomainName: 'Computer the failed logons came from (the caller computer).',
    TargetSid: 'SID of the account that was locked out.',
  }),
  security(
    4756,
    'Member added to a universal security group',
    groupSummary('universal'),
    groupFields(),
  ),
  security(4768, 'Kerberos ticket-granting ticket requested', tgtSummary(), kerberosFields('tgt')),
  security(
    4769,
    'Kerberos service ticket requested',
    serviceTicketSummary(),
    kerberosFields('service'),
  ),
  security(4771, 'Kerberos pre-authentication failed', preAuthSummary(), kerberosFields('preauth')),
  security(4776, 'Credentials validated (NTLM)', ntlmSummary(), {
    PackageName: 'Authentication package that checked the credentials.',
    TargetUserName: 'Account whose credentials were checked.',
    Workstation: 'Name of the computer the client said it was on; easy to fake.',
    Status: 'Result: 0x0 success, 0xc0000064 no such user, 0xc000006a wrong password.',
  }),
];

function security(eventId: number, title: string, summary: string, fields?: FieldDocs): EventDoc {
  return eventDoc(SECURITY_AUDITING_PROVIDER, eventId, title, summary, fields);
}

function accountSummary(what: string): string {
  return (
    `${what} Subject is who did it. Unexpected accounts, or accounts changed outside normal ` +
    'administration, can be an attacker keeping access.'
  );
}

function passwordResetSummary(): string {
  return (
    "Someone tried to reset another account's password (Subject is who). A user changing their " +
    'own password is event 4723 instead.'
  );
}

function groupSummary(scope: string): string {
  return (
    `An account was added to a ${scope} security group. Additions to groups such as Domain ` +
    'Admins or the local Administrators group grant lasting privileges.'
  );
}

function groupFields(): FieldDocs {
  return {
    TargetUserName: 'Name of the group.',
    TargetDomainName: 'Domain or computer of the group.',
    TargetSid: 'SID of the group.',
  };
}

function lockoutSummary(): string {
  return (
    'An account was locked after too many failed logons, which can point to password guessing. ' +
    'Domain controllers log it; TargetDomainName names the computer the attempts came from.'
  );
}

function tgtSummary(): string {
  return (
    'A domain controller was asked for a Kerberos ticket-granting ticket: the first step of a ' +
    'domain logon. A request without pre-authentication can mean AS-REP roasting.'
  );
}

function serviceTicketSummary(): string {
  return (
    'A domain controller was asked for a ticket to a service. Many requests for RC4 tickets ' +
    '(encryption type 0x17) to user service accounts can mean Kerberoasting.'
  );
}

function preAuthSummary(): string {
  return (
    'Kerberos pre-authentication failed on a domain controller, usually a wrong password (status ' +
    '0x18); many of them suggest password guessing.'
  );
}

function ntlmSummary(): string {
  return (
    'A domain controller, or this computer for a local account, checked a user name and ' +
    'password with NTLM. Failures show password guessing.'
  );
}

function kerberosFields(kind: 'tgt' | 'service' | 'preauth'): FieldDocs {
  return {
    TargetUserName:
      kind === 'service' ? 'Account that asked for the ticket.' : 'Account name given.',
    TargetDomainName: 'Kerberos realm (domain) of the account.',
    TargetSid: 'SID of the account.',
    ServiceName:
      kind === 'service' ? 'Service account the ticket is for.' : 'Service asked for (krbtgt).',
    ServiceSid: 'SID of that service account.',
    TicketOptions: 'Kerberos ticket options requested, as hex flags.',
    TicketEncryptionType:
      'Encryption of the ticket: 0x12 and 0x11 are AES, 0x17 is RC4 (weak, and what roasting ' +
      'tools ask for), 0xffffffff when the request failed.',
    PreAuthType:
      'Pre-authentication used: 2 a password, 15 to 17 a certificate, 0 none at all (AS-REP ' +
      'roasting); "-" when the request failed first.',
    CertIssuerName: 'Issuer of the certificate used for a smart card or certificate logon.',
    CertSerialNumber: 'Serial number of that certificate.',
    CertThumbprint: 'Thumbprint of that certificate.',
    Status:
      'Kerberos result code: 0x0 success, 0x6 unknown account, 0x12 account disabled or ' +
      'locked, 0x18 wrong password, 0x20 ticket expired.',
  };
}
