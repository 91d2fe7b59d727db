/** Hunt: services installed. */
import type { ReadyHunt } from './model.js';

export const NEW_SERVICES: ReadyHunt = {
  id: 'new-services',
  title: 'New services installed',
  techniques: ['T1543.003', 'T1569.002'],
  looksFor:
    'Services installed (System 7045, Security 4697). PsExec, Impacket and many implants run ' +
    'their payload as a new service; read the ImageFile or ServiceFileName.',
  opens: {
    kind: 'query',
    query:
      '(eventId:7045 provider:"Service Control Manager") OR ' +
      '(eventId:4697 provider:"Microsoft-Windows-Security-Auditing")',
  },
};
