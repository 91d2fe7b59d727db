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

import { SigmaRuleError } from './errors.js';
import { EventView, FieldTable, fieldNames } from './fields.js';
import type { SourceBinding } from './logsource.js';
import { RuleIndex } from './prefilter.js';
import { compileRule, type CompiledRule, type SigmaRuleInfo } from './rule.js';
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
    readonly rules: readonly { readonly rule: CompiledRule; readonly match: Matcher }[];
    /** Which rules are worth trying on an event (see prefilter.ts). */
    readonly index: RuleIndex;
  }[];
}

/** Distinct (channel, event ID) buckets kept; past it, buckets are made for each event. */
const BUCKET_CACHE_LIMIT = 10_000;

const EMPTY: Bucket = { names: [], groups: [] };

/** Compiled rules and the failures of those that did not compile. */
export class SigmaRuleSet {
  readonly rules: readonly CompiledRule[];
  readonly failures: readonly RuleFailure[];
  readonly #tables = new Map<string, { binding: SourceBinding; table: FieldTable }>();
  readonly #buckets = new Map<string, Map<number, Bucket>>();
  #cached = 0;

  /** Compiles every source; a rule that fails is listed in `failures` with its reason. */
  constructor(sources: Iterable<RuleSource>, options: SigmaOptions = {}) {
    const placeholders = new Map(Object.entries(options.placeholders ?? {}));
    const tableFor = (binding: SourceBinding): FieldTable => this.#table(binding);
    const rules: CompiledRule[] = [];
    const failures: RuleFailure[] = [];
    for (const { file, text } of sources) {
      try {
        rules.push(compileRule(text, file, { tableFor, placeholders }));
      } catch (error) {
        if (!(error instanceof SigmaRuleError)) throw error;
        failures.push({ file, reason: error.message });
      }
    }
    this.rules = rules;
    this.failures = failures;
  }

  /** The data field names the rules read of an event with these facts. */
  fieldsRead(facts: RecordFacts): FieldNames {
    return this.#bucket(facts.channel, facts.eventId).names;
  }

  /** The rules the event matches, in rule order. */
  match(record: EventRecord | FieldSourceRecord): SigmaMatch[] {
    const bucket = this.#bucket(record.channel, record.eventId);
    if (bucket.groups.length === 0) return [];

    const event = isFieldSource(record) ? record.withFields(bucket.names) : record;
    const matches: SigmaMatch[] = [];
    for (const { table, rules, index } of bucket.groups) {
      const view = new EventView(table, event);
      const candidates = index.candidates(view);
      for (let at = 0; at < rules.length; at++) {
        const { rule, match } = rules[at]!;
        if (candidates[at] === 1 && match(view)) matches.push(matchOf(rule, event, view));
      }
    }
    return matches;
  }

  #table(binding: SourceBinding): FieldTable {
    let entry = this.#tables.get(binding.key);
    if (entry === undefined) {
      entry = { binding, table: new FieldTable(binding.fields) };
      this.#tables.set(binding.key, entry);
    }
    return entry.table;
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
    const groups = [...this.#tables.values()].flatMap(({ binding, table }) => {
      if (binding.channel !== channel) return [];
      if (binding.eventIds !== undefined && !binding.eventIds.includes(eventId)) return [];
      const sources = this.rules.flatMap((rule) =>
        rule.sources.flatMap((source) =>
          source.binding.key === binding.key ? [{ rule, source }] : [],
        ),
      );
      if (sources.length === 0) return [];
      const rules = sources.map(({ rule, source }) => ({ rule, match: source.match }));
      return [{ table, rules, index: new RuleIndex(sources.map(({ source }) => source.need)) }];
    });
    if (groups.length === 0) return EMPTY;
    return { names: fieldNames(groups.flatMap((group) => group.table.dataNames())), groups };
  }
}

function matchOf(rule: CompiledRule, event: EventRecord, view: EventView): SigmaMatch {
  const fields: Record<string, FieldValue> = {};
  for (const name of rule.fields) {
    const values = view.values(view.table.slot(name));
    if (values !== undefined) {
      Object.defineProperty(fields, name, {
        value: values.length === 1 ? values[0] : [...values],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return { rule: rule.info, record: factsOf(event), fields };
}

function factsOf(record: EventRecord): RecordFacts {
  const { file, recordId, timeCreated, eventId, provider, channel, computer, recovered } = record;
  const facts: RecordFacts = { recordId, timeCreated, eventId, provider, channel, computer };
  return {
    ...facts,
    ...(file === undefined ? {} : { file }),
    ...(recovered === true ? { recovered } : {}),
  };
}
