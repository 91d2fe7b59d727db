/**
 * What each Sysmon event and field means, in this project's words. Facts from the Sysinternals
 * Sysmon documentation, the schema manifest (SysmonCommon `manifest.xml`) and the public
 * configuration guides; field names match sysmon-fields.ts exactly.
 */
import { SYSMON_PROVIDER } from '../sysmon.js';
import { eventDoc, type EventDoc, type FieldDocs } from './model.js';

/** Every Sysmon event, Event IDs 1-29 and 255. */
export const SYSMON_EVENT_DOCS: readonly EventDoc[] = [
  sysmon(1, 'Process created', processCreateSummary(), {
    CommandLine: 'Full command line the process was started with, arguments included.',
    CurrentDirectory: 'Working directory the process started in.',
    User: 'Account the new process runs as, written DOMAIN\\name.',
    LogonGuid: 'Identifier Sysmon gives the logon session; every process of one session shares it.',
    LogonId:
      'Windows logon session ID in hex; the same value appears as TargetLogonId in the Security ' +
      "log's logon event 4624, which tells how the session began.",
    TerminalSessionId:
      'Windows session number: 0 for services and the system, 1 and up for people logged on.',
    IntegrityLevel:
      'Mandatory integrity level of the process: Low, Medium (a normal user), High (elevated ' +
      'administrator) or System.',
    ParentProcessGuid: 'ProcessGuid of the process that started this one.',
    ParentProcessId: 'Process ID of the process that started this one.',
    ParentImage: 'Program path of the process that started this one.',
    ParentCommandLine: 'Command line of the process that started this one.',
    ParentUser: 'Account the parent process ran as (Sysmon schema 4.80 and later).',
  }),
  sysmon(2, 'File creation time changed', fileTimeSummary(), {
    TargetFilename: 'Full path of the file whose creation time was changed.',
    CreationUtcTime: 'Creation time the file has now, in UTC.',
    PreviousCreationUtcTime: 'Creation time the file had before the change, in UTC.',
  }),
  sysmon(3, 'Network connection', networkSummary(), networkFields()),
  sysmon(
    4,
    'Sysmon service state changed',
    'The Sysmon service started or stopped. A stop outside maintenance, or a gap in the log ' +
      'without one, can mean someone switched monitoring off.',
    {
      State: 'Started or Stopped.',
      Version: 'Version of the Sysmon binary, such as 15.11.',
      SchemaVersion:
        'Schema version of the event fields Sysmon writes; it decides which fields events carry.',
    },
  ),
  sysmon(
    5,
    'Process terminated',
    'A process ended. With the process creation event of the same ProcessGuid it gives how long ' +
      'the process lived.',
  ),
  sysmon(6, 'Driver loaded', driverSummary(), {
    ImageLoaded: 'Full path of the driver file loaded into the kernel.',
  }),
  sysmon(
    7,
    'Image loaded',
    'A process loaded a module (DLL). Collection is off until a configuration asks for it, as ' +
      'it is very frequent. Used to spot DLL side-loading and hijacking: a trusted program ' +
      'loading an unsigned or misplaced library.',
    { ImageLoaded: 'Full path of the DLL that was loaded.' },
  ),
  sysmon(8, 'Remote thread created', remoteThreadSummary(), remoteThreadFields()),
  sysmon(
    9,
    'Raw disk read',
    'A process read a volume or disk directly, below the file system. Tools use this to copy ' +
      'files Windows keeps locked, such as the NTDS.dit database or registry hives.',
    { Device: 'Device that was read, such as \\Device\\HarddiskVolume2.' },
  ),
  sysmon(10, 'Process accessed', processAccessSummary(), processAccessFields()),
  sysmon(
    11,
    'File created',
    'A file was created, or an existing one overwritten. Shows what programs drop on disk: ' +
      'downloads, payloads, scripts, files in startup folders.',
  ),
  sysmon(12, 'Registry key or value created or deleted', registrySummary('created or deleted'), {
    EventType: 'CreateKey, DeleteKey or DeleteValue (a new value shows as SetValue, Event 13).',
    TargetObject:
      "Full registry path of the key or value, with Sysmon's short hive names (HKLM, HKU, ...).",
  }),
  sysmon(13, 'Registry value set', registrySummary('set'), {
    EventType: 'SetValue.',
    TargetObject: 'Full registry path of the value that was written.',
    Details:
      'Data written: numbers as DWORD or QWORD with their hex value, text as it is, and ' +
      '"Binary Data" for binary values.',
  }),
  sysmon(14, 'Registry key or value renamed', registrySummary('renamed'), {
    EventType: 'RenameKey.',
    TargetObject: 'Full registry path before the rename.',
    NewName: 'Full registry path after the rename.',
  }),
  sysmon(15, 'File stream created', streamSummary(), {
    TargetFilename: 'File and stream name, such as setup.exe:Zone.Identifier.',
    CreationUtcTime: 'Creation time stored on the file, in UTC.',
    Hash: 'Hashes of the stream content, as ALGORITHM=value pairs.',
    Contents:
      'Text of a small stream (schema 4.31 and later). For Zone.Identifier it holds the zone ' +
      'and often the URL the file was downloaded from.',
  }),
  sysmon(
    16,
    'Sysmon configuration changed',
    'Sysmon loaded a new configuration. What Sysmon logs from here on changed; an unexpected ' +
      'change can blind monitoring.',
    {
      Configuration: 'Path of the configuration file, or the command line that changed it.',
      ConfigurationFileHash: 'Hash of the configuration file that was loaded.',
    },
  ),
  sysmon(17, 'Named pipe created', pipeSummary('created a named pipe (the server end)'), {
    EventType: 'CreatePipe.',
    PipeName: 'Name of the pipe, such as \\PSEXESVC.',
    Image: 'Program that created the pipe.',
  }),
  sysmon(18, 'Named pipe connected', pipeSummary('connected to a named pipe (the client end)'), {
    EventType: 'ConnectPipe.',
    PipeName: 'Name of the pipe connected to.',
    Image: 'Program that connected to the pipe.',
  }),
  sysmon(19, 'WMI event filter registered', wmiSummary('filter', 'the trigger'), {
    ...wmiFields(),
    EventNamespace: 'WMI namespace the filter watches, such as root\\cimv2.',
    Name: 'Name given to the filter.',
    Query: 'WQL query that defines when the filter fires.',
  }),
  sysmon(20, 'WMI event consumer registered', wmiSummary('consumer', 'the action'), {
    ...wmiFields(),
    Name: 'Name given to the consumer.',
    Type: 'Kind of consumer, such as Command Line or Script.',
    Destination: 'Command line or script the consumer runs when triggered.',
  }),
  sysmon(21, 'WMI consumer bound to filter', wmiSummary('binding', 'the link'), {
    ...wmiFields(),
    Consumer: 'WMI path of the consumer that was bound.',
    Filter: 'WMI path of the filter that was bound.',
  }),
  sysmon(22, 'DNS query', dnsSummary(), {
    QueryName: 'Name that was looked up.',
    QueryStatus:
      'Result code: 0 for success, otherwise a Windows error number (9003: the name does not ' +
      'exist).',
    QueryResults:
      'Answers separated by ";": addresses (IPv4 sometimes written ::ffff:a.b.c.d) and, for ' +
      'aliases, "type:  5" followed by the alias name; "-" when there was no answer.',
    Image: 'Program that made the query.',
  }),
  sysmon(
    23,
    'File deleted and archived',
    'A file was deleted and Sysmon kept a copy in its archive directory, so a tool an attacker ' +
      'removed after use can still be recovered.',
    { TargetFilename: 'Full path of the deleted file.' },
  ),
  sysmon(24, 'Clipboard changed', clipboardSummary(), {
    Session: 'Windows session number the clipboard belongs to.',
    ClientInfo: 'Who owns the session: the user and, over RDP, the client computer.',
    Hashes: 'Hashes of the clipboard text.',
  }),
  sysmon(25, 'Process tampering', tamperingSummary(), {
    Type: 'What was seen, such as "Image is replaced" or "Image is locked for access".',
  }),
  sysmon(
    26,
    'File deleted',
    'A file was deleted; unlike Event 23, no copy was kept. Shows clean-up after an intrusion.',
    { TargetFilename: 'Full path of the deleted file.' },
  ),
  sysmon(
    27,
    'Executable file blocked',
    'Sysmon stopped a process from writing an executable (PE) file, because a block rule in the ' +
      'configuration matched. Someone tried to drop a program where the rules forbid it.',
    { TargetFilename: 'Executable file that was not allowed to be written.' },
  ),
  sysmon(
    28,
    'File shredding blocked',
    'Sysmon stopped a process from wiping a file by overwriting it, as shredding tools do to ' +
      'destroy evidence, because a rule in the configuration matched.',
    { TargetFilename: 'File that was not allowed to be shredded.' },
  ),
  sysmon(
    29,
    'Executable file detected',
    'A new executable (PE) file was written where the configuration watches. It is logged, not ' +
      'blocked.',
    { TargetFilename: 'Executable file that was written.' },
  ),
  sysmon(
    255,
    'Sysmon error',
    'Sysmon reported a problem of its own; some activity may not have been logged.',
    {
      ID: 'Identifier of the error.',
      Description: "What went wrong, in Sysmon's words.",
    },
  ),
];

