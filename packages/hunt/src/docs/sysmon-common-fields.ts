/**
 * What the fields many Sysmon events share mean, in this project's words; an event's own text
 * in sysmon-docs.ts wins over these. Facts from the Sysinternals Sysmon documentation and the
 * schema manifest.
 */
import type { FieldDocs } from './model.js';

/** Fields many Sysmon events share; an event's own text for a field wins over these. */
export const SYSMON_COMMON_FIELDS: FieldDocs = {
  RuleName:
    'Name of the configuration rule that caused this event to be logged; empty or "-" when the ' +
    'rule had no name. Community configurations often put MITRE ATT&CK technique IDs here.',
  UtcTime:
    'When Sysmon saw the activity, in UTC to the millisecond, as Sysmon wrote it. It can differ ' +
    'slightly from the time the record was written to the log.',
  ProcessGuid:
    'Identifier Sysmon gives the process. Unlike the process ID it is never reused on this ' +
    'computer, so it ties together every event of one process run.',
  ProcessId: 'Windows process ID. Windows hands the number out again once the process ends.',
  Image: 'Full path of the program the process was started from.',
  User: 'Account the process ran as, written DOMAIN\\name.',
  Hashes:
    'Hashes of the file, as ALGORITHM=value pairs separated by commas, for the algorithms the ' +
    'configuration asks for (MD5, SHA1, SHA256, IMPHASH).',
  TargetFilename: 'Full path of the file the activity was about.',
  CreationUtcTime: 'Creation time stored on the file, in UTC. Programs can set it to any value.',
  EventType: "Which kind of operation this event records, in Sysmon's words (such as SetValue).",
  IsExecutable: 'True when the file is a Windows executable (PE format).',
  FileVersion: "File version from the program's version information. The file itself supplies it.",
  Description:
    "Description from the program's version information. Anyone building a file can write any " +
    'text here, so it proves nothing on its own.',
  Product: "Product name from the program's version information; supplied by the file.",
  Company: "Company name from the program's version information; supplied by the file.",
  OriginalFileName:
    'File name the program was built with, from its version information. Renaming the file ' +
    'does not change it, so a renamed tool (rundll32.exe copied as svc.exe) still shows it.',
  Signed: 'True when the file carries a digital signature.',
  Signature: 'Name of the signer, when the file is signed.',
  SignatureStatus:
    'Whether the signature checked out: Valid, or the reason it did not (Expired, Revoked, ...).',
  ImageLoaded: 'Full path of the module or driver file that was loaded.',
  SourceUser: 'Account the source process ran as.',
  TargetUser: 'Account the target process ran as.',
  Archived: 'Whether Sysmon kept a copy of the content in its archive directory (true or false).',
};
