/** Hunt: values written under the Run keys. */
import type { ReadyHunt } from './model.js';

export const RUN_KEY_PERSISTENCE: ReadyHunt = {
  id: 'run-key-persistence',
  title: 'Run-key persistence',
  techniques: ['T1547.001'],
  looksFor:
    'Registry keys and values created or set under ...\\CurrentVersion\\Run, RunOnce and ' +
    'their kin (Sysmon 12, 13): programs started at every logon.',
  opens: {
    kind: 'query',
    query:
      '(eventId:12 OR eventId:13) provider:"Microsoft-Windows-Sysmon" ' +
      'TargetObject:/\\\\CurrentVersion\\\\(Policies\\\\Explorer\\\\)?Run(Once|OnceEx|Services|ServicesOnce)?(\\\\|$)/i',
  },
};
