/**
 * A Sysmon configuration file as data: schema version, options, and per event type the include
 * and exclude rule sets with their filters and compound `<Rule>` groups. Problems Sysmon would
 * refuse or silently ignore become warnings with line numbers; only unreadable XML throws.
 *
 * How the file maps to rule sets, following Sysmon's own reader (Sysinternals/SysmonCommon
 * `xml.cpp`) and the Sysmon Community Guide:
 * - every event element (`<NetworkConnect onmatch="include">`) becomes one rule set, whether it
 *   sits directly in `<EventFiltering>` or in a `<RuleGroup>`;
 * - only the first event element of a RuleGroup counts (Community Guide: Sysmon "will not error
 *   if you have more than one, but only the first EventType filters will be loaded"); the rest
 *   are reported and skipped. Sysmon for Linux's reader loads them all;
 * - several rule sets for the same event type and onmatch are all kept, as Sysmon's rule builder
 *   keeps them; evaluate.ts checks them the way Sysmon's engine does;
 * - a RuleGroup's `groupRelation` applies to its event element; without one, and for event
 *   elements outside any RuleGroup, filters combine with AND for schema versions above 4.1 and
 *   with OR for 4.1 and earlier; a `<Rule>` without `groupRelation` combines with AND;
 * - the RuleName a filter records is its own `name`, else its Rule's, else its RuleGroup's.
 */
import { SYSMON_EVENT_TYPES, eventTypeByElement, eventTypeById } from './event-types.js';
import type {
  EventTypeRules,
  GroupRelation,
  OnMatch,
  RuleItem,
  RuleSet,
  SysmonConfig,
} from './model.js';
import { readOptions } from './options.js';
import { type Reading, readRelation, warn } from './reading.js';
import { readItems } from './rule-items.js';
import { type XmlElement, XmlSyntaxError, attributeValue, childElements, parseXml } from './xml.js';
import { unknownEventFields } from './field-check.js';

/** The configuration text is not readable XML, or not a Sysmon configuration at all. */
export class SysmonConfigError extends Error {
  override readonly name = 'SysmonConfigError';
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(source: string, problem: string, line?: number, column?: number) {
    const where = line === undefined ? '' : ` at line ${line}, column ${column ?? 1}`;
    super(`Cannot read Sysmon configuration ${source}: ${problem}${where}`);
    this.line = line;
    this.column = column;
  }
}

/** Most line numbers one warning lists. */
const LISTED_LINES = 10;

/**
 * Reads a configuration. `name` (a file name) appears in errors and in the result. Throws
 * SysmonConfigError when the text is not well-formed XML or its root is not `<Sysmon>`.
 */
export function parseSysmonConfig(text: string, name?: string): SysmonConfig {
  const source = name === undefined ? 'text' : JSON.stringify(name);
  const root = readRoot(text, source);
  const schemaVersion = attributeValue(root, 'schemaversion');
  const reading: Reading = {
    defaultRelation: schemaRelation(schemaVersion),
    sets: [],
    warnings: [],
  };
  if (schemaVersion === undefined) warn(reading, root, '<Sysmon> has no schemaversion attribute');

  for (const child of childElements(root)) {
    if (child.name === 'EventFiltering') readEventFiltering(reading, child);
  }
  // Grouping adds warnings about repeated rule sets, so it runs before the warnings are sorted.
  const eventTypes = groupByEventType(reading);

  return {
    ...(name === undefined ? {} : { name }),
    ...(schemaVersion === undefined ? {} : { schemaVersion }),
    defaultRelation: reading.defaultRelation,
    options: readOptions(root),
    eventTypes,
    warnings: reading.warnings.sort((a, b) => a.line - b.line),
  };
}

/** The rule sets for the event type covering `eventId`, or undefined when the file has none. */
export function rulesForEventId(config: SysmonConfig, eventId: number): EventTypeRules | undefined {
  const type = eventTypeById(eventId);
  return config.eventTypes.find((rules) => rules.element === type?.element);
}

function readRoot(text: string, source: string): XmlElement {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new SysmonConfigError(source, error.problem, error.line, error.column);
  }

  if (root.name !== 'Sysmon') {
    const problem = `the root element is <${root.name}>, not <Sysmon>`;
    throw new SysmonConfigError(source, problem, root.line, root.column);
  }
  return root;
}

/** AND above schema 4.1, OR up to it; AND when the version is missing or unreadable. */
function schemaRelation(version: string | undefined): GroupRelation {
  const number = Number(version);
  if (version === undefined || !Number.isFinite(number)) return 'and';
  return Math.round(number * 100) > 410 ? 'and' : 'or';
}

