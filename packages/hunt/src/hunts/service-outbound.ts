/** Hunt: service binaries phoning home. */
import type { ReadyHunt } from './model.js';

export const SERVICE_OUTBOUND: ReadyHunt = {
  id: 'service-outbound',
  title: 'Service binaries phoning home',
  techniques: ['T1543.003', 'T1071'],
  looksFor:
    'Service host processes that normally stay on the local network making connections to ' +
    'public addresses: an implant installed as a service or injected into one.',
  opens: { kind: 'findings', finding: 'service-outbound' },
};
