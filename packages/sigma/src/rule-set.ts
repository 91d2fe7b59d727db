/**
 * A set of Sigma rules compiled once, bucketed by channel and event ID so an event is tried
 * only against the rules of its source, and the fields read of an event limited to those its
 * rules name.
 */
import {
  isFieldSource,
  type EventRecord,
  type FieldNames,
  type FieldSourceRecord,
  type FieldValue,
  type RecordFacts,
} from '@evtxhunt/hunt';

import {
  readCorrelation,
  type CorrelationDefinition,
  type CorrelationInfo,
} from './correlation.js';
import { CorrelationRun } from './correlation-run.js';
import { resolveCorrelations, type Named, type Resolved } from './correlation-set.js';
import { SigmaRuleError } from './errors.js';
import { EventView, FieldTable, fieldNames } from './fields.js';
import type { SourceBinding } from './logsource.js';
import { FieldLiterals } from './literals.js';
import { RuleIndex } from './prefilter.js';
import {
  compileRule,
  readDocuments,
  text,
  type CompiledRule,
  type RuleContext,
  type SigmaRuleInfo,
} from './rule.js';
import type { Matcher } from './values.js';

/** A rule file's text and where it came from. */
export interface RuleSource {
  readonly file: string;
  readonly text: string;
}

/** A rule that did not load, and why. */
export interface RuleFailure {
  readonly file: string;
  readonly reason: string;
}

/** Rule set options. */
export interface SigmaOptions {
  /** Values of `%name%` placeholders for the `expand` modifier; a rule naming others fails. */
  readonly placeholders?: Readonly<Record<string, readonly string[]>>;
  /**
   * No longer changes anything: risky `re` patterns run on the linear-time matcher of
   * @evtxhunt/hunt everywhere (see regex.ts), with or without V8's experimental fallback.
   * TODO: remove the option and its wiring (rule.ts, values.ts, the CLI and its tests).
   */
  readonly linearRegexFallback?: boolean;
}

/** One event a rule matched. */
export interface SigmaMatch {
  readonly rule: SigmaRuleInfo;
  readonly record: RecordFacts;
  /** The fields the rule's detection names that the event has, by Sigma name. */
  readonly fields: Readonly<Record<string, FieldValue>>;
}

/** The rules one (channel, event ID) is tried against, grouped by source. */
interface Bucket {
  readonly names: FieldNames;
  readonly groups: readonly {
    readonly table: FieldTable;
    /** The view of the event being matched, reused for the next. */
    readonly view: EventView;
    readonly literals: FieldLiterals;
    readonly rules: readonly { readonly rule: CompiledRule; readonly match: Matcher }[];
    /** Which rules are worth trying on an event (see prefilter.ts). */
    readonly index: RuleIndex;
  }[];
}

/** The fields one log source's rules read, and the literals they look for in them. */
interface Source {
  readonly binding: SourceBinding;
  readonly table: FieldTable;
  readonly literals: FieldLiterals;
}

/** Distinct (channel, event ID) buckets kept; past it, buckets are made for each event. */
const BUCKET_CACHE_LIMIT = 10_000;

const EMPTY: Bucket = { names: [], groups: [] };

/** What a bucket's views hold before their first event. */
const EMPTY_EVENT: EventRecord = {
  recordId: '0',
  timeCreated: '',
  eventId: 0,
  provider: '',
  channel: '',
  computer: '',
  data: {},
};

/** What the documents of the rule files became. */
interface Loaded {
  readonly rules: CompiledRule[];
  readonly definitions: CorrelationDefinition[];
  readonly named: Named[];
  readonly failures: RuleFailure[];
}

/**
 * Compiled rules and correlations, and the failures of those that did not compile. A rule a
 * correlation refers to is matched for the correlation only, unless the correlation says
 * `generate: true`; so is a correlation another refers to.
 */
export class SigmaRuleSet {
  /** Every rule compiled, those only correlations use included. */
  readonly rules: readonly CompiledRule[];
  /** The correlations that loaded. */
  readonly correlations: readonly CorrelationInfo[];
  readonly failures: readonly RuleFailure[];
  readonly #resolved: readonly Resolved[];
  readonly #reportedRules: ReadonlySet<SigmaRuleInfo>;
  readonly #reportedCorrelations: ReadonlySet<number>;
  readonly #ruleIndex: ReadonlyMap<SigmaRuleInfo, number>;
  readonly #tables = new Map<string, Source>();
  readonly #buckets = new Map<string, Map<number, Bucket>>();
  #cached = 0;

