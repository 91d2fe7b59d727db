/** Rules and events for the tests: a rule from its detection, a Sysmon event from its data. */
import type { EventRecord, FieldValue } from '@evtxhunt/hunt';

import { SigmaRuleSet, type SigmaOptions } from '../src/index.js';

/** A rule file's text with this detection (indented YAML under `detection:`). */
export function ruleText(detection: string, logsource = 'category: process_creation'): string {
  return [
    'title: Test rule',
    'id: 00000000-0000-4000-8000-000000000001',
    'level: high',
    'tags:',
    '  - attack.execution',
    '  - attack.t1059.001',
    'logsource:',
    '  product: windows',
    `  ${logsource}`,
    'detection:',
    ...detection.split('\n').map((line) => `  ${line}`),
  ].join('\n');
}

/** A rule set of the one rule; throws with the reason when it does not load. */
export function oneRule(
  detection: string,
  options: SigmaOptions = {},
  logsource?: string,
): SigmaRuleSet {
  const set = new SigmaRuleSet(
    [{ file: 'test.yml', text: ruleText(detection, logsource) }],
    options,
  );
  const failure = set.failures[0];
  if (failure !== undefined) throw new Error(failure.reason);
  return set;
}

/** The reason the rule does not load, or undefined when it loads. */
export function loadFailure(detection: string, logsource?: string): string | undefined {
  return new SigmaRuleSet([{ file: 'test.yml', text: ruleText(detection, logsource) }]).failures[0]
    ?.reason;
}

let nextRecord = 1;

/** A Sysmon event with this data (event ID 1 unless said). */
export function sysmon(data: Record<string, FieldValue>, eventId = 1): EventRecord {
  return {
    recordId: String(nextRecord++),
    timeCreated: '2024-03-05T14:07:09.1230000Z',
    eventId,
    provider: 'Microsoft-Windows-Sysmon',
    channel: 'Microsoft-Windows-Sysmon/Operational',
    computer: 'host1',
    data,
  };
}

/** A record of any channel. */
export function event(
  channel: string,
  eventId: number,
  data: Record<string, FieldValue>,
): EventRecord {
  return { ...sysmon(data, eventId), channel, provider: channel };
}

/** True when the set's one rule matches the event. */
export function fires(set: SigmaRuleSet, record: EventRecord): boolean {
  return set.match(record).length > 0;
}

/** True when `field|modifiers: value` (YAML text) matches an event holding `data`. */
export function entryFires(
  entry: string,
  data: Record<string, FieldValue>,
  options?: SigmaOptions,
): boolean {
  return fires(oneRule(`selection:\n  ${entry}\ncondition: selection`, options), sysmon(data));
}