function sysmon(eventId: number, title: string, summary: string, fields?: FieldDocs): EventDoc {
  return eventDoc(SYSMON_PROVIDER, eventId, title, summary, fields);
}

function processCreateSummary(): string {
  return (
    'A process started. It gives the full command line, the parent process, the account and ' +
    'logon session, the integrity level and file hashes, and its ProcessGuid joins every other ' +
    'event of the process to it; most hunts start here.'
  );
}

function fileTimeSummary(): string {
  return (
    "A process changed a file's creation time. Attackers backdate files they drop so they blend " +
    'in with old ones ("timestomping"); installers and browsers also do it for ordinary reasons.'
  );
}

function networkSummary(): string {
  return (
    'A process opened or accepted a TCP connection, or sent or received UDP. Collection is off ' +
    'until a configuration asks for it, and a configuration may log only some programs. Each ' +
    'row names the program, so beacons and unusual talkers can be tied to an executable.'
  );
}

function networkFields(): FieldDocs {
  return {
    User: 'Account the process ran as.',
    Protocol: 'tcp or udp.',
    Initiated:
      'true when this computer opened the connection (outbound), false when it accepted it.',
    SourceIsIpv6: 'true when the source address is IPv6.',
    SourceIp:
      'Address of the end that opened the connection. For an accepted connection this is ' +
      'normally the remote peer, but some logs put this computer here: check both ends.',
    SourceHostname:
      'Name Sysmon found for the source address by a reverse lookup; often empty, and not ' +
      'proof of anything.',
    SourcePort: 'Port number at the source end.',
    SourcePortName: 'Service name of the source port from the local services list, if any.',
    DestinationIsIpv6: 'true when the destination address is IPv6.',
    DestinationIp: 'Address of the end that was connected to.',
    DestinationHostname:
      'Name Sysmon found for the destination address by a reverse lookup. The owner of the ' +
      'address controls that answer, so it is a hint only; the DNS query event (22) of the same ' +
      'process shows the name it actually asked for.',
    DestinationPort: 'Port number at the destination end.',
    DestinationPortName: 'Service name of the destination port (https, smb, ...), if known.',
  };
}

