/** `evtxhunt pivot`: group records by fields, by default Sysmon network connections. */
import {
  DEFAULT_PIVOT_FIELDS,
  DuplicateRecords,
  PivotAccumulator,
  WhereSyntaxError,
  isInitiatedNetworkConnect,
  whereFilter,
  type EventRecord,
} from '@evtxhunt/hunt';

import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { jsonText } from '../json.js';
import { renderPivot } from '../pivot-table.js';
import { QUERY_HELP, queryOption } from '../query-option.js';
import { readEvtxFiles } from '../reading.js';

const HELP = `Usage: evtxhunt pivot PATH... [--json] [--by Field,Field] [--query EXPR] [--where EXPR]...

Groups Sysmon Event ID 3 network connections this host initiated, by default by Image and
DestinationIp, and shows per group the count, destination ports, DestinationHostname values
and first and last seen, largest group first. Times are UTC: Sysmon's UtcTime (when the event
happened) where the record has one, else TimeCreated (when it was logged). Directories are
walked for .evtx files.

Options:
  --by Field,Field   fields to group by (data fields such as Image, or eventId, provider,
                     channel, computer, file); default ${DEFAULT_PIVOT_FIELDS.join(',')}
  --query EXPR       ${QUERY_HELP}
  --where EXPR       keep only records where EXPR holds; repeat to require several (AND):
                       Field=value    equal (exact, case-sensitive)
                       Field!=value   not equal (also true when the field is missing)
                       Field~text     contains text, ignoring case
  --all-events       consider every record, not only initiated Sysmon Event ID 3
  --json             write the result as JSON
  -h, --help         show this help

Exit status: 0 all read, 1 something was lost, 2 usage error or unreadable file.`;

/** The fields named by `--by`, or the default; throws UsageError for an empty name. */
export function parseByOption(value: string | undefined): readonly string[] {
  if (value === undefined) return DEFAULT_PIVOT_FIELDS;

  const fields = value.split(',').map((field) => field.trim());
  if (fields.some((field) => field === '')) {
    throw new UsageError(`option '--by' needs comma-separated field names, not '${value}'`);
  }
  return fields;
}

/**
 * The record selection from `--where`, `--query` and `--all-events`, which must all hold;
 * throws UsageError for bad syntax.
 */
export function selectionFor(
  where: readonly string[],
  allEvents: boolean,
  query?: string,
): (record: EventRecord) => boolean {
  let matches: (record: EventRecord) => boolean;
  try {
    matches = whereFilter(where);
  } catch (error) {
    if (error instanceof WhereSyntaxError) throw new UsageError(`--where: ${error.message}`);
    throw error;
  }

  const queried = queryOption(query) ?? (() => true);
  if (allEvents) return (record) => matches(record) && queried(record);
  return (record) => isInitiatedNetworkConnect(record) && matches(record) && queried(record);
}

async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('pivot needs at least one path');

  const by = parseByOption(args.values.get('by'));
  const where = args.lists.get('where') ?? [];
  const select = selectionFor(where, args.flags.has('all-events'), args.values.get('query'));
  const accumulator = new PivotAccumulator({ by, select });
  const duplicates = new DuplicateRecords();

  const status = await readEvtxFiles(args.positionals, io, async (evtx, file, reporter) => {
    for await (const record of evtx.records()) {
      const structured = { ...record.toStructured(), file };
      if (!duplicates.isDuplicate(structured)) accumulator.add(structured);
      await reporter.record(evtx.summary);
    }
  });

  await writeResult(io, accumulator, args.flags.has('json'));
  await explainEmpty(io, accumulator, args.flags.has('all-events'));
  if (duplicates.count > 0) {
    await io.err.write(
      `evtxhunt: ${duplicates.count} duplicate records (read twice) counted once\n`,
    );
  }
  return status;
}

/** Says why a filter that matched records left the pivot empty: it only looks at Event ID 3. */
async function explainEmpty(
  io: Io,
  accumulator: PivotAccumulator,
  allEvents: boolean,
): Promise<void> {
  const { seen, selected } = accumulator.result();
  if (allEvents || seen === 0 || selected > 0) return;
  await io.err.write(
    'evtxhunt: no initiated Sysmon Event ID 3 matched; pivot looks only at those unless ' +
      '--all-events is given\n',
  );
}

async function writeResult(io: Io, accumulator: PivotAccumulator, json: boolean): Promise<void> {
  const result = accumulator.result();
  const text = json ? jsonText(result, 2) : renderPivot(result).join('\n');
  await io.out.write(text + '\n');
}

/** The pivot command. */
export const pivotCommand: Command = {
  name: 'pivot',
  summary: 'group Sysmon network connections (or any records) by fields',
  help: HELP,
  options: [
    { name: 'json', kind: 'flag' },
    { name: 'by', kind: 'value' },
    { name: 'where', kind: 'list' },
    { name: 'query', kind: 'value' },
    { name: 'all-events', kind: 'flag' },
  ],
  run,
};
