/**
 * What a configuration does with a whole event type, before any event is looked at: nothing
 * logged, only what include rules select, everything but what exclude rules drop, or both.
 * The modes follow the decision rules described in evaluate.ts.
 */
import { rulesForEventId } from './config.js';
import type { EventTypeRules, RuleSet, SysmonConfig } from './model.js';
import { type SysmonEventType, eventTypeById } from './event-types.js';

/** How an event type is filtered. */
export type EventTypeMode = 'off' | 'include-only' | 'exclude-only' | 'include-and-exclude';

/** The filtering of one event type. */
export interface EventTypeState {
  /** The configuration element, such as `NetworkConnect`. */
  readonly element: string;
  readonly eventIds: readonly number[];
  readonly mode: EventTypeMode;
  /** True when the file has at least one rule set for the type. */
  readonly configured: boolean;
  /** Rules (filters and compound `<Rule>`s) across the include sets. */
  readonly includeRules: number;
  /** Rules across the exclude sets. */
  readonly excludeRules: number;
  /** One sentence saying what gets logged. */
  readonly summary: string;
}

/**
 * The filtering of the event type covering `eventId`, or undefined when no configuration
 * element filters that Event ID (4, 16 and 255 are always logged; others are not Sysmon's).
 */
export function eventTypeState(config: SysmonConfig, eventId: number): EventTypeState | undefined {
  const type = eventTypeById(eventId);
  if (type === undefined) return undefined;

  const rules = rulesForEventId(config, eventId);
  if (rules === undefined) return unconfiguredState(type);
  return configuredState(type, rules);
}

/**
 * For types whose collection the rules switch on (NetworkConnect and others): the last rule set
 * in the file, when it is an include set without rules, which switches collection off.
 */
export function switchingOffSet(type: SysmonEventType, rules: EventTypeRules): RuleSet | undefined {
  if (!type.switchedByRules) return undefined;

  const sets = [...rules.include, ...rules.exclude];
  const last = sets.reduce<RuleSet | undefined>(
    (a, b) => (a === undefined || b.order > a.order ? b : a),
    undefined,
  );
  return last?.onMatch === 'include' && last.items.length === 0 ? last : undefined;
}

function unconfiguredState(type: SysmonEventType): EventTypeState {
  const base = { element: type.element, eventIds: type.eventIds, configured: false };
  if (type.loggedWhenAbsent) {
    const summary = 'not configured; Sysmon logs every event of this type by default';
    return { ...base, mode: 'exclude-only', includeRules: 0, excludeRules: 0, summary };
  }
  const summary = 'not configured; Sysmon does not log this type';
  return { ...base, mode: 'off', includeRules: 0, excludeRules: 0, summary };
}

function configuredState(type: SysmonEventType, rules: EventTypeRules): EventTypeState {
  const includeRules = countRules(rules.include);
  const excludeRules = countRules(rules.exclude);
  const base = { element: type.element, eventIds: type.eventIds, configured: true };
  const counts = { includeRules, excludeRules };

  const switchOff = switchingOffSet(type, rules);
  if (switchOff !== undefined) {
    const summary = `collection switched off by an include set without rules (line ${switchOff.line})`;
    return { ...base, ...counts, mode: 'off', summary };
  }
  return { ...base, ...counts, ...modeOf(rules, includeRules, excludeRules) };
}

interface ModeSummary {
  readonly mode: EventTypeMode;
  readonly summary: string;
}

function modeOf(rules: EventTypeRules, includeRules: number, excludeRules: number): ModeSummary {
  const include = `${includeRules} include rules`;
  const exclude = `${excludeRules} exclude rules`;
  if (includeRules > 0 && excludeRules > 0) {
    return mode('include-and-exclude', `logs what ${include} select unless ${exclude} drop it`);
  }
  if (includeRules > 0) return mode('include-only', `logs only what ${include} select`);
  if (rules.include.length > 0) return mode('off', 'include sets without rules: nothing is logged');

  const sets = rules.exclude.length;
  if (sets > 1) return mode('off', `${sets} exclude sets and no include set: nothing is logged`);
  if (excludeRules === 0) {
    return mode('exclude-only', 'logs everything (its exclude set has no rules)');
  }
  return mode('exclude-only', `logs everything but what ${exclude} drop`);
}

function mode(mode: EventTypeMode, summary: string): ModeSummary {
  return { mode, summary };
}

function countRules(sets: readonly RuleSet[]): number {
  return sets.reduce((total, set) => total + set.items.length, 0);
}
