/**
 * JSON Lines exports of records and findings: one JSON object per line, each line ending in
 * '\n'. Record IDs, keywords and other 64-bit values are already strings in the record
 * contract and stay strings; a bigint that reaches the writer is written as a decimal string
 * rather than rounded or refused. Times the engine writes in UTC (a record's timeCreated, a
 * finding's firstSeen, lastSeen and evidence times) are shown in the chosen zone with their
 * offset, and a `timeZone` property names the zone on every line when it is not UTC. Event data
 * values (Sysmon's UtcTime included) are written exactly as logged.
 */
import type { Evidence, Finding, StoryStep } from '../findings/finding.js';
import type { EventRecord } from '../record.js';
import { ZonedTimeFormatter } from '../time-zone/format.js';
import { exportJsonText } from './export-json.js';
import type { TimeZoneChoice } from '../time-zone/zone.js';

/** How to write. */
export interface JsonlOptions {
  /** Zone for times: 'UTC' (default), 'local' or an IANA name. */
  readonly timeZone?: TimeZoneChoice;
}

/** Writes records and findings as JSON lines in one zone. */
export class JsonlWriter {
  readonly #formatter: ZonedTimeFormatter;

  /** Throws TimeZoneError for an unknown zone. */
  constructor(options: JsonlOptions = {}) {
    this.#formatter = new ZonedTimeFormatter(options.timeZone ?? 'UTC');
  }

  /** The zone times are written in (resolved IANA name). */
  get timeZone(): string {
    return this.#formatter.zone;
  }

  /**
   * One record as one line: all its own properties in their order, timeCreated in the chosen
   * zone and followed by timeZone when that is not UTC.
   */
  record(record: EventRecord): string {
    // A prototype-free object, so a hostile "__proto__" key stays an ordinary property.
    const line: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'timeCreated' || typeof value !== 'string') {
        line[key] = value;
        continue;
      }
      line[key] = this.#time(value);
      Object.assign(line, this.#zoneProperty());
    }
    return jsonLine(line);
  }

  /** One finding as one line, its times (evidence and story included) in the chosen zone. */
  finding(finding: Finding): string {
    const zoned: Finding = {
      ...finding,
      firstSeen: this.#time(finding.firstSeen),
      lastSeen: this.#time(finding.lastSeen),
      evidence: finding.evidence.map((item) => this.#evidence(item)),
      ...(finding.story === undefined ? {} : { story: finding.story.map((s) => this.#step(s)) }),
    };
    return jsonLine({ ...zoned, ...this.#zoneProperty() });
  }

  #evidence(evidence: Evidence): Evidence {
    return { ...evidence, time: this.#time(evidence.time) };
  }

  #step(step: StoryStep): StoryStep {
    return { ...step, time: this.#time(step.time), evidence: this.#evidence(step.evidence) };
  }

  /** A time in the chosen zone; text that is not an ISO UTC instant is kept as it is. */
  #time(isoUtc: string): string {
    return this.#formatter.tryFormat(isoUtc) ?? isoUtc;
  }

  #zoneProperty(): { readonly timeZone?: string } {
    return this.#formatter.zone === 'UTC' ? {} : { timeZone: this.#formatter.zone };
  }
}

/** Every record as a JSON line, lazily. */
export function* recordJsonLines(
  records: Iterable<EventRecord>,
  options: JsonlOptions = {},
): Generator<string> {
  const writer = new JsonlWriter(options);
  for (const record of records) yield writer.record(record);
}

/** Every finding as a JSON line, lazily. */
export function* findingJsonLines(
  findings: Iterable<Finding>,
  options: JsonlOptions = {},
): Generator<string> {
  const writer = new JsonlWriter(options);
  for (const finding of findings) yield writer.finding(finding);
}

/**
 * One value as one JSON line, escaped as the ECS and Timesketch exports are (export-json.ts):
 * controls, bidi marks and U+2028/U+2029 as `\u` escapes, so a line never splits and an event
 * field cannot rewrite a terminal or reorder what a viewer shows. Bigints become decimal strings.
 */
export function jsonLine(value: unknown): string {
  return `${exportJsonText(value)}\n`;
}
