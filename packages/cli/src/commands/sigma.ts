/** `evtxhunt sigma`: Sigma rules over the logs; every match as a line of text or JSON. */
import {
  CORRELATION_EVENTS_KEPT,
  SigmaScan,
  type CorrelationMatch,
  type SigmaMatch,
  type SigmaRuleSet,
} from '@evtxhunt/sigma';

import type { EvtxFile, EvtxRecord } from '@evtxhunt/evtx';

import { endRun, EXIT_HELP, STRICT_HELP, STRICT_OPTION } from '../account.js';
import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { escapeText } from '../escape.js';
import { EvtxFieldSource } from '../field-source.js';
import { ForeignFile } from '../foreign-input.js';
import { collectInputs } from '../inputs.js';
import type { Io } from '../io.js';
import { jsonText } from '../json.js';
import { readEvtxInputs, type FileVisitor } from '../reading.js';
import type { Reporter } from '../reporter.js';
import {
  correlationNotes,
  duplicateNotes,
  loadRuleSet,
  PLACEHOLDER_HELP,
  PLACEHOLDER_OPTION,
} from '../sigma-rules.js';
import { SLACK_HELP, SLACK_OPTION, openOptions } from '../slack-option.js';

const HELP = `Usage: evtxhunt sigma --rules DIR PATH... [--format text|json]

Runs Sigma rules over the logs and lists every event a rule matches. Rules are read from
every .yml file under DIR (or the one file named); stderr says how many loaded and why the
others did not (an unknown modifier, a bad condition and its column, an unknown log source).
A rule is tried only on the events of its log source: process_creation on Sysmon 1 and
Security 4688 (its fields mapped to Sysmon's names), network_connection on Sysmon 3,
dns_query on Sysmon 22, file_event on Sysmon 11, the other Sysmon categories on their event
IDs, a service (security, system, powershell, ...) on its channel.

Correlation rules (event_count, value_count, temporal, temporal_ordered, value_sum,
value_avg, value_percentile) run over the matches of the rules they name, across all the
files given; a file may hold a correlation and its rules as YAML documents. The rules a
correlation uses are not listed on their own unless it says generate: true. A window in
which a correlation held is listed after the matches: its start and end, the group, the
title and how many events (the JSON lists ${CORRELATION_EVENTS_KEPT} of them: the first and last half).

Options:
  --rules DIR        the Sigma rules (required)
  --placeholder NAME=VALUE
                     ${PLACEHOLDER_HELP.replaceAll('\n', '\n                     ')}
  --format FORMAT    text (default: one line per match: time, computer, record id, level,
                     title, then the fields the rule names) or json (one object with the
                     rule counts and every match)
  --strict           ${STRICT_HELP.replaceAll('\n', '\n                     ')}
  --slack            ${SLACK_HELP.replaceAll('\n', '\n                     ')}
  -h, --help         show this help

Example:
  evtxhunt sigma --rules sigma/rules/windows/process_creation Sysmon.evtx

${EXIT_HELP}`;

const FORMATS = ['text', 'json'] as const;

async function run(args: ParsedArgs, io: Io): Promise<number> {
  const rulesPath = args.values.get('rules');
  if (rulesPath === undefined) throw new UsageError('sigma needs --rules DIR');
  if (args.positionals.length === 0) throw new UsageError('sigma needs at least one path');

  const inputs = await collectInputs(args.positionals);
  const rules = await loadRuleSet(rulesPath, io, args);
  const scan = new SigmaScan(rules);
  const json = args.values.get('format') === 'json';
  const matches: SigmaMatch[] = [];
  const visit: FileVisitor = async (evtx, file, reporter) => {
    const found = await matchFile(scan, evtx, file, reporter);
    if (json) matches.push(...found);
    else if (found.length > 0) await io.out.write(found.map(matchLine).join(''));
  };
  const reading = await readEvtxInputs(inputs, io, visit, undefined, openOptions(args));
  const correlated = scan.finish();
  const notes = [...duplicateNotes(scan), ...correlationNotes(scan)];
  if (notes.length > 0) await io.err.write(notes.map((line) => `${line}\n`).join(''));
  if (json) await io.out.write(jsonText(jsonReport(rules, matches, correlated), 2) + '\n');
  else await io.out.write(correlated.map(correlationLine).join(''));
  return endRun(io, reading, args.flags.has('strict'));
}

