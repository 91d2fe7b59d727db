/** `evtxhunt dump`: every readable record to stdout, as JSON lines or Windows-style XML. */
import type { EvtxRecord, StructuredRecord } from '@evtxhunt/evtx/node';

import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { LineBuffer, type Io } from '../io.js';
import { jsonText } from '../json.js';
import { QUERY_HELP, queryOption } from '../query-option.js';
import { readEvtxFiles } from '../reading.js';
import { TERMINAL_UNSAFE } from '../escape.js';

const HELP = `Usage: evtxhunt dump FILE|DIR... [--format jsonl|xml] [--query EXPR]

Writes every readable record to stdout and diagnostics to stderr. Directories are walked
for .evtx files.

Options:
  --format jsonl  one JSON object per line: the structured record plus "file" (default)
  --format xml    one Windows-style XML event per line, control characters escaped
  --query EXPR    ${QUERY_HELP.replaceAll('\n  ', '\n')}
  -h, --help      show this help

Exit status: 0 all read, 1 something was lost, 2 usage error or unreadable file.`;

/** The JSON line for one record: `file` (the path given) first, then the record's fields. */
export function recordJsonLine(file: string, record: StructuredRecord): string {
  const line = { file, ...record };
  line.file = file;
  return jsonText(line);
}

/** The XML line for one record, with anything a terminal would act on shown escaped. */
export function recordXmlLine(record: Pick<EvtxRecord, 'toXml'>): string {
  return terminalSafeXml(record.toXml());
}

/**
 * Control characters a terminal would act on (C0 but tab and line feed, carriage return, C1,
 * bidi overrides) become XML character references: safe on a terminal, and unlike `\\r`-style
 * escapes they keep the XML's meaning. The parser already writes most C0 characters this way.
 */
// C0 controls but tab and line feed, which XML keeps as they are.
const TERMINAL_CONTROLS = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${TERMINAL_UNSAFE}]`, 'g');

export function terminalSafeXml(xml: string): string {
  return xml.replace(TERMINAL_CONTROLS, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('dump needs at least one file');

  const xml = args.values.get('format') === 'xml';
  const matches = queryOption(args.values.get('query'));
  const out = new LineBuffer(io.out);

  return readEvtxFiles(args.positionals, io, async (evtx, file, reporter) => {
    for await (const record of evtx.records()) {
      const structured = record.toStructured();
      if (matches === undefined || matches({ ...structured, file })) {
        await out.line(xml ? recordXmlLine(record) : recordJsonLine(file, structured));
      }
      await reporter.record(evtx.summary);
    }

    // Flush per file so stdout and the file's diagnostics on stderr stay roughly in step.
    await out.flush();
  });
}

/** The dump command. */
export const dumpCommand: Command = {
  name: 'dump',
  summary: 'every record as JSON lines or XML',
  help: HELP,
  options: [
    { name: 'format', kind: 'value', choices: ['jsonl', 'xml'] },
    { name: 'query', kind: 'value' },
  ],
  run,
};
