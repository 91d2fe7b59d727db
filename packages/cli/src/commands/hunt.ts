/** `evtxhunt hunt`: every detection over the logs; findings as text, JSON, HTML or ECS. */
import { readFile, writeFile } from 'node:fs/promises';

import {
  AllowlistError,
  HuntEngine,
  defaultKnowledge,
  findingEcsDocument,
  parseAllowlist,
  type Allowlist,
  type EventRecord,
  type HuntReport,
  type SourceStatus,
  type SysmonConfig,
} from '@evtxhunt/hunt';

import { ChunkPool, type EvtxFile, type EvtxRecord } from '@evtxhunt/evtx/node';

import { EvtxFieldSource } from '../field-source.js';
import { ForeignFile } from '../foreign-input.js';
import { endRun, EXIT_HELP, STRICT_HELP, STRICT_OPTION } from '../account.js';
import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { loadConfigFile } from '../config-file.js';
import { InputError, UsageError } from '../errors.js';
import { limitHeapGrowth } from '../heap-settings.js';
import type { Io } from '../io.js';
import { collectInputs, describeError, type Inputs } from '../inputs.js';
import { HUNT_JOB } from '../jobs/hunt-job.js';
import { jsonText } from '../json.js';
import { refuseOverwritingInput } from '../out-file.js';
import { pooledRead, type PooledRead } from '../parallel.js';
import { SLACK_HELP, SLACK_OPTION, openOptions } from '../slack-option.js';
import { readEvtxInputs, type FileVisitor } from '../reading.js';
import { renderHtmlReport } from '../report/html.js';
import { renderTextReport } from '../report/text.js';
import type { Reporter } from '../reporter.js';
import { RULES_HELP, sigmaHuntOption, type SigmaHunt } from '../sigma-hunt.js';
import { PLACEHOLDER_HELP, PLACEHOLDER_OPTION } from '../sigma-rules.js';
import { sourceStatus } from '../source-status.js';
import { threadsOption } from '../threads-option.js';

const HELP = `Usage: evtxhunt hunt PATH... [--config FILE] [--allow FILE] [--format text|json|html|ecs]
                     [--out FILE] [--rules DIR]

Hunts command-and-control in Sysmon logs (and Security 4688 process starts): LOLBins and
binaries in user-writable places connecting out, beacons, inbound connections to admin ports,
lateral movement between internal hosts, service binaries phoning home, and the chain
process start -> DNS query -> connection -> file written. Reads EVTX and, by content, other
tools' exports (XML, JSON, EvtxECmd CSV, gzip or zip of them or of EVTX; see dump --help);
directories are walked for .evtx files and for those exports.

Options:
  --config FILE      the Sysmon configuration the logs were written under: the report lists
                     the LOLBins, user-writable places and common programs whose connections
                     out it would never log (without it, what the logs reveal is shown)
  --allow FILE       suppress known-good activity; one rule per line, all conditions of a
                     line must hold, e.g.
                       image=*\\OneDrive.exe hostname=*.live.com
                       destination=13.64.0.0/11 kind=beacon
                     keys: image, destination, source, hostname, port, kind, computer
  --format FORMAT    text (default; coloured on a terminal), json, html (a self-contained
                     report that loads nothing from anywhere), or ecs (one ECS alert document
                     per finding and line, to ingest beside dump --format ecs)
  --out FILE         write the report to FILE instead of stdout; never one of the files
                     the hunt reads (a log, --allow or --config)
  --rules DIR        ${RULES_HELP.replaceAll('\n', '\n                     ')}
  --placeholder NAME=VALUE
                     ${PLACEHOLDER_HELP.replaceAll('\n', '\n                     ')}
  --threads N        worker threads that parse chunks (default 1: the engine needs whole
                     records, and sending them between threads costs about what it saves)
  --strict           ${STRICT_HELP.replaceAll('\n', '\n                     ')}
  --slack            ${SLACK_HELP.replaceAll('\n', '\n                     ')}
  -h, --help         show this help

No report is written when no record could be read. The report lists every file and what could
not be read from it, so findings missing with lost records are not mistaken for a clean log.

${EXIT_HELP}`;

