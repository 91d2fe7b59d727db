/**
 * "Would Sysmon log this event?" answered the way Sysmon's rule engine decides
 * (Sysinternals/SysmonCommon `rules.c`, FilterEventRules and MatchFilterGroup):
 *
 * 1. The rule sets of the event type are checked in order: exclude sets first, then include
 *    sets, each in file order. The first set that matches decides: a matching exclude set drops
 *    the event (exclude wins), a matching include set logs it.
 * 2. When no set matches and the type has exactly one set, that set's default applies: an
 *    exclude set logs everything it did not match, an include set logs nothing else.
 * 3. When no set matches and the type has several sets, the event is not logged. So an include
 *    set logs only what it matches, and two exclude-only sets for one type log nothing.
 *
 * Inside a set, an `or` relation needs one item to match and an `and` relation needs all, except
 * that filters on the same field are alternatives (OR) in an `and` set, though not inside a
 * `<Rule>`. A set without rules never matches. A field the caller does not give is treated as
 * absent: no filter on it matches, as for a field the event type lacks in Sysmon.
 */
import { foldCase, matchesFolded } from './conditions.js';
import { rulesForEventId } from './config.js';
import type { EventTypeRules, FieldFilter, RuleItem, RuleSet, SysmonConfig } from './model.js';
import { describeItems } from './describe.js';
import { type SysmonEventType, UNFILTERED_EVENT_IDS, eventTypeById } from './event-types.js';
import { switchingOffSet } from './state.js';

/** Field access for one event: the value of a Sysmon field by its name, or undefined. */
export type FieldLookup = (name: string) => string | undefined;

/** The answer for one event. */
export interface LoggingDecision {
  readonly logged: boolean;
  /** A sentence an analyst reads, naming the deciding rule and its line. */
  readonly reason: string;
  /** The RuleName Sysmon would record, when a named include rule logged the event. */
  readonly ruleName?: string;
  /** Fields the rules consulted that the lookup did not give; they were treated as absent. */
  readonly missingFields?: readonly string[];
}

/** The running state of one evaluation: field values, missing fields, the RuleName so far. */
interface Evaluation {
  readonly lookup: FieldLookup;
  readonly folded: Map<string, string | undefined>;
  readonly missing: Set<string>;
  /** The name of the last matching named filter, which Sysmon records as RuleName. */
  ruleName?: string;
}

interface SetMatch {
  readonly matched: boolean;
  /** The items that made the set match. */
  readonly decisive: readonly RuleItem[];
}

const NO_MATCH: SetMatch = { matched: false, decisive: [] };

/**
 * Whether Sysmon, running `config`, would log an event with `eventId` whose fields `field`
 * gives, and why.
 */
export function wouldLog(
  config: SysmonConfig,
  eventId: number,
  field: FieldLookup,
): LoggingDecision {
  const always = UNFILTERED_EVENT_IDS.get(eventId);
  if (always !== undefined) {
    return logged(`Event ID ${eventId} (${always}) is always logged; no configuration filters it`);
  }

  const type = eventTypeById(eventId);
  if (type === undefined) {
    return notLogged(`Event ID ${eventId} is not an event type Sysmon configurations describe`);
  }
  const rules = rulesForEventId(config, eventId);
  if (rules === undefined) return unconfigured(type, eventId);
  return decide(type, eventId, rules, field);
}

function decide(
  type: SysmonEventType,
  eventId: number,
  rules: EventTypeRules,
  field: FieldLookup,
): LoggingDecision {
  const switchOff = switchingOffSet(type, rules);
  if (switchOff !== undefined) {
    const set = `the last ${type.element} rule set (line ${switchOff.line})`;
    const off = `${set} is an include set without rules, which switches collection off`;
    return notLogged(`${off}, so Event ID ${eventId} is never logged`);
  }

  const evaluation: Evaluation = { lookup: field, folded: new Map(), missing: new Set() };
  for (const set of [...rules.exclude, ...rules.include]) {
    const match = matchSet(evaluation, set);
    if (match.matched) return withMissing(evaluation, matched(evaluation, set, match));
  }
  return withMissing(evaluation, unmatched(type, eventId, rules));
}

function unconfigured(type: SysmonEventType, eventId: number): LoggingDecision {
  const element = type.element;
  if (!type.loggedWhenAbsent) {
    return notLogged(`${element} is not configured, so Event ID ${eventId} is never logged`);
  }
  return logged(`${element} is not configured, and Sysmon logs every ${element} event by default`);
}

function matched(evaluation: Evaluation, set: RuleSet, match: SetMatch): LoggingDecision {
  const plural = match.decisive.length > 1 ? 'rules' : 'rule';
  const rules = `${set.element} ${set.onMatch} ${plural} ${describeItems(match.decisive)}`;
  if (set.onMatch === 'exclude') return notLogged(`excluded by ${rules}`);

  const name = evaluation.ruleName;
  return { ...logged(`included by ${rules}`), ...(name === undefined ? {} : { ruleName: name }) };
}

