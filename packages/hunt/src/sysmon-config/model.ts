/**
 * The data a Sysmon configuration file becomes: rule sets per event type with their filters and
 * compound `<Rule>` groups, options, and warnings. Produced by parseSysmonConfig (config.ts).
 */
import type { ConditionOperator } from './conditions.js';
import type { SysmonOptions } from './options.js';

/** How the filters of a rule set or compound rule combine. */
export type GroupRelation = 'and' | 'or';

/** What a match means: log the event (`include`) or drop it (`exclude`). */
export type OnMatch = 'include' | 'exclude';

/** One field condition, such as `<Image condition="end with">chrome.exe</Image>`. */
export interface FieldFilter {
  readonly kind: 'filter';
  /** The event field, spelled as in the file (Sysmon field names are case-sensitive). */
  readonly field: string;
  readonly operator: ConditionOperator;
  /** The text compared, exactly as written (Sysmon trims nothing). */
  readonly value: string;
  /** The RuleName Sysmon records when this filter matches, when there is one. */
  readonly name?: string;
  readonly line: number;
}

/** A `<Rule>` element: filters combined with their own relation. */
export interface CompoundRule {
  readonly kind: 'rule';
  readonly relation: GroupRelation;
  readonly name?: string;
  readonly filters: readonly FieldFilter[];
  readonly line: number;
}

/** A filter or a compound rule, as listed in an event element. */
export type RuleItem = FieldFilter | CompoundRule;

/** One event element: its onmatch, relation and rules. */
export interface RuleSet {
  /** The event element name, such as `NetworkConnect`. */
  readonly element: string;
  readonly onMatch: OnMatch;
  readonly relation: GroupRelation;
  readonly items: readonly RuleItem[];
  /** The enclosing RuleGroup's name, when it has one. */
  readonly groupName?: string;
  readonly line: number;
  /** Position among all rule sets of the file, from 0. */
  readonly order: number;
}

/** The rule sets of one event type, each list in file order. */
export interface EventTypeRules {
  readonly element: string;
  readonly eventIds: readonly number[];
  readonly include: readonly RuleSet[];
  readonly exclude: readonly RuleSet[];
}

/** Something Sysmon would refuse, ignore or read surprisingly, with where it is. */
export interface ConfigWarning {
  readonly line: number;
  readonly message: string;
}

/** A parsed configuration. */
export interface SysmonConfig {
  /** The name given to parseSysmonConfig (a file name), when one was given. */
  readonly name?: string;
  /** The `schemaversion` attribute as written. */
  readonly schemaVersion?: string;
  /** How filters combine when nothing says otherwise (from the schema version). */
  readonly defaultRelation: GroupRelation;
  readonly options: SysmonOptions;
  /** Event types the file has rule sets for, in Event ID order. */
  readonly eventTypes: readonly EventTypeRules[];
  readonly warnings: readonly ConfigWarning[];
}