  /** Compiles every source; a rule that fails is listed in `failures` with its reason. */
  constructor(sources: Iterable<RuleSource>, options: SigmaOptions = {}) {
    const placeholders = new Map(Object.entries(options.placeholders ?? {}));
    const tableFor = (binding: SourceBinding): FieldTable => this.#source(binding).table;
    const literalsFor = (binding: SourceBinding) => this.#source(binding).literals;
    const linearRegexFallback = options.linearRegexFallback === true;
    const context = { tableFor, literalsFor, placeholders, linearRegexFallback };
    const loaded: Loaded = { rules: [], definitions: [], named: [], failures: [] };
    for (const source of sources) loadFile(source, context, loaded);

    const { resolved, failures } = resolveCorrelations(loaded.definitions, loaded.named);
    for (const [index, reason] of failures) {
      loaded.failures.push({ file: loaded.definitions[index]!.info.file, reason });
    }
    const used = usedBy(resolved);
    this.rules = loaded.rules.map((rule, index) =>
      withFields(rule, used.fields.get(index), tableFor),
    );
    this.#ruleIndex = new Map(this.rules.map((rule, index) => [rule.info, index]));
    this.#reportedRules = new Set(
      this.rules.flatMap((rule, index) => (used.hidden.has(`rule:${index}`) ? [] : [rule.info])),
    );
    this.#resolved = resolved;
    this.#reportedCorrelations = new Set(
      resolved.flatMap(({ index }) => (used.hidden.has(`correlation:${index}`) ? [] : [index])),
    );
    this.correlations = resolved.map(({ definition }) => definition.info);
    this.failures = loaded.failures;
  }

  /**
   * The rule ids more than one loaded rule carries, with their files in load order: copies of
   * a rule (a folder copied twice) each report their matches, so a caller should say so.
   */
  sharedIds(): { readonly id: string; readonly files: readonly string[] }[] {
    const files = new Map<string, string[]>();
    for (const { info } of this.rules) {
      const seen = files.get(info.id);
      if (seen === undefined) files.set(info.id, [info.file]);
      else seen.push(info.file);
    }
    return [...files].flatMap(([id, list]) => (list.length > 1 ? [{ id, files: list }] : []));
  }

  /**
   * A fresh run of the correlations over a stream of matches (see CorrelationRun), or
   * undefined when no correlation loaded.
   */
  correlationRun(): SigmaCorrelationRun | undefined {
    if (this.#resolved.length === 0) return undefined;
    const run = new CorrelationRun(this.#resolved, this.#reportedCorrelations);
    const indexes = this.#ruleIndex;
    return {
      run,
      add: (matches) => run.add(matches, (match) => indexes.get(match.rule) ?? -1),
    };
  }

  /** True when the rule's own matches are reported (no correlation uses it alone). */
  reported(rule: SigmaRuleInfo): boolean {
    return this.#reportedRules.has(rule);
  }

  /** The data field names the rules read of an event with these facts. */
  fieldsRead(facts: RecordFacts): FieldNames {
    return this.#bucket(facts.channel, facts.eventId).names;
  }

  /** The reported rules the event matches, in rule order (see matchAll). */
  match(record: EventRecord | FieldSourceRecord): SigmaMatch[] {
    return this.#matches(record, true);
  }

  /** Every rule the event matches, those only correlations use included, in rule order. */
  matchAll(record: EventRecord | FieldSourceRecord): SigmaMatch[] {
    return this.#matches(record, false);
  }

  #matches(record: EventRecord | FieldSourceRecord, reportedOnly: boolean): SigmaMatch[] {
    const bucket = this.#bucket(record.channel, record.eventId);
    if (bucket.groups.length === 0) return [];

    const event = isFieldSource(record) ? record.withFields(bucket.names) : record;
    const matches: SigmaMatch[] = [];
    for (const { view, literals, rules, index } of bucket.groups) {
      view.reset(event);
      literals.scan(view);
      const count = index.candidates(literals);
      for (let at = 0; at < count; at++) {
        const { rule, match } = rules[index.candidate(at)]!;
        if (reportedOnly && !this.#reportedRules.has(rule.info)) continue;
        if (match(view)) matches.push(matchOf(rule, event, view));
      }
    }
    return matches;
  }

  #source(binding: SourceBinding): Source {
    let entry = this.#tables.get(binding.key);
    if (entry === undefined) {
      entry = { binding, table: new FieldTable(binding.fields), literals: new FieldLiterals() };
      this.#tables.set(binding.key, entry);
    }
    return entry;
  }

  #bucket(channel: string, eventId: number): Bucket {
    let byId = this.#buckets.get(channel);
    const cached = byId?.get(eventId);
    if (cached !== undefined) return cached;

    const bucket = this.#makeBucket(channel.toLowerCase(), eventId);
    if (this.#cached >= BUCKET_CACHE_LIMIT) return bucket;
    if (byId === undefined) {
      byId = new Map();
      this.#buckets.set(channel, byId);
    }
    byId.set(eventId, bucket);
    this.#cached++;
    return bucket;
  }

  #makeBucket(channel: string, eventId: number): Bucket {
    const groups = [...this.#tables.values()].flatMap(({ binding, table, literals }) => {
      if (binding.channel !== channel) return [];
      if (binding.eventIds !== undefined && !binding.eventIds.includes(eventId)) return [];
      const sources = this.rules.flatMap((rule) =>
        rule.sources.flatMap((source) =>
          source.binding.key === binding.key ? [{ rule, source }] : [],
        ),
      );
      if (sources.length === 0) return [];
      const rules = sources.map(({ rule, source }) => ({ rule, match: source.match }));
      const index = new RuleIndex(sources.map(({ source }) => source.need));
      return [{ table, view: new EventView(table, EMPTY_EVENT), literals, rules, index }];
    });
    if (groups.length === 0) return EMPTY;
    return { names: fieldNames(groups.flatMap((group) => group.table.dataNames())), groups };
  }
}