function unmatched(type: SysmonEventType, eventId: number, rules: EventTypeRules): LoggingDecision {
  const element = type.element;
  const [only, ...others] = [...rules.exclude, ...rules.include];
  if (only !== undefined && others.length === 0) return onlySetDefault(element, eventId, only);

  if (rules.include.some((set) => set.items.length > 0)) {
    return notLogged(`no ${element} include rule matches`);
  }
  if (rules.include.length > 0) {
    return notLogged(
      `${element} include sets have no rules, so Event ID ${eventId} is never logged`,
    );
  }
  const sets = `${rules.exclude.length} ${element} exclude rule sets and no include set`;
  return notLogged(
    `no ${element} exclude rule matches, but with ${sets} Sysmon logs nothing unmatched`,
  );
}

function onlySetDefault(element: string, eventId: number, set: RuleSet): LoggingDecision {
  if (set.onMatch === 'exclude') {
    const only = `${element} has only exclude rules, so everything else is logged`;
    return logged(`no ${element} exclude rule matches, and ${only}`);
  }
  if (set.items.length > 0) return notLogged(`no ${element} include rule matches`);

  const empty = `the ${element} include set (line ${set.line}) has no rules`;
  return notLogged(`${empty}, so Event ID ${eventId} is never logged`);
}

function logged(reason: string): LoggingDecision {
  return { logged: true, reason };
}

function notLogged(reason: string): LoggingDecision {
  return { logged: false, reason };
}

function withMissing(evaluation: Evaluation, decision: LoggingDecision): LoggingDecision {
  if (evaluation.missing.size === 0) return decision;

  const missingFields = [...evaluation.missing].sort();
  const absent = `fields not given, taken as absent: ${missingFields.join(', ')}`;
  return { ...decision, reason: `${decision.reason} (${absent})`, missingFields };
}

function matchSet(evaluation: Evaluation, set: RuleSet): SetMatch {
  if (set.items.length === 0) return NO_MATCH;
  return matchItems(evaluation, set.items, set.relation, 'set');
}

/**
 * Sysmon's group walk: stops at the first match in an `or` group and at the first decisive
 * miss in an `and` group. At the top of a set (`level` 'set', not inside a `<Rule>`) a filter on
 * a field that already matched is skipped, and a miss is not decisive while a later filter tests
 * the same field.
 */
function matchItems(
  evaluation: Evaluation,
  items: readonly RuleItem[],
  relation: 'and' | 'or',
  level: 'set' | 'rule',
): SetMatch {
  const lastOfField = level === 'set' ? lastFilterIndexByField(items) : new Map<string, number>();
  const matchedFields = new Set<string>();
  const decisive: RuleItem[] = [];
  for (const [index, item] of items.entries()) {
    const field = level === 'set' && item.kind === 'filter' ? item.field : undefined;
    if (field !== undefined && matchedFields.has(field)) continue;

    const hit = matchItem(evaluation, item);
    if (hit) decisive.push(item);
    if (hit && field !== undefined) matchedFields.add(field);
    if (relation === 'or' && hit) return { matched: true, decisive: [item] };

    const laterSameField = field !== undefined && (lastOfField.get(field) ?? index) > index;
    if (relation === 'and' && !hit && !laterSameField) return NO_MATCH;
  }
  return relation === 'and' ? { matched: true, decisive } : NO_MATCH;
}

function matchItem(evaluation: Evaluation, item: RuleItem): boolean {
  if (item.kind === 'filter') return matchFilter(evaluation, item);
  return matchItems(evaluation, item.filters, item.relation, 'rule').matched;
}

/** For each field, the index of the last top-level filter on it. */
function lastFilterIndexByField(items: readonly RuleItem[]): Map<string, number> {
  const last = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    if (item.kind === 'filter') last.set(item.field, index);
  }
  return last;
}

/**
 * One filter; a match records its name as the RuleName so far, as Sysmon does.
 * TODO: Sysmon 14.1 and earlier recorded a `<Rule>`'s own name ahead of its filters' names;
 * this records the filter's name, as later versions do.
 */
function matchFilter(evaluation: Evaluation, filter: FieldFilter): boolean {
  const value = fieldValue(evaluation, filter.field);
  if (value === undefined) {
    evaluation.missing.add(filter.field);
    return false;
  }

  const hit = matchesFolded(filter.operator, foldCase(filter.value), value);
  if (hit && filter.name !== undefined) evaluation.ruleName = filter.name;
  return hit;
}

function fieldValue(evaluation: Evaluation, name: string): string | undefined {
  if (evaluation.folded.has(name)) return evaluation.folded.get(name);

  const raw = evaluation.lookup(name);
  const folded = raw === undefined ? undefined : foldCase(raw);
  evaluation.folded.set(name, folded);
  return folded;
}
