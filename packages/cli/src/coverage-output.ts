/**
 * Text for `evtxhunt coverage`: the per-event-type table, one decision, and the configuration's
 * warnings. Every piece of configuration text is escaped before it reaches a terminal.
 */
import {
  SYSMON_EVENT_TYPES,
  eventTypeState,
  type EventTypeState,
  type LoggingDecision,
  type SysmonConfig,
} from '@evtxhunt/hunt';

import { escapeText } from './escape.js';
import { renderTable, type Column } from './table.js';

/** The state of every event type, or of the one covering `eventId`. */
export function eventTypeStates(config: SysmonConfig, eventId?: number): EventTypeState[] {
  const ids =
    eventId === undefined ? SYSMON_EVENT_TYPES.map((type) => type.eventIds[0] ?? 0) : [eventId];
  return ids.flatMap((id) => eventTypeState(config, id) ?? []);
}

/** A heading line about the file and its options, then the table of event type states. */
export function renderStates(config: SysmonConfig, states: readonly EventTypeState[]): string[] {
  const columns: Column[] = [
    { heading: 'event ids' },
    { heading: 'element' },
    { heading: 'state' },
    { heading: 'include', align: 'right' },
    { heading: 'exclude', align: 'right' },
    { heading: 'what is logged' },
  ];
  const rows = states.map((state) => [
    state.eventIds.join(','),
    state.element,
    state.mode,
    String(state.includeRules),
    String(state.excludeRules),
    state.summary,
  ]);
  return [...describeConfig(config), '', ...renderTable(columns, rows)];
}

/** `logged: reason` or `not logged: reason`, then the RuleName Sysmon would record. */
export function renderDecision(decision: LoggingDecision): string[] {
  const verdict = decision.logged ? 'logged' : 'not logged';
  const lines = [escapeText(`${verdict}: ${decision.reason}`)];
  if (decision.ruleName !== undefined) lines.push(escapeText(`RuleName: ${decision.ruleName}`));
  return lines;
}

/** One stderr line per configuration warning: `evtxhunt: FILE line N: warning: message`. */
export function renderWarnings(config: SysmonConfig, file: string): string[] {
  return config.warnings.map((warning) =>
    escapeText(`evtxhunt: ${file} line ${warning.line}: warning: ${warning.message}`),
  );
}

function describeConfig(config: SysmonConfig): string[] {
  const schema = config.schemaVersion ?? 'not stated';
  const lines = [`configuration ${config.name ?? '(text)'}, schema ${schema}`];
  const options = config.options;
  if (options.hashAlgorithms !== undefined) {
    lines.push(`hash algorithms: ${options.hashAlgorithms.join(',')}`);
  }
  if (options.dnsLookup === false) {
    lines.push(
      'DnsLookup is off: Sysmon does not resolve DestinationHostname, so hostname rules see no name',
    );
  }
  return lines.map(escapeText);
}
