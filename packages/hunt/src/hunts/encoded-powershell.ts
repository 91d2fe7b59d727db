/** Hunt: PowerShell given an encoded command, or decoding one. */
import type { ReadyHunt } from './model.js';

export const ENCODED_POWERSHELL: ReadyHunt = {
  id: 'encoded-powershell',
  title: 'Encoded PowerShell',
  techniques: ['T1059.001', 'T1027'],
  looksFor:
    'Processes started with a Base64 command passed by -enc, -e or -EncodedCommand, or started ' +
    'by such a process (its ParentCommandLine; Sysmon 1, Security 4688), and script blocks ' +
    '(4104) decoding Base64 or starting encoded PowerShell.',
  opens: {
    kind: 'query',
    query:
      'CommandLine:/\\s[-\\/]e(c|n[a-z]*)?\\s+[a-z0-9+\\/=]{20,}/i OR ' +
      'ParentCommandLine:/\\s[-\\/]e(c|n[a-z]*)?\\s+[a-z0-9+\\/=]{20,}/i OR ' +
      '(eventId:4104 ScriptBlockText:/FromBase64String|\\s-e(c|n[a-z]*)?\\s+[a-z0-9+\\/=]{20,}/i)',
  },
};
