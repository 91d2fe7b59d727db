/** A Sysmon network event whose every data field an attacker chose, for the export tests. */
import type { ExportRecord } from '../../src/export/export-record.js';

export const HOSTILE: ExportRecord = {
  recordId: '18446744073709551615',
  timeCreated: '2024-05-01T10:00:00.1234567Z',
  writtenTime: '2024-05-01T10:00:01.0000000Z',
  eventId: 3,
  provider: 'Microsoft-Windows-Sysmon',
  channel: 'Microsoft-Windows-Sysmon/Operational',
  computer: '=HYPERLINK("http://x")',
  data: {
    Image: 'C:\\evil\x1b]0;pwned\x07.exe',
    CommandLine: '@SUM(1,2)\r\n"quoted"',
    User: 'CORP\\alice',
    ProcessId: '99999999999',
    DestinationIp: '10.0.0.1; DROP',
    DestinationPort: '443',
    SourceIp: 'fe80::1',
    SourcePort: '70000',
    Protocol: 'TCP',
    Initiated: 'true',
    message: 'spoofed',
    ['__proto__']: 'polluted',
    Hashes: 'SHA256=AB12,IMPHASH=CD34,__proto__=1',
  },
};
