/**
 * Coverage: which activities a configuration would log (probes evaluated with wouldLog), and,
 * without a configuration file, what the logs themselves say about the configuration that
 * produced them: Sysmon Event ID 16 (configuration changed), Event ID 4 (service state, with
 * the schema version) and the RuleName values each Event ID carries (which include rules fired).
 */
import { fieldText, type EventRecord } from '../record.js';
import { SYSMON_PROVIDER } from '../sysmon.js';
import { type LoggingDecision, wouldLog } from './evaluate.js';
import type { SysmonConfig } from './model.js';

/** One activity to test: an event as Sysmon would see it. */
export interface CoverageProbe {
  /** What the probe stands for, such as `powershell.exe`. */
  readonly label: string;
  readonly eventId: number;
  /** Sysmon field values by field name, such as Image and DestinationIp. */
  readonly fields: Readonly<Record<string, string>>;
}

/** A probe with the configuration's answer for it. */
export interface CoverageEntry extends LoggingDecision {
  readonly probe: CoverageProbe;
}

/** Evaluates every probe against the configuration, in probe order. */
export function coverageReport(
  config: SysmonConfig,
  probes: readonly CoverageProbe[],
): CoverageEntry[] {
  return probes.map((probe) => ({ probe, ...wouldLog(config, probe.eventId, probeField(probe)) }));
}

/** Field lookup over a probe's own fields only (never inherited object properties). */
function probeField(probe: CoverageProbe): (name: string) => string | undefined {
  return (name) => (Object.hasOwn(probe.fields, name) ? probe.fields[name] : undefined);
}

/** Sysmon Event ID 16: the configuration was changed. */
export interface ConfigChange {
  readonly timeCreated: string | undefined;
  readonly computer: string;
  /** The configuration file path or the command line that changed it. */
  readonly configuration: string | undefined;
  /** `SHA256=...` of the configuration file, when a file was used. */
  readonly configurationFileHash: string | undefined;
}

/** Sysmon Event ID 4: the service started or stopped. */
export interface ServiceStateChange {
  readonly timeCreated: string | undefined;
  readonly computer: string;
  readonly state: string | undefined;
  readonly version: string | undefined;
  readonly schemaVersion: string | undefined;
}

/** What one Event ID's records say about the rules that logged them. */
export interface LoggedEventType {
  readonly eventId: number;
  readonly count: number;
  /** RuleName values seen, most frequent first: the include rules that fired. */
  readonly ruleNames: readonly { readonly ruleName: string; readonly count: number }[];
  /** Records without a RuleName (`-` or empty): logged by a rule without a name, or by default. */
  readonly unnamed: number;
}

/** What Sysmon records say about the configuration that produced them. */
export interface InferredConfig {
  readonly configChanges: readonly ConfigChange[];
  readonly serviceStates: readonly ServiceStateChange[];
  /** Every Sysmon Event ID seen, in ascending order. */
  readonly eventTypes: readonly LoggedEventType[];
}

/** Collects InferredConfig facts from Sysmon records one at a time; other records are ignored. */
export class ConfigInferenceAccumulator {
  readonly #changes: ConfigChange[] = [];
  readonly #states: ServiceStateChange[] = [];
  readonly #counts = new Map<
    number,
    { count: number; unnamed: number; names: Map<string, number> }
  >();

  /** Adds one record. */
  add(record: EventRecord): void {
    if (record.provider !== SYSMON_PROVIDER) return;

    if (record.eventId === 16) this.#changes.push(configChange(record));
    if (record.eventId === 4) this.#states.push(serviceState(record));
    this.#countRuleName(record);
  }

  /** The facts so far. */
  result(): InferredConfig {
    const eventTypes = [...this.#counts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([eventId, seen]) => ({
        eventId,
        count: seen.count,
        ruleNames: [...seen.names.entries()]
          .map(([ruleName, count]) => ({ ruleName, count }))
          .sort((a, b) => b.count - a.count || compareText(a.ruleName, b.ruleName)),
        unnamed: seen.unnamed,
      }));
    return { configChanges: [...this.#changes], serviceStates: [...this.#states], eventTypes };
  }

  #countRuleName(record: EventRecord): void {
    const seen = this.#counts.get(record.eventId) ?? { count: 0, unnamed: 0, names: new Map() };
    this.#counts.set(record.eventId, seen);
    seen.count++;

    const ruleName = fieldText(record, 'RuleName');
    if (ruleName === undefined || ruleName === '' || ruleName === '-') seen.unnamed++;
    else seen.names.set(ruleName, (seen.names.get(ruleName) ?? 0) + 1);
  }
}

/** InferredConfig for a whole collection of records. */
export function inferConfigFromLogs(events: Iterable<EventRecord>): InferredConfig {
  const accumulator = new ConfigInferenceAccumulator();
  for (const event of events) accumulator.add(event);
  return accumulator.result();
}

function configChange(record: EventRecord): ConfigChange {
  return {
    timeCreated: record.timeCreated,
    computer: record.computer,
    configuration: fieldText(record, 'Configuration'),
    configurationFileHash: fieldText(record, 'ConfigurationFileHash'),
  };
}

function serviceState(record: EventRecord): ServiceStateChange {
  return {
    timeCreated: record.timeCreated,
    computer: record.computer,
    state: fieldText(record, 'State'),
    version: fieldText(record, 'Version'),
    schemaVersion: fieldText(record, 'SchemaVersion'),
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
