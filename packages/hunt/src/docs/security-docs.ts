/**
 * What the common Security log events (provider Microsoft-Windows-Security-Auditing) and their
 * main fields mean, in this project's words. Facts from Microsoft's "Advanced security audit
 * policy" event pages, checked against the events of the shared corpus. Values written as
 * %%1234 are message codes Event Viewer replaces with words; the meaning of the common ones is
 * given beside the field. Account management and Kerberos events are in
 * security-account-docs.ts.
 */
import { eventDoc, type EventDoc, type FieldDocs } from './model.js';
import { SECURITY_AUDITING_PROVIDER } from './providers.js';
import { SECURITY_ACCOUNT_EVENT_DOCS } from './security-account-docs.js';

/** Fields many Security events share; an event's own text for a field wins over these. */
export const SECURITY_COMMON_FIELDS: FieldDocs = {
  SubjectUserSid: 'Security identifier (SID) of the account that did or asked for the action.',
  SubjectUserName:
    'Account that did or asked for the action; a name ending in $ is a computer account.',
  SubjectDomainName: 'Domain or computer name of the acting account.',
  SubjectLogonId:
    'Logon session ID of the acting account, in hex; find the same value as TargetLogonId in ' +
    'a logon event (4624) to see how that session started. 0x3e7 is the computer itself.',
  TargetUserSid: 'SID of the account the event is about.',
  TargetUserName: 'Account the event is about.',
  TargetDomainName: 'Domain or computer name of the account the event is about.',
  TargetLogonId: 'Logon session ID, in hex, of the session the event is about.',
  TargetSid: 'SID of the account or group the event is about.',
  LogonType:
    'How the logon happened: 2 at the keyboard, 3 over the network (file shares, remote tools), ' +
    '4 batch (scheduled task), 5 service, 7 unlock, 8 network with the password in clear text, ' +
    '9 new credentials (runas /netonly), 10 Remote Desktop, 11 with cached domain credentials.',
  LogonProcessName: 'Trusted logon process that handled the logon, such as User32 or NtLmSsp.',
  AuthenticationPackageName: 'Authentication package used: Kerberos, NTLM or Negotiate.',
  WorkstationName:
    'Name of the client computer, as the client itself reported it; easy to fake, and often ' +
    'empty for Kerberos.',
  LogonGuid: 'Identifier that links this logon to Kerberos events (4769) on domain controllers.',
  TransmittedServices: 'Services in a Kerberos delegation (S4U) chain; "-" when there was none.',
  LmPackageName:
    'NTLM version for NTLM logons: NTLM V1 is weak and should be rare, NTLM V2 is normal; "-" ' +
    'for other packages.',
  KeyLength: 'Length of the NTLM session key, 128 for NTLM V2; 0 for Kerberos and local logons.',
  ProcessId: 'ID of the process that asked for the action, in hex.',
  ProcessName: 'Program of the process that asked for the action.',
  IpAddress:
    'Network address the request came from; "-" or a loopback address when it came from this ' +
    'computer.',
  IpPort: 'Source port of the request; 0 or "-" for local requests.',
  Status:
    'Result code in hex: 0x0 for success, otherwise a Windows (NTSTATUS) or Kerberos error code.',
  PrivilegeList:
    'Privileges involved, one per line (such as SeDebugPrivilege), or "-" when none apply.',
  MemberName:
    'Distinguished name of the account added to the group; "-" for members of local groups.',
  MemberSid: 'SID of the account added to the group.',
  ServiceName: 'Name of the service the event is about.',
  TaskName: 'Full path of the scheduled task in the Task Scheduler library.',
  TaskContent: 'XML definition of the task, including the commands it runs and its triggers.',
  ClientProcessStartKey: 'Start key of the process that asked Task Scheduler for the change.',
  ClientProcessId: 'ID of the process that asked Task Scheduler for the change.',
  ParentProcessId: 'ID of the parent of the process that asked Task Scheduler for the change.',
  RpcCallClientLocality:
    'Whether the request to Task Scheduler came over RPC from this computer or another one.',
  FQDN: 'Full name of the computer where the task was changed.',
};

