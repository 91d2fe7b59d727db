/** Hunt: values written under the Run keys. */
import type { ReadyHunt } from './model.js';

export const RUN_KEY_PERSISTENCE: ReadyHunt = {
  id: 'run-key-persistence',
  title: 'Run-key persistence',
  techniques: ['T1547.001'],
  looksFor:
    'Registry keys created (Sysmon 12) and values set (Sysmon 13) under ' +
    '...\\CurrentVersion\\Run, RunOnce and their kin: programs started at every logon. ' +
    'Keys and values deleted there are left out.',
  opens: {
    kind: 'query',
    query:
      '(eventId:12 OR eventId:13) provider:"Microsoft-Windows-Sysmon" ' +
      '-EventType:DeleteKey -EventType:DeleteValue ' +
      'TargetObject:/\\\\CurrentVersion\\\\(Policies\\\\Explorer\\\\)?Run(Once|OnceEx|Services|ServicesOnce)?(\\\\|$)/i',
  },
};
