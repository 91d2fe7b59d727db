/** `evtxhunt pivot`: group records by fields, by default Sysmon network connections. */
import {
  DEFAULT_PIVOT_FIELDS,
  DuplicateRecords,
  PivotAccumulator,
  type EventRecord,
} from '@evtxhunt/hunt';
import type { EvtxFile } from '@evtxhunt/evtx/node';

import { endRun, EXIT_HELP, STRICT_HELP, STRICT_OPTION } from '../account.js';
import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { jsonText } from '../json.js';
import { pivotCsv } from '../pivot-csv.js';
import { renderPivot } from '../pivot-table.js';
import { PIVOT_JOB, type PivotChunk, type PivotJobOptions } from '../jobs/pivot-job.js';
import { parsingPool, pooledRead, type PooledRead } from '../parallel.js';
import { QUERY_HELP } from '../query-option.js';
import { SLACK_HELP, SLACK_OPTION, openOptions } from '../slack-option.js';
import { readEvtxFiles } from '../reading.js';
import { selectionFor } from '../record-selection.js';
import type { Reporter } from '../reporter.js';
import { threadsOption } from '../threads-option.js';

export { selectionFor } from '../record-selection.js';

const HELP = `Usage: evtxhunt pivot PATH... [--json | --csv] [--by Field,Field] [--query EXPR] [--where EXPR]...

Groups Sysmon Event ID 3 network connections this host initiated, by default by Image and
DestinationIp, and shows per group the count, destination ports, DestinationHostname values
and first and last seen, largest group first. Times are UTC: Sysmon's UtcTime (when the event
happened) where the record has one, else TimeCreated (when it was logged). Directories are
walked for .evtx files and for exports other tools wrote (XML, JSON, CSV, gzip or zip of
them or of EVTX; see dump --help).

Options:
  --by Field,Field   fields to group by (data fields such as Image, or eventId, provider,
                     channel, computer, file); default ${DEFAULT_PIVOT_FIELDS.join(',')}
  --query EXPR       ${QUERY_HELP}
  --where EXPR       keep only records where EXPR holds; repeat to require several (AND):
                       Field=value    equal (exact, case-sensitive)
                       Field!=value   not equal (also true when the field is missing)
                       Field~text     contains text, ignoring case
  --all-events       consider every record, not only initiated Sysmon Event ID 3
  --threads N        threads that parse chunks (default 1); more than the cores here are
                     cut to them
  --json             write the result as JSON
  --csv              write the groups as CSV for a spreadsheet. Cells that a spreadsheet
                     would run as a formula (first character, after leading spaces, one of
                     = + - @, tab, CR, LF, or their full-width forms; not a plain signed
                     number or a lone -) get an apostrophe (') in front, and the first line
                     (# Formula neutralisation: ...) says so and counts the cells changed
  --strict           ${STRICT_HELP.replaceAll('\n', '\n                     ')}
  --slack            ${SLACK_HELP.replaceAll('\n', '\n                     ')}
  -h, --help         show this help

${EXIT_HELP}`;

/** The fields named by `--by`, or the default; throws UsageError for an empty name. */
export function parseByOption(value: string | undefined): readonly string[] {
  if (value === undefined) return DEFAULT_PIVOT_FIELDS;

  const fields = value.split(',').map((field) => field.trim());
  if (fields.some((field) => field === '')) {
    throw new UsageError(`option '--by' needs comma-separated field names, not '${value}'`);
  }
  return fields;
}

async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('pivot needs at least one path');

  const by = parseByOption(args.values.get('by'));
  const format = resultFormat(args);
  const options: PivotJobOptions = {
    where: args.lists.get('where') ?? [],
    allEvents: args.flags.has('all-events'),
    query: args.values.get('query'),
    by,
  };
  const counter = new PivotCounter(
    by,
    selectionFor(options.where, options.allEvents, options.query),
  );
  // One thread by default, as for dump and hunt (see dump.ts).
  const threads = threadsOption(args.values.get('threads'), 1);
  const pool = parsingPool<PivotChunk>(threads, { module: PIVOT_JOB, options });

  let run;
  try {
    run = await readEvtxFiles(
      args.positionals,
      io,
      async (evtx, file, reporter, onDisk) => {
        const pooled = pooledRead(pool, evtx, onDisk);
        if (pooled) await counter.addPooled(pooled, evtx, reporter);
        else await counter.addHere(evtx, file, reporter);
      },
      openOptions(args),
    );
  } finally {
    await pool?.close();
  }

  const { accumulator, duplicates } = counter;
  await writeResult(io, accumulator, format);
  await explainEmpty(io, accumulator, options.allEvents);
  if (duplicates.count > 0) {
    await io.err.write(
      `evtxhunt: ${duplicates.count} duplicate records (read twice) counted once\n`,
    );
  }
  return endRun(io, run, args.flags.has('strict'));
}

