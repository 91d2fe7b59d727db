/**
 * `--slack`: also read the records left in the unused space at the end of each chunk (from
 * before the log wrapped), flagged recovered. Off by default: see the README's "Slack space".
 */
import type { EvtxFileOptions } from '@evtxhunt/evtx/node';

import type { OptionSpec, ParsedArgs } from './args.js';

/** The `--slack` option every reading command takes. */
export const SLACK_OPTION: OptionSpec = { name: 'slack', kind: 'flag' };

/** What `--slack` does, for help texts. */
export const SLACK_HELP =
  "also read the records left in each chunk's unused space,\n" +
  'flagged recovered and written after the live ones; one equal to\n' +
  'a live record of any chunk, or to an earlier recovered one, is\n' +
  'counted as a duplicate and not output';

/** How files are opened for `args`. */
export function openOptions(args: ParsedArgs): EvtxFileOptions {
  return { slack: args.flags.has('slack') };
}
