/** `evtxhunt timeline`: process activity in UTC time order, for everything or one story. */
import {
  DuplicateRecords,
  TimelineBuilder,
  toActivity,
  type TimelineEntry,
  type TimelineFilter,
  type TimelineRow,
} from '@evtxhunt/hunt';

import { endRun, EXIT_HELP, STRICT_HELP, STRICT_OPTION } from '../account.js';
import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { limitHeapGrowth } from '../heap-settings.js';
import { escapeText } from '../escape.js';
import { LineBuffer, type Io } from '../io.js';
import { jsonText } from '../json.js';
import { SLACK_HELP, SLACK_OPTION, openOptions } from '../slack-option.js';
import { readEvtxFiles } from '../reading.js';
import { TimelineRuns } from '../timeline-runs.js';
import { timelineLines } from '../timeline-table.js';

const HELP = `Usage: evtxhunt timeline PATH... [--process GUID | --image NAME] [--json]

Shows what processes did: Sysmon events (process start and end, network connections, DNS
queries, files, registry, pipes, ...) and Security 4688 process starts, merged across files
and hosts and sorted by UTC time (Sysmon's UtcTime where the event has one). Reads EVTX and,
by content, other tools' exports (XML, JSON, EvtxECmd CSV, gzip or zip of them or of EVTX;
see dump --help); directories are walked for .evtx files and for those exports.

Options:
  --process GUID   one story: the process with this Sysmon ProcessGuid (braces and case do
                   not matter), every process it started and theirs, and the starts of its
                   parents up to the first one the logs know
  --image NAME     every process whose image is NAME, as a file name (powershell.exe) or a
                   full path, ignoring case, and the starts of its parents
  --json           one JSON object per line: time, computer, kind, eventId, image,
                   processGuid, summary, evidence (file, recordId, eventId, time)
  --strict         ${STRICT_HELP.replaceAll('\n', '\n                   ')}
  --slack          ${SLACK_HELP.replaceAll('\n', '\n                   ')}
  -h, --help       show this help

${EXIT_HELP}`;

/**
 * How far, in percent, V8 lets the heap grow past what survived a full collection before the
 * next one, for the timeline, as for the hunt (see HUNT_HEAP_GROWING_PERCENT in hunt.ts): its
 * process table grows with the log, and by default V8 keeps several times that committed. 50 cut
 * the peak RSS of `timeline --json` over the generated 1 GB log from 366 to 261 MB for about 8%
 * more CPU (19.8 -> 21.5 s user, one run each in the same minute).
 */
const TIMELINE_HEAP_GROWING_PERCENT = 50;

/** The story `--process` or `--image` names; throws UsageError when both are given. */
export function timelineFilter(args: ParsedArgs): TimelineFilter | undefined {
  const process = args.values.get('process');
  const image = args.values.get('image');
  if (process !== undefined && image !== undefined) {
    throw new UsageError("options '--process' and '--image' cannot be used together");
  }

  if (process !== undefined) return { process };
  return image === undefined ? undefined : { image };
}

async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('timeline needs at least one path');

  const filter = timelineFilter(args);
  // The process is the CLI's own, and the table the timeline keeps grows with the log.
  limitHeapGrowth(TIMELINE_HEAP_GROWING_PERCENT);
  const timeline = new TimelineBuilder(undefined, { keepRows: false });
  const runs = new TimelineRuns();
  const duplicates = new DuplicateRecords();
  try {
    const run = await readEvtxFiles(
      args.positionals,
      io,
      async (evtx, file, reporter) => {
        for await (const batch of evtx.recordBatches()) {
          for (const record of batch) {
            const structured = { ...record.toStructured(), file };
            const activity = duplicates.isDuplicate(structured)
              ? undefined
              : toActivity(structured);
            if (activity !== undefined) await runs.add(timeline.add(activity));
          }
          await reporter.records(evtx.summary, batch.length);
        }
      },
      openOptions(args),
    );

    if (filter !== undefined && timeline.matching(filter).length === 0) {
      await io.err.write(`evtxhunt: ${escapeText(noMatch(filter))}\n`);
    }
    const keep = filter === undefined ? () => true : timeline.selection(filter);
    const rows = { [Symbol.asyncIterator]: () => shownRows(runs, keep) };
    await writeRows(io, rows, timeline.size, args.flags.has('json'));
    return await endRun(io, run, args.flags.has('strict'));
  } finally {
    await runs.close();
  }
}

/** The rows the filter keeps, in time order. */
async function* shownRows(
  runs: TimelineRuns,
  keep: (entry: TimelineEntry) => boolean,
): AsyncIterableIterator<TimelineRow> {
  for await (const entry of runs.sorted()) if (keep(entry)) yield entry.row;
}

/** Writes the rows as JSON lines, or as a table (which reads them twice: widths, then lines). */
async function writeRows(
  io: Io,
  rows: AsyncIterable<TimelineRow>,
  activities: number,
  json: boolean,
): Promise<void> {
  const out = new LineBuffer(io.out);
  if (json) {
    for await (const row of rows) await out.line(jsonText(row));
  } else {
    for await (const line of timelineLines(rows, activities)) await out.line(line);
  }
  await out.flush();
}

function noMatch(filter: TimelineFilter): string {
  if ('process' in filter) return `no process with ProcessGuid ${filter.process} in these logs`;
  return `no process with image ${filter.image} in these logs`;
}

/** The timeline command. */
export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'process activity in time order, for everything or one process story',
  help: HELP,
  options: [
    { name: 'json', kind: 'flag' },
    { name: 'process', kind: 'value' },
    { name: 'image', kind: 'value' },
    STRICT_OPTION,
    SLACK_OPTION,
  ],
  run,
};
