/**
 * What a few non-Security events every hunt meets mean: log clearing (Eventlog 1102 and 104),
 * service installation in the System log (Service Control Manager 7045) and PowerShell
 * logging (4103, 4104). In this project's words, from Microsoft's documentation of these
 * events, checked against the events of the shared corpus.
 */
import { eventDoc, type EventDoc } from './model.js';
import {
  EVENTLOG_PROVIDER,
  POWERSHELL_PROVIDER,
  SERVICE_CONTROL_MANAGER_PROVIDER,
} from './providers.js';

/** Log clearing, service installation and PowerShell logging events. */
export const WINDOWS_LOG_EVENT_DOCS: readonly EventDoc[] = [
  eventDoc(
    EVENTLOG_PROVIDER,
    1102,
    'Security log cleared',
    'Someone cleared the Security log. Attackers do this to erase their traces; outside ' +
      'planned maintenance it is a strong sign something is being hidden.',
    {
      SubjectUserSid: 'SID of the account that cleared the log.',
      SubjectUserName: 'Account that cleared the log.',
      SubjectDomainName: 'Domain or computer of that account.',
      SubjectLogonId: 'Logon session that cleared the log, in hex.',
    },
  ),
  eventDoc(
    EVENTLOG_PROVIDER,
    104,
    'Event log cleared',
    'A log was cleared (this event is written to the System log). Channel says which one; ' +
      'clearing logs such as Sysmon/Operational hides activity from hunters.',
    {
      SubjectUserName: 'Account that cleared the log.',
      SubjectDomainName: 'Domain or computer of that account.',
      Channel: 'Log that was cleared, such as Microsoft-Windows-Sysmon/Operational.',
      BackupPath: 'Where a copy was saved before clearing; empty when none was kept.',
    },
  ),
  eventDoc(
    SERVICE_CONTROL_MANAGER_PROVIDER,
    7045,
    'Service installed',
    'A new service was installed (System log). Remote execution tools such as PsExec install ' +
      'a service on the target, and malware installs services to persist; ImagePath shows the ' +
      'command that will run.',
    {
      ServiceName: 'Name of the new service.',
      ImagePath: 'Command line the service runs: program path and arguments.',
      ServiceType: 'Kind of service, such as user mode service or kernel mode driver.',
      StartType: 'When it starts: auto start, demand start, boot start, system start, disabled.',
      AccountName: 'Account the service runs as, such as LocalSystem.',
    },
  ),
  eventDoc(
    POWERSHELL_PROVIDER,
    4103,
    'PowerShell command executed (module logging)',
    'PowerShell ran a command with module logging on. It records each command and the values ' +
      'bound to its parameters, even when the script text itself was obfuscated.',
    {
      ContextInfo:
        'Where the command ran, one "Key = value" per line: host program, user, script path, ' +
        'command name and more.',
      UserData: 'Extra data from the host; usually empty.',
      Payload:
        'The commands run, as CommandInvocation(...) lines, and their parameter values, as ' +
        'ParameterBinding(...) lines.',
    },
  ),
  eventDoc(
    POWERSHELL_PROVIDER,
    4104,
    'PowerShell script block logged',
    'PowerShell compiled a block of code with script block logging on. Each layer of code ' +
      'built at run time (Invoke-Expression, decoded strings) is logged again as its own block, ' +
      'so obfuscation peels away. PowerShell logs blocks it finds suspicious as warnings even ' +
      'when script block logging is off.',
    {
      MessageNumber: 'Which part of a long block this event holds (1 to MessageTotal).',
      MessageTotal: 'How many events the block was split across.',
      ScriptBlockText: 'The PowerShell code of the block (or of this part of it).',
      ScriptBlockId: 'Identifier shared by all the parts of one block.',
      Path: 'Script file the block came from; empty for typed or generated code.',
    },
  ),
];
