/** Hunt: Windows' own programs (LOLBins) taking connections in. */
import type { ReadyHunt } from './model.js';

export const LOLBIN_INBOUND: ReadyHunt = {
  id: 'lolbin-inbound',
  title: 'Living-off-the-land binaries listening',
  techniques: ['T1218', 'T1571'],
  looksFor:
    'Programs that ship with Windows and should not serve anything accepting inbound ' +
    'connections: a bind shell or a relay hiding behind a trusted name.',
  opens: { kind: 'findings', finding: 'lolbin-inbound' },
};