function driverSummary(): string {
  return (
    'A driver was loaded into the kernel. An unsigned driver, or a signed one that is known to ' +
    'be vulnerable, is how attackers get kernel access and switch security tools off.'
  );
}

function remoteThreadSummary(): string {
  return (
    'A process started a thread inside another process. Debuggers and some system tools do ' +
    'this; so does code injection, which runs malicious code under the name of a trusted process.'
  );
}

function remoteThreadFields(): FieldDocs {
  return {
    SourceProcessGuid: 'ProcessGuid of the process that created the thread.',
    SourceProcessId: 'Process ID of the process that created the thread.',
    SourceImage: 'Program of the process that created the thread.',
    TargetProcessGuid: 'ProcessGuid of the process the thread was started in.',
    TargetProcessId: 'Process ID of the process the thread was started in.',
    TargetImage: 'Program of the process the thread was started in.',
    NewThreadId: 'Thread ID of the new thread.',
    StartAddress: 'Memory address where the new thread begins running.',
    StartModule:
      'Module that holds the start address. Empty when the address lies in memory no file ' +
      'backs, a sign of injected code.',
    StartFunction: 'Exported function at the start address, when known (such as LoadLibraryW).',
  };
}

function processAccessSummary(): string {
  return (
    'A process opened another process, with the access rights it asked for. The usual way to ' +
    'spot credential theft from LSASS (lsass.exe) and preparation for injection.'
  );
}