/** The Security log events the workbench explains (account and Kerberos ones included). */
export const SECURITY_EVENT_DOCS: readonly EventDoc[] = [
  security(4624, 'Successful logon', logonSummary(), logonFields()),
  security(4625, 'Failed logon', failedLogonSummary(), {
    TargetUserName: 'Account name that was tried.',
    TargetDomainName: 'Domain that was given with the account name.',
    Status: 'Why the logon failed, as an NTSTATUS code; see SubStatus for the precise reason.',
    SubStatus:
      'Precise reason: 0xc0000064 no such user, 0xc000006a wrong password, 0xc0000234 account ' +
      'locked out, 0xc0000072 account disabled, 0xc0000071 password expired.',
    FailureReason: 'Reason as a message code; %%2313 is "unknown user name or bad password".',
  }),
  security(
    4634,
    'Logoff',
    'A logon session ended. TargetLogonId matches the logon event (4624) that started the ' +
      'session, so the two give how long it lasted.',
  ),
  security(
    4647,
    'User-initiated logoff',
    'A user chose to log off an interactive session; the session end itself is event 4634.',
  ),
  security(4648, 'Logon with explicit credentials', explicitCredentialsSummary(), {
    TargetUserName: 'Account whose credentials were supplied.',
    TargetDomainName: 'Domain of the supplied account.',
    TargetLogonGuid: 'Kerberos logon identifier of the supplied account, when Kerberos was used.',
    TargetServerName: 'Computer the credentials were used for; localhost for this computer.',
    TargetInfo: 'More about the target, often the service name (such as cifs/server).',
  }),
  security(
    4672,
    'Special privileges assigned to new logon',
    'A new logon session holds administrator-level privileges. It follows the logon event ' +
      '(4624) of the same SubjectLogonId and marks the sessions of powerful accounts.',
    { PrivilegeList: 'Sensitive privileges the session holds, such as SeDebugPrivilege.' },
  ),
  security(4688, 'Process created', processCreatedSummary(), processCreatedFields()),
  security(4689, 'Process exited', processExitedSummary(), {
    Status: 'Exit code of the process, in hex.',
    ProcessId: 'ID of the process that ended, in hex.',
    ProcessName: 'Program of the process that ended.',
  }),
  security(4697, 'Service installed', serviceInstalledSummary(), {
    ServiceName: 'Name of the new service.',
    ServiceFileName: 'Command line the service runs: program path and arguments.',
    ServiceType:
      'Kind of service, in hex: 0x10 runs in its own process, 0x20 shares a process, 0x1 is a ' +
      'kernel driver.',
    ServiceStartType: 'When it starts: 2 automatically, 3 on demand, 4 disabled.',
    ServiceAccount: 'Account the service runs as, such as LocalSystem.',
  }),
  security(4698, 'Scheduled task created', taskSummary('created')),
  security(4699, 'Scheduled task deleted', taskSummary('deleted')),
  security(4702, 'Scheduled task updated', taskSummary('changed'), {
    TaskContentNew: 'XML definition of the task after the change.',
  }),
  security(4719, 'System audit policy changed', auditPolicySummary(), {
    CategoryId: 'Audit category that changed, as a message code.',
    SubcategoryId: 'Audit subcategory that changed, as a message code.',
    SubcategoryGuid: 'Identifier of the subcategory that changed.',
    AuditPolicyChanges:
      'What changed, as message codes: %%8448 success auditing removed, %%8449 success added, ' +
      '%%8450 failure removed, %%8451 failure added.',
  }),
  ...SECURITY_ACCOUNT_EVENT_DOCS,
];