/** The matches of every record of one file, in record order. */
async function matchFile(
  scan: SigmaScan,
  evtx: EvtxFile,
  file: string,
  reporter: Reporter,
): Promise<SigmaMatch[]> {
  // Fields are read by name, only those the rules of each event's source name; an export
  // (XML, JSON, CSV) has no template plans, so its records are read whole.
  const source = evtx instanceof ForeignFile ? undefined : new EvtxFieldSource();
  const matches: SigmaMatch[] = [];
  for await (const batch of evtx.recordBatches()) {
    for (const record of batch) matches.push(...scan.add(readable(source, record, file)));
    await reporter.records(evtx.summary, batch.length);
  }
  return matches;
}

function readable(source: EvtxFieldSource | undefined, record: EvtxRecord, file: string) {
  if (source !== undefined) return source.record(record, file);
  const structured = record.toStructured();
  structured.file = file;
  return structured;
}

/** One match as a line: time, computer, record, level, title, fields; every value escaped. */
export function matchLine(match: SigmaMatch): string {
  const { record, rule } = match;
  const fields = Object.entries(match.fields)
    .map(([name, value]) => `${name}=${typeof value === 'string' ? value : value.join('|')}`)
    .join(' ');
  const where = `${record.file ?? ''}#${record.recordId}`;
  const parts = [record.timeCreated ?? '-', record.computer, where, rule.level, rule.title, fields];
  return `${escapeText(parts.join('  '))}\n`;
}

/**
 * One correlation match as a line: window start and end, computer, level, title, type, the
 * group and the event count; every value escaped.
 */
export function correlationLine(match: CorrelationMatch): string {
  const { correlation } = match;
  const group = Object.entries(match.group)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ');
  const events = `${match.eventCount} ${match.eventCount === 1 ? 'event' : 'events'}`;
  const parts = [
    `${match.start}..${match.end}`,
    match.computer,
    correlation.level,
    correlation.title,
    `${correlation.type}=${match.value}`,
    group,
    events,
    ...(match.windows === undefined ? [] : [`held ${match.windows} times`]),
  ];
  return `${escapeText(parts.join('  '))}\n`;
}

function jsonReport(
  rules: SigmaRuleSet,
  matches: readonly SigmaMatch[],
  correlated: readonly CorrelationMatch[],
): unknown {
  return {
    rules: {
      loaded: rules.rules.length,
      correlations: rules.correlations.length,
      failed: rules.failures.length,
      failures: rules.failures,
    },
    matches: matches.map((match) => ({
      rule: {
        id: match.rule.id,
        title: match.rule.title,
        level: match.rule.level,
        tags: match.rule.tags,
        file: match.rule.file,
      },
      time: match.record.timeCreated,
      computer: match.record.computer,
      channel: match.record.channel,
      eventId: match.record.eventId,
      recordId: match.record.recordId,
      file: match.record.file,
      ...(match.record.recovered === true ? { recovered: true } : {}),
      fields: match.fields,
    })),
    correlations: correlated,
  };
}

/** The sigma command. */
export const sigmaCommand: Command = {
  name: 'sigma',
  summary: 'run Sigma rules over the logs and list every match',
  help: HELP,
  options: [
    { name: 'rules', kind: 'value' },
    PLACEHOLDER_OPTION,
    { name: 'format', kind: 'value', choices: FORMATS },
    STRICT_OPTION,
    SLACK_OPTION,
  ],
  run,
};
