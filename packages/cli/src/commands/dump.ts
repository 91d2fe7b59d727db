/**
 * `evtxhunt dump`: every readable record to stdout, as JSON lines, Windows-style XML, CSV,
 * Timesketch JSON lines or ECS documents.
 */
import type { EvtxFile } from '@evtxhunt/evtx/node';

import { endRun, EXIT_HELP, STRICT_HELP, STRICT_OPTION } from '../account.js';
import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { LineBuffer, type Io } from '../io.js';
import {
  DUMP_FORMATS,
  isDumpFormat,
  preambleFor,
  structuredLineFor,
  type DumpFormat,
} from '../export/dump-formats.js';
import { DUMP_JOB, type DumpJobOptions } from '../jobs/dump-job.js';
import { parsingPool, pooledRead, type PooledRead } from '../parallel.js';
import { QUERY_HELP, queryOption } from '../query-option.js';
import { SLACK_HELP, SLACK_OPTION, openOptions } from '../slack-option.js';
import { readEvtxFiles } from '../reading.js';
import { dumpLine, type DumpStyle } from '../record-lines.js';
import type { Reporter } from '../reporter.js';
import { THREADS_HELP, threadsOption } from '../threads-option.js';

export { recordJsonLine, recordXmlLine, terminalSafeXml } from '../record-lines.js';

const HELP = `Usage: evtxhunt dump FILE|DIR... [--format jsonl|xml|csv|timesketch|ecs] [--query EXPR]

Writes every readable record to stdout and diagnostics to stderr. Besides EVTX, reads
other tools' exports by content (XML, JSON, EvtxECmd CSV, gzip or zip of them; see the
README), and EVTX gzipped or in a zip (each member read as ARCHIVE:MEMBER); directories are
walked for .evtx files and for those exports.

Options:
  --format jsonl  one JSON object per line: the structured record plus "file" (default)
  --format xml    one Windows-style XML event per line: tabs, line feeds, C1 controls and
                  bidi marks as references (&#xa;), characters XML 1.0 cannot hold as _xHHHH_
  --format csv    a note line, a header, then one CRLF line per record: the System fields in
                  fixed columns (TimeCreated (UTC), ...), the event data as one JSON column;
                  controls shown as escapes (\\x1b) and formulas neutralised (a leading ')
  --format timesketch
                  JSON lines for Timesketch's importer: message, datetime, timestamp,
                  timestamp_desc ("Event Recorded"), then every field flattened
  --format ecs    one ECS document per line for Elastic or OpenSearch: @timestamp, event.*,
                  host.name, winlog.*, and for Sysmon process.*, destination.*, source.*,
                  network.*, dns.question.name, file.path, user.*, hashes
  --query EXPR    ${QUERY_HELP.replaceAll('\n  ', '\n')}
  --threads N     ${THREADS_HELP.replaceAll('\n  ', '\n')}
  --strict        ${STRICT_HELP.replaceAll('\n', '\n                  ')}
  --slack         ${SLACK_HELP.replaceAll('\n', '\n                  ')}
  -h, --help      show this help

${EXIT_HELP}`;

async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('dump needs at least one file');

  const query = args.values.get('query');
  const format = formatOption(args.values.get('format'));
  const style: DumpStyle = {
    format,
    line: await structuredLineFor(format),
    matches: queryOption(query),
  };
  // TODO: one thread by default, the least memory. Two threads (one worker and this thread)
  // are yet to be timed on a quiet machine (bench:threads); if they reach the 1.8x target,
  // two is the better default.
  const threads = threadsOption(args.values.get('threads'), 1);
  const options: DumpJobOptions = { format, query };
  const pool = parsingPool<Uint8Array>(threads, { module: DUMP_JOB, options });
  const out = new LineBuffer(io.out);
  for (const line of await preambleFor(format)) await out.line(line);

  let run;
  try {
    run = await readEvtxFiles(
      args.positionals,
      io,
      async (evtx, file, reporter, onDisk) => {
        const pooled = pooledRead(pool, evtx, onDisk);
        if (pooled) await dumpPooled(pooled, evtx, out, reporter);
        else await dumpHere(evtx, file, style, out, reporter);
        // Flush per file so stdout and the file's diagnostics on stderr stay roughly in step.
        await out.flush();
      },
      openOptions(args),
    );
  } finally {
    await pool?.close();
  }
  return endRun(io, run, args.flags.has('strict'));
}

function formatOption(text: string | undefined): DumpFormat {
  if (text === undefined) return 'jsonl';
  if (isDumpFormat(text)) return text;
  throw new UsageError(`dump --format takes ${DUMP_FORMATS.join(', ')}, not ${text}`);
}

/** Every record, parsed and written on this thread. */
async function dumpHere(
  evtx: EvtxFile,
  file: string,
  style: DumpStyle,
  out: LineBuffer,
  reporter: Reporter,
): Promise<void> {
  // A chunk's records per await: one await per record cost some 15% of the parse.
  for await (const batch of evtx.recordBatches()) {
    for (const record of batch) {
      const line = dumpLine(record, file, style);
      if (line !== undefined) await out.line(line);
    }
    await reporter.records(evtx.summary, batch.length);
  }
}

/** Every record, parsed and written as lines by the pool's workers, chunk by chunk. */
async function dumpPooled(
  { pool, path }: PooledRead<Uint8Array>,
  evtx: EvtxFile,
  out: LineBuffer,
  reporter: Reporter,
): Promise<void> {
  for await (const { info, output, recovered } of pool.read(evtx, path)) {
    if (output !== undefined) {
      await out.bytes(output);
      pool.recycle(output);
    }
    // Recovered records come after every slot; progress counts the live ones.
    await reporter.records(evtx.summary, recovered ? 0 : info.records);
  }
}

/** The dump command. */
export const dumpCommand: Command = {
  name: 'dump',
  summary: 'every record as JSON lines, XML, CSV, Timesketch or ECS',
  help: HELP,
  options: [
    { name: 'format', kind: 'value', choices: DUMP_FORMATS },
    { name: 'query', kind: 'value' },
    { name: 'threads', kind: 'value' },
    STRICT_OPTION,
    SLACK_OPTION,
  ],
  run,
};