function matchOf(rule: CompiledRule, event: EventRecord, view: EventView): SigmaMatch {
  const fields: Record<string, FieldValue> = {};
  for (const name of rule.fields) {
    const values = view.values(view.table.slot(name));
    if (values !== undefined)
      setField(fields, name, values.length === 1 ? values[0]! : [...values]);
  }
  return { rule: rule.info, record: factsOf(event), fields };
}

/** Sets a field; `__proto__` as a plain own field (plain assignment would set the prototype). */
function setField(fields: Record<string, FieldValue>, name: string, value: FieldValue): void {
  if (name !== '__proto__') fields[name] = value;
  else
    Object.defineProperty(fields, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

function factsOf(record: EventRecord): RecordFacts {
  const { file, recordId, timeCreated, eventId, provider, channel, computer, recovered } = record;
  const facts: { -readonly [K in keyof RecordFacts]: RecordFacts[K] } = {
    recordId,
    timeCreated,
    eventId,
    provider,
    channel,
    computer,
  };
  if (file !== undefined) facts.file = file;
  if (recovered === true) facts.recovered = recovered;
  return facts;
}

/** A correlation run and how to feed it the matches of this rule set (from matchAll). */
export interface SigmaCorrelationRun {
  readonly run: CorrelationRun;
  readonly add: (matches: readonly SigmaMatch[]) => void;
}

/** Compiles each document of one file into `loaded`, noting the failures. */
function loadFile({ file, text: source }: RuleSource, context: RuleContext, loaded: Loaded): void {
  let documents;
  try {
    documents = readDocuments(source);
  } catch (error) {
    if (!(error instanceof SigmaRuleError)) throw error;
    loaded.failures.push({ file, reason: error.message });
    return;
  }
  documents.forEach((document, at) => {
    const name = text(document, 'name');
    const id = text(document, 'id');
    const isCorrelation = 'correlation' in document;
    try {
      if (isCorrelation) {
        const index = loaded.definitions.push(readCorrelation(document, file)) - 1;
        loaded.named.push({ name, id, target: { kind: 'correlation', index } });
      } else {
        const index = loaded.rules.push(compileRule(document, file, context)) - 1;
        loaded.named.push({ name, id, target: { kind: 'rule', index } });
      }
    } catch (error) {
      if (!(error instanceof SigmaRuleError)) throw error;
      const where = documents.length > 1 ? `document ${at + 1}: ` : '';
      loaded.failures.push({ file, reason: `${where}${error.message}` });
      loaded.named.push({ name, id, target: { kind: 'failed' } });
    }
  });
}

/**
 * What the correlations take of the rules: the rules and correlations matched only for them
 * (`rule:N`, `correlation:N`), and per rule the fields they group or count by.
 */
function usedBy(resolved: readonly Resolved[]): {
  hidden: Set<string>;
  fields: Map<number, Set<string>>;
} {
  const referred = new Set<string>();
  const generated = new Set<string>();
  const fields = new Map<number, Set<string>>();
  for (const { definition, inputs } of resolved) {
    for (const { target, reference } of inputs) {
      const key = `${target.kind}:${target.index}`;
      (definition.generate ? generated : referred).add(key);
      if (target.kind !== 'rule') continue;
      const names = fields.get(target.index) ?? new Set<string>();
      for (const name of [...definition.groupBy, ...definition.fields]) {
        names.add(definition.aliases.get(name)?.get(reference) ?? name);
      }
      fields.set(target.index, names);
    }
  }
  const hidden = new Set([...referred].filter((key) => !generated.has(key)));
  return { hidden, fields };
}

/** The rule with the fields correlations read of its events given slots and reported. */
function withFields(
  rule: CompiledRule,
  names: ReadonlySet<string> | undefined,
  tableFor: (binding: SourceBinding) => FieldTable,
): CompiledRule {
  if (names === undefined || names.size === 0) return rule;
  for (const { binding } of rule.sources) {
    for (const name of names) tableFor(binding).slot(name);
  }
  return { ...rule, fields: [...new Set([...rule.fields, ...names])] };
}