function security(eventId: number, title: string, summary: string, fields?: FieldDocs): EventDoc {
  return eventDoc(SECURITY_AUDITING_PROVIDER, eventId, title, summary, fields);
}

function logonSummary(): string {
  return (
    'An account logged on to this computer and a logon session was created. LogonType says ' +
    'how (at the keyboard, over the network, over Remote Desktop, as a service), IpAddress and ' +
    'WorkstationName say from where; the base for tracing lateral movement.'
  );
}

function logonFields(): FieldDocs {
  return {
    TargetUserName: 'Account that logged on.',
    TargetLogonId: 'ID of the new logon session, in hex; later events of the session carry it.',
    ImpersonationLevel:
      'How far a server may act for the account: %%1832 identification, %%1833 impersonation, ' +
      '%%1840 delegation (it may reach other computers as the account).',
    RestrictedAdminMode:
      'Yes when Remote Desktop ran in Restricted Admin mode (no credentials sent).',
    RemoteCredentialGuard: 'Yes when Remote Credential Guard protected the Remote Desktop logon.',
    TargetOutboundUserName: 'For logon type 9: the account used for network connections.',
    TargetOutboundDomainName: 'For logon type 9: the domain of that outbound account.',
    VirtualAccount: 'Whether the account is a virtual account (%%1842 yes, %%1843 no).',
    TargetLinkedLogonId:
      'The other half of a split administrator logon: the filtered and the full session each ' +
      'point at the other.',
    ElevatedToken: 'Whether the session has a full administrator token (%%1842 yes, %%1843 no).',
  };
}

function failedLogonSummary(): string {
  return (
    'A logon attempt failed. Many failures for one account suggest password guessing; failures ' +
    'for many accounts from one address suggest password spraying.'
  );
}

function explicitCredentialsSummary(): string {
  return (
    'A process used credentials other than those of its own session, as runas does, or a tool ' +
    'connecting to another computer with a supplied user name and password.'
  );
}

function processCreatedSummary(): string {
  return (
    "Windows' own record of a process start. The command line is only present when the policy " +
    '"Include command line in process creation events" is on.'
  );
}

function processCreatedFields(): FieldDocs {
  return {
    NewProcessId: 'ID of the new process, in hex.',
    NewProcessName: 'Program of the new process.',
    TokenElevationType:
      'UAC state of the new process: %%1936 full token with no split (UAC off or a built-in ' +
      'account), %%1937 elevated, %%1938 limited (not elevated).',
    ProcessId: 'ID of the parent process, in hex.',
    CommandLine: 'Command line of the new process, when the policy records it.',
    TargetUserSid: 'SID of the account the new process runs as (Windows 10 and later).',
    TargetUserName: 'Account the new process runs as (Windows 10 and later).',
    TargetDomainName: 'Domain of the account the new process runs as.',
    TargetLogonId: 'Logon session of the new process, in hex.',
    ParentProcessName: 'Program of the parent process (Windows 10 and later).',
    MandatoryLabel:
      'Integrity level as a SID: S-1-16-4096 low, S-1-16-8192 medium, S-1-16-12288 high, ' +
      'S-1-16-16384 system.',
  };
}

function processExitedSummary(): string {
  return (
    'A process ended. With the process creation event (4688) of the same process ID it gives ' +
    'how long the process ran; Windows reuses process IDs, so match on time as well.'
  );
}

function serviceInstalledSummary(): string {
  return (
    'A service was installed, seen by the Security log. Tools that run commands on other ' +
    'computers (PsExec and its kind) install a service to do it; see also System event 7045.'
  );
}

function taskSummary(what: string): string {
  return (
    `A scheduled task was ${what}. Tasks run commands on a schedule or at logon, so they are ` +
    'used for persistence and for running commands on other computers.'
  );
}

function auditPolicySummary(): string {
  return (
    'The audit policy of this computer changed. Switching auditing off is a way to hide what ' +
    'follows, so a change nobody planned deserves attention.'
  );
}
