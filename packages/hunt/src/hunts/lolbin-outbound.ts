/** Hunt: Windows' own programs (LOLBins) connecting out. */
import type { ReadyHunt } from './model.js';

export const LOLBIN_OUTBOUND: ReadyHunt = {
  id: 'lolbin-outbound',
  title: 'Living-off-the-land binaries connecting out',
  techniques: ['T1218', 'T1105', 'T1071'],
  looksFor:
    'Programs that ship with Windows and seldom need the network (rundll32, mshta, certutil, ' +
    'regsvr32, ...) making outbound connections: a common way to fetch or run a payload.',
  opens: { kind: 'findings', finding: 'lolbin-outbound' },
};
