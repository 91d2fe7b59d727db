/**
 * `evtxhunt coverage`: what a Sysmon configuration logs. With `--field` it answers one question
 * ("would this event be logged, and why?"); without, it shows how each event type is filtered.
 */
import { unknownEventFields, wouldLog, type SysmonConfig } from '@evtxhunt/hunt';

import type { ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { loadConfigFile } from '../config-file.js';
import {
  eventTypeStates,
  renderDecision,
  renderStates,
  renderWarnings,
} from '../coverage-output.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { escapeText } from '../escape.js';
import type { Io } from '../io.js';
import { jsonText } from '../json.js';

const HELP = `Usage: evtxhunt coverage --config FILE [--event N] [--field Name=Value]... [--json]

Reads a Sysmon configuration and says what it logs, with Sysmon's own precedence: exclude
rules win, an include set logs only what it matches, an event type the file does not
configure is logged only when Sysmon logs it by default.

Without --field, shows each event type (or only Event ID N) as off, include-only,
exclude-only or include-and-exclude, with its rule counts. With --field, answers whether
one event would be logged, names the deciding rule and its line, and the RuleName Sysmon
would record. Fields not given count as absent, and the answer says which ones mattered. A
field name Sysmon does not write for the Event ID (names are case-sensitive) is warned about.

Options:
  --config FILE      the Sysmon configuration (XML, UTF-8 or UTF-16)
  --event N          the Event ID (default 3 when --field is given)
  --field Name=Value an event field, such as Image=C:\\Windows\\System32\\certutil.exe or
                     DestinationPort=443; repeat for several fields
  --json             write the result as JSON
  -h, --help         show this help

Warnings about the configuration (what Sysmon would refuse or read surprisingly) go to
stderr with their line numbers.

Exit status: 0 answered, 2 usage error or unreadable configuration.`;

/** Event ID asked about when --field is given without --event: network connections. */
const DEFAULT_EVENT_ID = 3;

/** The Event ID given by `--event`; throws UsageError unless it is a whole number 0-65535. */
export function parseEventOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;

  const eventId = Number(value);
  if (!/^\d+$/.test(value) || eventId > 0xffff) {
    throw new UsageError(`option '--event' needs an Event ID from 0 to 65535, not '${value}'`);
  }
  return eventId;
}

/** The fields given by `--field Name=Value`; throws UsageError for a malformed or repeated one. */
export function parseFieldOptions(values: readonly string[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const value of values) {
    const equals = value.indexOf('=');
    const name = value.slice(0, equals);
    if (equals < 1 || name.trim() !== name) {
      throw new UsageError(`option '--field' needs Name=Value, not '${value}'`);
    }
    if (fields.has(name)) throw new UsageError(`option '--field' gives ${name} more than once`);
    fields.set(name, value.slice(equals + 1));
  }
  return fields;
}

async function run(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length > 0) throw new UsageError('coverage takes no paths, only --config');
  const file = args.values.get('config');
  if (file === undefined) throw new UsageError('coverage needs --config FILE');
  const eventId = parseEventOption(args.values.get('event'));
  const fields = parseFieldOptions(args.lists.get('field') ?? []);

  const config = await loadConfigFile(file);
  for (const line of renderWarnings(config, file)) await io.err.write(line + '\n');

  const json = args.flags.has('json');
  if (fields.size === 0) {
    await writeStates(io, config, eventId, json);
    return EXIT_OK;
  }

  for (const line of fieldWarnings(eventId ?? DEFAULT_EVENT_ID, fields.keys())) {
    await io.err.write(line + '\n');
  }
  await writeDecision(io, config, eventId ?? DEFAULT_EVENT_ID, fields, json);
  return EXIT_OK;
}

/** One stderr line per --field name Sysmon never writes for the Event ID, escaped. */
export function fieldWarnings(eventId: number, names: Iterable<string>): string[] {
  return unknownEventFields(eventId, names).map(({ name, suggestion }) => {
    const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
    return escapeText(
      `evtxhunt: warning: --field ${name}: Sysmon writes no field ${name} for Event ID ` +
        `${eventId}${hint}; it counts as absent`,
    );
  });
}

async function writeStates(
  io: Io,
  config: SysmonConfig,
  eventId: number | undefined,
  json: boolean,
): Promise<void> {
  const states = eventTypeStates(config, eventId);
  if (eventId !== undefined && states.length === 0) {
    await io.out.write(`Event ID ${eventId} is not filtered by Sysmon configurations\n`);
    return;
  }

  const { name, schemaVersion, options, warnings } = config;
  const text = json
    ? jsonText({ name, schemaVersion, options, warnings, eventTypes: states }, 2)
    : renderStates(config, states).join('\n');
  await io.out.write(text + '\n');
}

async function writeDecision(
  io: Io,
  config: SysmonConfig,
  eventId: number,
  fields: ReadonlyMap<string, string>,
  json: boolean,
): Promise<void> {
  const decision = wouldLog(config, eventId, (name) => fields.get(name));
  const text = json
    ? jsonText({ eventId, fields: Object.fromEntries(fields), ...decision }, 2)
    : renderDecision(decision).join('\n');
  await io.out.write(text + '\n');
}

/** The coverage command. */
export const coverageCommand: Command = {
  name: 'coverage',
  summary: 'what a Sysmon configuration logs, and whether one event would be logged',
  help: HELP,
  options: [
    { name: 'config', kind: 'value' },
    { name: 'event', kind: 'value' },
    { name: 'field', kind: 'list' },
    { name: 'json', kind: 'flag' },
  ],
  run,
};
