/**
 * The hunt report's coverage section. An empty result means something only when the Sysmon
 * configuration logs the activity at all: with a configuration, each probe (LOLBins, binaries in
 * user-writable places, common programs connecting out) is put to it and those it would never
 * log are blind spots; without one, the logs themselves say what they can (Event IDs 16 and 4,
 * which Event IDs appear, and the RuleName values of Event ID 3).
 */
import type { BlindSpot, CoverageSection } from '../findings/report.js';
import { outboundCoverageProbes } from '../knowledge/coverage-probes.js';
import type { EventRecord } from '../record.js';
import {
  coverageReport,
  ConfigInferenceAccumulator,
  type InferredConfig,
} from '../sysmon-config/coverage.js';
import type { SysmonConfig } from '../sysmon-config/model.js';
import { eventTypeState } from '../sysmon-config/state.js';

/** RuleName values named in the inferred notes. */
const RULE_NAMES_SHOWN = 5;

/**
 * Event ID 16 and Event ID 4 records described in the inferred notes, each; a log that restarts
 * Sysmon every day would otherwise fill the report with them. TODO: the accumulator still keeps
 * every one of them (a few hundred bytes each, and rare in real logs).
 */
export const SERVICE_NOTES_SHOWN = 20;

/** The coverage section for a configuration file. */
export function configCoverage(config: SysmonConfig): CoverageSection {
  const probes = outboundCoverageProbes();
  const entries = coverageReport(config, probes);
  const blindSpots: BlindSpot[] = entries.flatMap((entry, index) => {
    const category = probes[index]?.category;
    if (entry.logged || category === undefined) return [];
    return [{ category, label: entry.probe.label, reason: entry.reason }];
  });

  return {
    basis: 'config',
    ...(config.name === undefined ? {} : { configName: config.name }),
    blindSpots,
    notes: configNotes(config, entries.length, blindSpots),
  };
}

function configNotes(config: SysmonConfig, probes: number, blind: readonly BlindSpot[]): string[] {
  const notes = [3, 22, 1, 11].flatMap((eventId) => {
    const state = eventTypeState(config, eventId);
    return state === undefined ? [] : [`Event ID ${eventId} (${state.element}): ${state.summary}`];
  });
  const count = (category: BlindSpot['category']) =>
    blind.filter((spot) => spot.category === category).length;
  notes.push(
    `Of ${probes} HTTPS connections out put to the configuration, ${blind.length} would not be logged: ` +
      `${count('lolbin')} LOLBins, ${count('user-writable')} user-writable places, ` +
      `${count('common-process')} common programs.`,
  );
  if (config.warnings.length > 0) {
    notes.push(
      `The configuration has ${config.warnings.length} warnings (see evtxhunt coverage --config).`,
    );
  }
  return notes;
}

/** Coverage inferred from the records themselves, collected as they stream. */
export class InferredCoverage {
  readonly #accumulator = new ConfigInferenceAccumulator();

  /** Takes one record (only Sysmon's are used). */
  add(record: EventRecord): void {
    this.#accumulator.add(record);
  }

  /** The coverage section: notes only, as no configuration was given. */
  section(): CoverageSection {
    return { basis: 'inferred', blindSpots: [], notes: inferredNotes(this.#accumulator.result()) };
  }
}

function inferredNotes(inferred: InferredConfig): string[] {
  const notes = ['No Sysmon configuration was given (--config), so blind spots cannot be listed.'];
  for (const change of inferred.configChanges.slice(0, SERVICE_NOTES_SHOWN)) {
    const hash =
      change.configurationFileHash === undefined ? '' : ` (${change.configurationFileHash})`;
    notes.push(
      `${change.timeCreated ?? 'At an unknown time'}: ${change.computer} loaded configuration ${change.configuration ?? '?'}${hash} (Event ID 16).`,
    );
  }
  notes.push(...moreNote(inferred.configChanges.length, 'configuration changes (Event ID 16)'));
  for (const state of inferred.serviceStates.slice(0, SERVICE_NOTES_SHOWN)) {
    notes.push(
      `${state.timeCreated ?? 'At an unknown time'}: Sysmon ${state.version ?? '?'} (schema ${state.schemaVersion ?? '?'}) ${state.state ?? 'changed state'} on ${state.computer} (Event ID 4).`,
    );
  }
  notes.push(...moreNote(inferred.serviceStates.length, 'Sysmon state changes (Event ID 4)'));
  notes.push(...eventTypeNotes(inferred));
  return notes;
}

function moreNote(count: number, what: string): string[] {
  const more = count - SERVICE_NOTES_SHOWN;
  return more > 0 ? [`... and ${more} more ${what}, ${count} in all.`] : [];
}

function eventTypeNotes(inferred: InferredConfig): string[] {
  const seen = new Map(inferred.eventTypes.map((type) => [type.eventId, type]));
  if (seen.size === 0) return ['No Sysmon records were read.'];

  const notes = [
    `Sysmon Event IDs in the logs: ${inferred.eventTypes.map((type) => `${type.eventId} (${type.count})`).join(', ')}.`,
  ];
  const network = seen.get(3);
  if (network === undefined) {
    notes.push(
      'No Event ID 3: NetworkConnect is off in the configuration, or nothing it includes ran.',
    );
  } else if (network.ruleNames.length > 0) {
    const names = network.ruleNames
      .slice(0, RULE_NAMES_SHOWN)
      .map((rule) => `${rule.ruleName} (${rule.count})`);
    notes.push(
      `Event ID 3 was logged by include rules named ${names.join(', ')}; ${network.unnamed} had no RuleName.`,
    );
  }
  if (!seen.has(22))
    notes.push(
      'No Event ID 22: destinations are named only by the reverse lookup in DestinationHostname.',
    );
  if (!seen.has(1))
    notes.push('No Event ID 1: process starts, parents and command lines are not in the logs.');
  return notes;
}
