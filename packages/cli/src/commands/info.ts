/** `evtxhunt info`: what each file's header says, its chunk table, record counts and damage. */
import type { ChunkInfo, EvtxFile } from '@evtxhunt/evtx/node';

import { endRun, EXIT_HELP, STRICT_HELP, STRICT_OPTION } from '../account.js';
import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { ForeignFile } from '../foreign-input.js';
import { renderInfo, type InfoReport } from '../info-report.js';
import type { Io } from '../io.js';
import { jsonText } from '../json.js';
import { SLACK_HELP, SLACK_OPTION, openOptions } from '../slack-option.js';
import { readEvtxFiles } from '../reading.js';
import type { Reporter } from '../reporter.js';

const HELP = `Usage: evtxhunt info FILE|DIR... [--json]

Shows each file's header facts, chunk table, record counts and the damage found; for an
export (XML, JSON, CSV, gzipped or zipped) its format and record count. Directories are
walked for .evtx files and exports. Every record is read to count them.

Options:
  --json      write a JSON array with one object per file
  --strict    ${STRICT_HELP.replaceAll('\n', '\n              ')}
  --slack     ${SLACK_HELP.replaceAll('\n', '\n              ')}
  -h, --help  show this help

${EXIT_HELP}`;

async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('info needs at least one file');

  const json = args.flags.has('json');
  const reports: InfoReport[] = [];

  const run = await readEvtxFiles(
    args.positionals,
    io,
    async (evtx, file, reporter) => {
      const report = await inspect(evtx, file, reporter);
      if (json) reports.push(report);
      else await io.out.write(renderInfo(report).join('\n') + '\n\n');
    },
    openOptions(args),
  );

  if (json) await io.out.write(jsonText(reports, 2) + '\n');
  return endRun(io, run, args.flags.has('strict'));
}

async function inspect(evtx: EvtxFile, file: string, reporter: Reporter): Promise<InfoReport> {
  const chunks: ChunkInfo[] = [];
  for await (const chunk of evtx.chunks()) chunks.push(chunk);

  // Reading every record is what fills in the record counts and finds damaged records.
  const records = evtx.records()[Symbol.asyncIterator]();
  while (!(await records.next()).done) await reporter.record(evtx.summary);

  const summary = evtx.summary;
  // An export (XML, JSON, CSV, a zip of them) has records but no EVTX header or chunks.
  const format = evtx instanceof ForeignFile ? evtx.format : undefined;
  return { file, size: summary.size, header: evtx.header, chunks, summary, format };
}

/** The info command. */
export const infoCommand: Command = {
  name: 'info',
  summary: 'header facts, chunk table, record counts and damage of each file',
  help: HELP,
  options: [{ name: 'json', kind: 'flag' }, STRICT_OPTION, SLACK_OPTION],
  run,
};
