/**
 * The hunt worker's Sigma part: one rule set, compiled here from the files the page picked, and
 * what its rules matched in the records sent to it so far. Rule matches are gathered into
 * findings as they come; correlations are run again over the matches kept at each report, so a
 * report can be asked for again after more records (CorrelationRun's results are final).
 */
import type { EventRecord, FieldSourceRecord, Finding } from '@evtxhunt/hunt';
import {
  SigmaFindings,
  SigmaRuleSet,
  correlationFindings,
  type RuleFailure,
  type SigmaMatch,
} from '@evtxhunt/sigma';

import { readRuleFiles, type ReadRules, type RuleFile } from './sigma-files.js';

/** Failures sent to the page at most; the rest are counted. */
export const FAILURES_KEPT = 500;

/** A rule id that several loaded rules carry, and their files in load order. */
export interface SharedId {
  readonly id: string;
  readonly files: readonly string[];
}

/**
 * How a rule set loaded: the counts, why the rules that did not load failed, the .yml/.yaml
 * files that are not rules, the archives that are not zips, and rule ids several files carry.
 * Lists hold their first FAILURES_KEPT entries; the counts are of all.
 */
export interface SigmaLoad {
  readonly rules: number;
  readonly correlations: number;
  /** The .yml/.yaml files read, zip members included: 0 says there was nothing to load. */
  readonly yamlFiles: number;
  readonly failures: readonly RuleFailure[];
  readonly failureCount: number;
  readonly notRules: readonly string[];
  readonly notRuleCount: number;
  readonly unreadArchives: readonly RuleFailure[];
  readonly sharedIds: readonly SharedId[];
}

/** The Sigma part of a report: the load, the records matched against, and the findings. */
export interface SigmaOutcome {
  readonly load: SigmaLoad;
  readonly records: number;
  readonly findings: readonly Finding[];
  /** Correlation groups not followed because a correlation held too many already. */
  readonly droppedGroups: number;
}

/**
 * One rule set and its matches so far.
 * A rule's `re` expression whose shape could make RegExp backtrack for long (`(a+)+$`,
 * `.*.*=$`) runs on the linear-time matcher of @evtxhunt/hunt, so no value can hold the worker
 * for long; only backreferences and lookarounds, which it cannot run, keep a rule from loading.
 * TODO: the rules run in the engine's worker, not one of their own that the page could end, so
 * a slow rule set (many rules on very long values) still delays the engine's own detections.
 */
export class SigmaState {
  readonly load: SigmaLoad;
  readonly #rules: SigmaRuleSet;
  readonly #findings = new SigmaFindings();
  /**
   * Every match of the records so far when correlations loaded, for running them at a report.
   * TODO: kept without a limit: a correlation over a rule matching most events keeps one small
   * object per event here, on top of the engine's own records.
   */
  readonly #kept: SigmaMatch[] = [];
  #records = 0;

  private constructor(rules: SigmaRuleSet, read: ReadRules) {
    this.#rules = rules;
    const all = [...read.failures, ...rules.failures];
    this.load = {
      rules: rules.rules.length,
      correlations: rules.correlations.length,
      yamlFiles: read.yamlFiles,
      failures: all.slice(0, FAILURES_KEPT),
      failureCount: all.length,
      notRules: read.notRules.slice(0, FAILURES_KEPT),
      notRuleCount: read.notRules.length,
      unreadArchives: read.unreadArchives.slice(0, FAILURES_KEPT),
      sharedIds: rules.sharedIds().slice(0, FAILURES_KEPT),
    };
  }

  /** Reads and compiles the rules of the files. */
  static async of(files: readonly RuleFile[]): Promise<SigmaState> {
    const read = await readRuleFiles(files);
    return new SigmaState(new SigmaRuleSet(read.sources), read);
  }

  /** Matches one record. */
  add(record: EventRecord | FieldSourceRecord): void {
    this.#records++;
    if (this.#rules.correlations.length === 0) {
      this.#findings.add(this.#rules.match(record));
      return;
    }
    const matches = this.#rules.matchAll(record);
    for (const match of matches) this.#kept.push(match);
    this.#findings.add(matches.filter((match) => this.#rules.reported(match.rule)));
  }

  /** The findings of every record so far, correlations run over them. */
  outcome(): SigmaOutcome {
    const correlations = this.#rules.correlationRun();
    correlations?.add(this.#kept);
    const correlated = correlationFindings(correlations?.run.finish() ?? []);
    return {
      load: this.load,
      records: this.#records,
      findings: [...this.#findings.findings(), ...correlated],
      droppedGroups: correlations?.run.droppedGroups ?? 0,
    };
  }
}