const FORMATS = ['text', 'json', 'html', 'ecs'] as const;

/**
 * How far, in percent, V8 lets the heap grow past what survived a full collection before the
 * next one, for the hunt. By default V8 keeps several times the live heap committed while it
 * grows (a hunt's 44 MB live at 1 GB of log held about 200 MB): 50 cut the hunt's peak RSS over
 * the generated 1 GB log from 338 to 247 MB for about 7% more CPU (28.8 -> 30.8 s). The young
 * generation is kept small too, from start-up (see heap-settings.ts).
 */
const HUNT_HEAP_GROWING_PERCENT = 50;

async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('hunt needs at least one path');

  const inputs = await collectInputs(args.positionals);
  await guardOut(args, inputs);
  const allowlist = await loadAllowlist(args.values.get('allow'));
  const engine = await huntEngine(args, allowlist);
  const sigma = await sigmaHuntOption(args, io, allowlist);
  // The process is the CLI's own, and the hunt's state grows with the log.
  limitHeapGrowth(HUNT_HEAP_GROWING_PERCENT);

  const sources: SourceStatus[] = [];
  // TODO: one thread by default: workers must send the engine one object per record (holding
  // only the fields it reads), which costs more CPU and memory than it saves on a busy 2-core
  // machine; worth it once the engine takes compact per-record activity rows workers can build.
  // TODO: --rules reads on one thread: workers send only the fields the engine reads.
  const threads = sigma === undefined ? threadsOption(args.values.get('threads'), 1) : 1;
  const job = { module: HUNT_JOB, options: {} };
  const pool = threads > 1 ? new ChunkPool<EventRecord[]>({ threads, job }) : undefined;
  const visit: FileVisitor = async (evtx, file, reporter, onDisk) => {
    const pooled = pooledRead(pool, evtx, onDisk);
    if (pooled) await huntPooled(pooled, engine, evtx, reporter);
    else await huntHere(engine, evtx, file, reporter, sigma);
  };
  let run;
  try {
    run = await readEvtxInputs(
      inputs,
      io,
      visit,
      (file, fileStatus, outcome) => sources.push(sourceStatus(file, fileStatus, outcome)),
      openOptions(args),
    );
  } finally {
    await pool?.close();
  }

  // Nothing was read, and stderr says why: an empty report would only look like a clean one.
  if (sources.every((source) => source.status === 'unreadable')) {
    await io.err.write('evtxhunt: no report written: no record could be read\n');
    return endRun(io, run, args.flags.has('strict'));
  }
  const report = { ...engine.report(), sources };
  await writeReport((await sigma?.report(report, io)) ?? report, args, io);
  return endRun(io, run, args.flags.has('strict'));
}

/** Every record of the file, parsed here, into the engine. */
async function huntHere(
  engine: HuntEngine,
  evtx: EvtxFile,
  file: string,
  reporter: Reporter,
  sigma?: SigmaHunt,
): Promise<void> {
  // The engine asks each record for the fields it reads of its kind of event, no more. An
  // export (XML, JSON, CSV) has no template plans: its records are whole structured ones.
  const source = evtx instanceof ForeignFile ? undefined : new EvtxFieldSource();
  // A chunk's records per await: one await per record cost some 15% of the parse.
  for await (const batch of evtx.recordBatches()) {
    for (const record of batch) {
      const read = source?.record(record, file) ?? named(record, file);
      sigma?.add(read);
      engine.add(read);
    }
    await reporter.records(evtx.summary, batch.length);
  }
}

/** The record whole, named as coming from `file`. */
function named(record: EvtxRecord, file: string): EventRecord {
  // toStructured() makes a new object each call: naming its file costs no copy of it.
  const structured = record.toStructured();
  structured.file = file;
  return structured;
}