/**
 * Counts records into the pivot, once each: parsed here, or as compact chunks from the pool,
 * whose workers have applied the selection already (the records it left out came as their
 * identity alone, for the duplicate check and the count of records seen).
 */
class PivotCounter {
  readonly accumulator: PivotAccumulator;
  readonly duplicates = new DuplicateRecords();
  /** The selection a worker made for the record being added; undefined for records read here. */
  #chosen: boolean | undefined;

  constructor(by: readonly string[], select: (record: EventRecord) => boolean) {
    const selectHere = (record: EventRecord) => this.#chosen ?? select(record);
    this.accumulator = new PivotAccumulator({ by, select: selectHere });
  }

  async addHere(evtx: EvtxFile, file: string, reporter: Reporter): Promise<void> {
    // A chunk's records per await: one await per record cost some 15% of the parse.
    for await (const batch of evtx.recordBatches()) {
      for (const record of batch) this.#add({ ...record.toStructured(), file }, undefined);
      await reporter.records(evtx.summary, batch.length);
    }
  }

  async addPooled(
    { pool, path }: PooledRead<PivotChunk>,
    evtx: EvtxFile,
    reporter: Reporter,
  ): Promise<void> {
    for await (const { info, output, recovered } of pool.read(evtx, path)) {
      if (output !== undefined) this.#addChunk(output);
      // Recovered records come after every slot; progress counts the live ones.
      await reporter.records(evtx.summary, recovered ? 0 : info.records);
    }
  }

  /** Every record of a chunk, in order: the selected ones as sent, the others by identity. */
  #addChunk(chunk: PivotChunk): void {
    const { recordIds, times, logOf, logs, selected } = chunk;
    let next = 0;
    for (const [at, recordId] of recordIds.entries()) {
      const pick = selected[next];
      if (pick?.at === at) {
        next++;
        this.#add(pick.record, true);
        continue;
      }
      const [computer = '', channel = ''] = logs[logOf[at] ?? 0] ?? [];
      const timeCreated = times[at];
      const identity = { recordId, timeCreated, eventId: 0, provider: '', computer, channel };
      this.#add({ ...identity, data: {} }, false);
    }
  }

  #add(record: EventRecord, chosen: boolean | undefined): void {
    if (this.duplicates.isDuplicate(record)) return;
    this.#chosen = chosen;
    this.accumulator.add(record);
  }
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

type ResultFormat = 'text' | 'json' | 'csv';

function resultFormat(args: ParsedArgs): ResultFormat {
  const json = args.flags.has('json');
  const csv = args.flags.has('csv');
  if (json && csv) throw new UsageError("options '--json' and '--csv' exclude each other");
  return json ? 'json' : csv ? 'csv' : 'text';
}

async function writeResult(
  io: Io,
  accumulator: PivotAccumulator,
  format: ResultFormat,
): Promise<void> {
  const result = accumulator.result();
  if (format === 'csv') return io.out.write(pivotCsv(result));

  const text = format === 'json' ? jsonText(result, 2) : renderPivot(result).join('\n');
  await io.out.write(text + '\n');
}

/** The pivot command. */
export const pivotCommand: Command = {
  name: 'pivot',
  summary: 'group Sysmon network connections (or any records) by fields',
  help: HELP,
  options: [
    { name: 'json', kind: 'flag' },
    { name: 'csv', kind: 'flag' },
    { name: 'by', kind: 'value' },
    { name: 'where', kind: 'list' },
    { name: 'query', kind: 'value' },
    { name: 'all-events', kind: 'flag' },
    { name: 'threads', kind: 'value' },
    STRICT_OPTION,
    SLACK_OPTION,
  ],
  run,
};