function readEventFiltering(reading: Reading, filtering: XmlElement): void {
  for (const child of childElements(filtering)) {
    if (child.name.toLowerCase() === 'rulegroup') readRuleGroup(reading, child);
    else if (eventTypeByElement(child.name) !== undefined) readRuleSet(reading, child, {});
    else warn(reading, child, `unknown event element <${child.name}>; Sysmon refuses the file`);
  }
}

interface GroupContext {
  readonly relation?: GroupRelation;
  readonly groupName?: string;
}

function readRuleGroup(reading: Reading, group: XmlElement): void {
  const relation = readRelation(reading, group);
  const groupName = attributeValue(group, 'name');
  const context: GroupContext = {
    ...(relation === undefined ? {} : { relation }),
    ...(groupName ? { groupName } : {}),
  };

  const events = childElements(group);
  for (const unknown of events.filter((event) => eventTypeByElement(event.name) === undefined)) {
    warn(reading, unknown, `unknown event element <${unknown.name}>; Sysmon refuses the file`);
  }

  const [first, ...ignored] = events.filter((event) => eventTypeByElement(event.name));
  if (first === undefined) warn(reading, group, 'RuleGroup holds no event element');
  else readRuleSet(reading, first, context);
  for (const event of ignored) {
    const kept = `<${first?.name}> at line ${first?.line}`;
    warn(
      reading,
      event,
      `only the first event element of a RuleGroup counts (${kept}); <${event.name}> is ignored`,
    );
  }
}

function readRuleSet(reading: Reading, event: XmlElement, context: GroupContext): void {
  const onMatch = readOnMatch(reading, event);
  if (onMatch === undefined) return;

  const items = readItems(reading, event, context.groupName);
  warnAboutFields(reading, event.name, items);
  reading.sets.push({
    element: event.name,
    onMatch,
    relation: context.relation ?? reading.defaultRelation,
    items,
    ...(context.groupName === undefined ? {} : { groupName: context.groupName }),
    line: event.line,
    order: reading.sets.length,
  });
}

/**
 * Warns about filters on fields Sysmon never writes for the event type (`<Imaeg>`, or
 * `DestinationIP` for `DestinationIp`): Sysmon refuses such a file, and here they never match.
 */
function warnAboutFields(reading: Reading, element: string, items: readonly RuleItem[]): void {
  const type = eventTypeByElement(element);
  if (type === undefined) return;

  const filters = items.flatMap((item) => (item.kind === 'filter' ? [item] : item.filters));
  for (const filter of filters) {
    const unknown = type.eventIds.map((id) => unknownEventFields(id, [filter.field])[0]);
    if (unknown.some((field) => field === undefined)) continue;

    const suggestion = unknown.find((field) => field?.suggestion !== undefined)?.suggestion;
    const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
    const what = `Sysmon writes no field ${filter.field} for ${element}${hint}`;
    warn(
      reading,
      filter,
      `${what}: Sysmon would refuse this file, and the filter never matches here`,
    );
  }
}

function readOnMatch(reading: Reading, event: XmlElement): OnMatch | undefined {
  const onMatch = attributeValue(event, 'onmatch')?.toLowerCase();
  if (onMatch === 'include' || onMatch === 'exclude') return onMatch;

  const problem = onMatch === undefined ? 'has no onmatch attribute' : 'has an unknown onmatch';
  warn(reading, event, `<${event.name}> ${problem}; Sysmon refuses the file; ignored`);
  return undefined;
}

/** The configured event types, with warnings about several rule sets for one type. */
function groupByEventType(reading: Reading): EventTypeRules[] {
  const grouped: EventTypeRules[] = [];
  for (const type of SYSMON_EVENT_TYPES) {
    const sets = reading.sets.filter((set) => set.element === type.element);
    if (sets.length === 0) continue;

    const include = sets.filter((set) => set.onMatch === 'include');
    const exclude = sets.filter((set) => set.onMatch === 'exclude');
    warnAboutRepeats(reading, type.element, include, exclude);
    grouped.push({ element: type.element, eventIds: type.eventIds, include, exclude });
  }
  return grouped;
}

function warnAboutRepeats(
  reading: Reading,
  element: string,
  include: readonly RuleSet[],
  exclude: readonly RuleSet[],
): void {
  for (const sets of [include, exclude]) {
    const [first, second] = sets;
    if (first === undefined || second === undefined) continue;

    const shown = sets.slice(0, LISTED_LINES).map((set) => set.line);
    const lines = shown.join(', ') + (sets.length > shown.length ? ', ...' : '');
    const what = `${element} has ${sets.length} ${first.onMatch} rule sets (lines ${lines})`;
    warn(reading, second, `${what}; Sysmon keeps each, and a match in any of them counts`);
  }

  const second = exclude[1];
  if (include.length === 0 && second !== undefined) {
    const problem = `${element} has only exclude rule sets and more than one of them`;
    warn(reading, second, `${problem}, so Sysmon logs no ${element} event at all`);
  }
}