/** Every record of the file, parsed by the pool's workers, into the engine in record order. */
async function huntPooled(
  { pool, path }: PooledRead<EventRecord[]>,
  engine: HuntEngine,
  evtx: EvtxFile,
  reporter: Reporter,
): Promise<void> {
  for await (const { info, output, recovered } of pool.read(evtx, path)) {
    for (const record of output ?? []) engine.add(record);
    // Recovered records come after every slot; progress counts the live ones.
    await reporter.records(evtx.summary, recovered ? 0 : info.records);
  }
}

/** Refuses an --out that is one of the files the hunt reads: the logs, --allow or --config. */
async function guardOut(args: ParsedArgs, inputs: Inputs): Promise<void> {
  const out = args.values.get('out');
  if (out === undefined) return;

  const named = [args.values.get('allow'), args.values.get('config')];
  const read = [...inputs.files, ...named.filter((path) => path !== undefined)];
  await refuseOverwritingInput(out, read);
  if (/\.evtx$/i.test(out)) {
    throw new InputError(
      `refusing --out ${out}: a report is not an EVTX log, and the next hunt over that folder would try to read it`,
    );
  }
}

async function huntEngine(args: ParsedArgs, allowlist: Allowlist | undefined): Promise<HuntEngine> {
  const configPath = args.values.get('config');
  const config: SysmonConfig | undefined =
    configPath === undefined ? undefined : await loadConfigFile(configPath);

  return new HuntEngine({
    knowledge: defaultKnowledge(),
    ...(allowlist === undefined ? {} : { allowlist }),
    ...(config === undefined ? {} : { config }),
  });
}

async function loadAllowlist(path: string | undefined): Promise<Allowlist | undefined> {
  if (path === undefined) return undefined;

  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read allowlist ${path}: ${describeError(error)}`);
  }
  try {
    return parseAllowlist(text, path);
  } catch (error) {
    if (error instanceof AllowlistError) throw new InputError(error.message);
    throw error;
  }
}

async function writeReport(report: HuntReport, args: ParsedArgs, io: Io): Promise<void> {
  const format = args.values.get('format') ?? 'text';
  const out = args.values.get('out');
  const terminal: Pick<Io, 'outIsColorTty' | 'outColumns'> = out === undefined ? io : {};
  const text = renderReport(report, format, terminal.outIsColorTty === true, terminal.outColumns);

  if (out === undefined) {
    await io.out.write(text);
    return;
  }
  try {
    await writeFile(out, text, 'utf8');
  } catch (error) {
    throw new InputError(`cannot write the report to ${out}: ${describeError(error)}`);
  }
}

function renderReport(
  report: HuntReport,
  format: string,
  color: boolean,
  columns: number | undefined,
): string {
  switch (format) {
    case 'json':
      return jsonText(report, 2) + '\n';
    case 'ecs':
      return report.findings
        .map((finding) => `${jsonText(findingEcsDocument(finding))}\n`)
        .join('');
    case 'html':
      return renderHtmlReport(report, {
        title: 'evtxhunt report',
        generatedAt: new Date().toISOString(),
      });
    default:
      return renderTextReport(report, {
        color,
        // Narrow terminals wrap narrower; wide ones still stop at the readable default.
        ...(columns === undefined ? {} : { width: Math.max(40, Math.min(columns, 100)) }),
      });
  }
}

/** The hunt command. */
export const huntCommand: Command = {
  name: 'hunt',
  summary: 'find C2: LOLBins, user-writable binaries, beacons, lateral movement, chains',
  help: HELP,
  options: [
    { name: 'allow', kind: 'value' },
    { name: 'config', kind: 'value' },
    { name: 'format', kind: 'value', choices: FORMATS },
    { name: 'out', kind: 'value' },
    { name: 'rules', kind: 'value' },
    PLACEHOLDER_OPTION,
    { name: 'threads', kind: 'value' },
    STRICT_OPTION,
    SLACK_OPTION,
  ],
  run,
};