function processAccessFields(): FieldDocs {
  return {
    SourceProcessGUID: 'ProcessGuid of the process that opened the other one.',
    SourceProcessId: 'Process ID of the process that opened the other one.',
    SourceThreadId: 'Thread that made the request.',
    SourceImage: 'Program of the process that opened the other one.',
    TargetProcessGUID: 'ProcessGuid of the process that was opened.',
    TargetProcessId: 'Process ID of the process that was opened.',
    TargetImage: 'Program of the process that was opened.',
    GrantedAccess:
      'Access rights granted, as a hex mask. Reading memory (0x10) of lsass.exe is the ' +
      'classic credential-dumping pattern.',
    CallTrace:
      'Call stack that made the request, as module+offset entries separated by "|". An ' +
      'UNKNOWN entry means code outside any loaded module, often injected code.',
  };
}

function registrySummary(what: string): string {
  return (
    `A registry key or value was ${what}. Persistence (Run keys, services, COM objects), ` +
    'weakened security settings and tool configuration all show up in the registry.'
  );
}

function streamSummary(): string {
  return (
    'A named stream (alternate data stream) was created on a file. Browsers add a ' +
    'Zone.Identifier stream to downloads ("mark of the web"); attackers also hide data in streams.'
  );
}

function pipeSummary(what: string): string {
  return (
    `A process ${what}. Remote administration tools and command-and-control frameworks talk ` +
    'over named pipes, and many use recognisable pipe names.'
  );
}

function wmiSummary(part: string, role: string): string {
  return (
    `A WMI event ${part} was created, changed or deleted; it is ${role} of a WMI event ` +
    'subscription. A filter, a consumer and the binding between them make WMI run a command ' +
    'whenever something happens: a known way to persist without files in startup folders.'
  );
}

function wmiFields(): FieldDocs {
  return {
    EventType: 'WmiFilterEvent, WmiConsumerEvent or WmiBindingEvent.',
    Operation: 'Created, Modified or Deleted.',
    User: 'Account that made the change.',
  };
}

function dnsSummary(): string {
  return (
    'A process looked up a name through the Windows DNS client. It ties names to programs and ' +
    'to the addresses they then connect to. Programs with their own resolver (including DNS ' +
    'over HTTPS in browsers) do not appear.'
  );
}

function clipboardSummary(): string {
  return (
    'New content was put on the clipboard. With archiving on, Sysmon keeps the text, which can ' +
    'catch passwords and commands pasted into remote sessions.'
  );
}

function tamperingSummary(): string {
  return (
    'The image of a running process no longer matches its file on disk, a sign of process ' +
    'hollowing or similar tricks that run one program under the name of another.'
  );
}
